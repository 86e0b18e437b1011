package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MenteeAnswers;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.intake.Role;
import org.tandem.core.people.People;
import org.tandem.core.testing.TestMongo;

/**
 * The benchmark's people are ones the intake could have enrolled: exactly as many on each side as asked, answers
 * the intake forms accept, a name each, and the same people for the same seed.
 */
class SeededEnrolmentsTest {

    private static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");

    @Test
    void seedsAsManyMenteesAndMentorsAsAskedWithAnswersTheIntakeAccepts() {
        MongoDatabase db = TestMongo.freshDatabase();
        SeededEnrolments.Seeded seeded = new SeededEnrolments(db, "p1", 7).seed(400, 100, NOW, 2);
        List<Enrollment> all = new Enrollments(db).inProgram("p1");

        assertThat(all).hasSize(seeded.people());
        assertThat(all.stream().filter(Enrollment::mentored)).hasSize(400);
        assertThat(all.stream().filter(Enrollment::mentors)).hasSize(100);
        assertThat(all.stream().filter(e -> e.role() == Role.BOTH)).hasSize(seeded.both()).isNotEmpty();
        assertThat(seeded.places()).isEqualTo(all.stream().flatMap(e -> e.mentor().stream())
                .mapToInt(MentorAnswers::capacity).sum());
        People people = new People(db);
        for (Enrollment e : all) {
            assertThat(e.person().platform()).isEqualTo("webchat");
            assertThat(people.name(e.person())).as(e.person().key()).contains(" ");
            e.mentee().ifPresent(SeededEnrolmentsTest::menteeAnswersAreValid);
            e.mentor().ifPresent(SeededEnrolmentsTest::mentorAnswersAreValid);
        }
        Map<Boolean, Long> french = all.stream().flatMap(e -> e.mentee().stream())
                .collect(Collectors.partitioningBy(a -> a.languages().contains("fr"), Collectors.counting()));
        assertThat(french.get(true)).as("some speak French").isPositive().isLessThan(french.get(false));
    }

    @Test
    void theSameSeedSeedsTheSamePeopleWhateverTheThreads() {
        MongoDatabase one = TestMongo.freshDatabase();
        MongoDatabase two = TestMongo.freshDatabase();
        new SeededEnrolments(one, "p1", 3).seed(60, 20, NOW, 2);
        new SeededEnrolments(two, "p1", 3).seed(60, 20, NOW, 1);
        assertThat(answers(two)).isEqualTo(answers(one));
        MongoDatabase other = TestMongo.freshDatabase();
        new SeededEnrolments(other, "p1", 4).seed(60, 20, NOW, 1);
        assertThat(answers(other)).as("another seed").isNotEqualTo(answers(one));
    }

    private static Map<String, String> answers(MongoDatabase db) {
        return new Enrollments(db).inProgram("p1").stream().collect(Collectors.toMap(e -> e.person().key(),
                e -> e.role() + " " + e.mentee() + " " + e.mentor() + " " + new People(db).name(e.person())));
    }

    private static void menteeAnswersAreValid(MenteeAnswers a) {
        assertThat(SeededEnrolments.TOPICS).containsAll(a.topics());
        assertThat(a.topics()).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(a.topics().isEmpty() && a.other().isEmpty()).as("a first topic, or one of their own").isFalse();
        assertThat(a.seniority()).isIn("junior", "mid", "senior");
        common(a.languages(), a.timeZone(), a.format(), a.location());
        assertThat(a.preference()).isIn("none", "other-department", "same-department");
        assertThat(a.hopes()).isNotBlank();
    }

    private static void mentorAnswersAreValid(MentorAnswers a) {
        assertThat(SeededEnrolments.TOPICS).containsAll(a.topics());
        assertThat(a.topics()).isNotEmpty();
        assertThat(a.seniority()).isIn("mid", "senior", "lead", "executive");
        assertThat(a.capacity()).isBetween(1, 3);
        assertThat(a.years()).isBetween(0, 60);
        common(a.languages(), a.timeZone(), a.format(), a.location());
    }

    private static void common(List<String> languages, String zone, String format, String location) {
        assertThat(languages).isNotEmpty().isSubsetOf(SeededEnrolments.LANGUAGES);
        assertThat(ZoneId.of(zone)).isNotNull();
        assertThat(format).isIn("video", "in-person", "either");
        if (format.equals("in-person")) {
            assertThat(location).as("the intake asks where, for in person").isNotBlank();
        }
    }
}

package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.core.matching.Someone.mentee;
import static org.tandem.core.matching.Someone.mentor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.schedule.WorkingWeek;

/** Each criterion's points and the sentence that explains them (default weights: topics 5, the others 2). */
class ScoringTest {

    /** US summer time has started, Europe's has not: New York is 5 hours behind Paris that day, not 6. */
    static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    private final Matcher matcher = new Matcher(Weights.defaults(), DAY);

    @Test
    void topicsCountByTheMenteesPriority() {
        Someone.Mentee e = mentee("e").topics("Leadership", "Sales", "Testing");
        assertThat(points(e, mentor("r").expertise("Leadership", "Sales", "Testing"), Criterion.TOPICS)).isEqualTo(30);
        assertThat(points(e, mentor("r").expertise("Leadership"), Criterion.TOPICS)).isEqualTo(15);
        assertThat(points(e, mentor("r").expertise("Sales", "Testing"), Criterion.TOPICS)).isEqualTo(15);
        assertThat(points(e, mentor("r").expertise("Testing"), Criterion.TOPICS)).isEqualTo(5);
        assertThat(points(mentee("e").topics("Leadership", "Sales"), mentor("r").expertise("Sales"), Criterion.TOPICS))
                .isEqualTo(10);
        assertThat(points(mentee("e").topics("Sales"), mentor("r").expertise("Sales"), Criterion.TOPICS))
                .isEqualTo(30);
    }

    @Test
    void topicsSayWhichOnesInPriorityOrderAndIgnoreCase() {
        Reason r = reason(mentee("e").topics("Testing", "Leadership", "Sales"),
                mentor("r").expertise("leadership ", "TESTING"), Criterion.TOPICS).orElseThrow();
        assertThat(r.key()).isEqualTo("match.reason.topics");
        assertThat(r.args()).containsExactly("Testing, Leadership");
        assertThat(r.text(Texts.of(Locale.ENGLISH))).isEqualTo("Can help with Testing, Leadership");
        assertThat(reason(mentee("e").topics("Sales"), mentor("r").expertise("Design"), Criterion.TOPICS))
                .get().extracting(Reason::key, Reason::points).containsExactly("match.reason.topics.none", 0);
        assertThat(reason(mentee("e").topics(), mentor("r"), Criterion.TOPICS)).as("no topic, nothing to say")
                .isEmpty();
    }

    @Test
    void aLevelOrTwoAboveIsTheBestSeniority() {
        Someone.Mentee e = mentee("e").seniority(2);
        assertThat(seniority(e, 3)).containsExactly("match.reason.seniority.one-ahead", 12);
        assertThat(seniority(e, 4)).containsExactly("match.reason.seniority.two-ahead", 12);
        assertThat(seniority(e, 5)).containsExactly("match.reason.seniority.far-ahead", 8);
        assertThat(seniority(mentee("e").seniority(1), 5)).containsExactly("match.reason.seniority.far-ahead", 6);
        assertThat(seniority(e, 2)).containsExactly("match.reason.seniority.peer", 4);
        assertThat(seniority(e, 1)).containsExactly("match.reason.seniority.behind", 0);
    }

    @Test
    void departmentCountsOnlyWhenTheMenteeAsked() {
        Someone.Mentee other = mentee("e").department("Sales").prefers(Preference.OTHER_DEPARTMENT);
        Someone.Mentee same = mentee("e").department("Sales").prefers(Preference.SAME_DEPARTMENT);
        Reason met = reason(other, mentor("r").department("Finance"), Criterion.DEPARTMENT).orElseThrow();
        assertThat(met.points()).isEqualTo(12);
        assertThat(met.text(Texts.of(Locale.FRENCH))).isEqualTo("D'un autre service (Finance), comme vous l'avez demandé");
        assertThat(reason(other, mentor("r").department(" sales"), Criterion.DEPARTMENT)).get()
                .extracting(Reason::key, Reason::points).containsExactly("match.reason.department.not-other", 0);
        assertThat(reason(same, mentor("r").department("SALES"), Criterion.DEPARTMENT)).get()
                .extracting(Reason::key, Reason::points).containsExactly("match.reason.department.same", 12);
        assertThat(reason(same, mentor("r").department("Legal"), Criterion.DEPARTMENT)).get()
                .extracting(Reason::key, Reason::points).containsExactly("match.reason.department.not-same", 0);
        assertThat(reason(other, mentor("r").department(""), Criterion.DEPARTMENT)).get()
                .extracting(Reason::key, Reason::points).containsExactly("match.reason.department.unknown", 0);
        assertThat(reason(mentee("e"), mentor("r"), Criterion.DEPARTMENT)).as("no preference").isEmpty();
    }

    @Test
    void timeZonesCountSharedWorkingHoursOnTheDay() {
        // the usual week: 9:30 to 17:00, 7.5 hours a day
        Someone.Mentee paris = mentee("e").zone("Europe/Paris");
        assertThat(timeZone(paris, "Europe/Berlin", DAY)).containsExactly("match.reason.time-zone.same", 12);
        // an hour apart: 6.5 hours, past the 6 that earn every point
        assertThat(timeZone(paris, "Europe/London", DAY)).containsExactly("match.reason.time-zone.hours", 12);
        // 5 hours apart that day: 2.5 hours
        assertThat(timeZone(paris, "America/New_York", DAY)).containsExactly("match.reason.time-zone.hours", 4);
        // 6 hours apart in January: 1.5 hours
        assertThat(timeZone(paris, "America/New_York", LocalDate.of(2025, 1, 15)))
                .containsExactly("match.reason.time-zone.one-hour", 2);
        assertThat(timeZone(paris, "Asia/Tokyo", LocalDate.of(2025, 1, 15)))
                .containsExactly("match.reason.time-zone.none", 0);
        // 7 hours apart: half an hour is not an hour to meet in
        assertThat(timeZone(paris, "America/Denver", DAY)).containsExactly("match.reason.time-zone.none", 0);
        // Auckland's Thursday morning is Honolulu's Wednesday afternoon: 23 hours apart is 1 hour apart
        assertThat(timeZone(mentee("e").zone("Pacific/Auckland"), "Pacific/Honolulu", DAY))
                .containsExactly("match.reason.time-zone.hours", 12);
        Reason r = new Matcher(Weights.defaults(), DAY).score(paris.build(),
                mentor("r").zone("Europe/London").build()).reasons().stream()
                .filter(x -> x.criterion() == Criterion.TIME_ZONE).findFirst().orElseThrow();
        assertThat(r.text(Texts.of(Locale.ENGLISH))).isEqualTo("6 working hours in common");
    }

    @Test
    void theProgrammesWorkingWeekIsTheOneTimeZonesAreComparedIn() {
        // Paris and New York, 5 hours apart that day: 2.5 hours of 9:30-17:00 in common, 3 of 8:00-16:00
        WorkingWeek early = new WorkingWeek(LocalTime.of(8, 0), LocalTime.of(16, 0),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY));
        MenteeCandidate paris = mentee("e").zone("Europe/Paris").build();
        MentorCandidate newYork = mentor("r").zone("America/New_York").build();
        Weights mustShare3Hours = Weights.defaults().withMust(Criterion.TIME_ZONE, true);

        assertThat(new Matcher(mustShare3Hours, MatchPolicy.defaults(), DAY, early).allowed(paris, newYork, Set.of()))
                .as("3 hours in common under 8:00-16:00").isTrue();
        assertThat(new Matcher(mustShare3Hours, MatchPolicy.defaults(), DAY, WorkingWeek.defaults())
                .allowed(paris, newYork, Set.of())).as("2.5 hours under 9:30-17:00").isFalse();
        Reason r = timeZoneReason(new Matcher(Weights.defaults(), MatchPolicy.defaults(), DAY, early), paris, newYork);
        assertThat(List.of(r.key(), r.points())).containsExactly("match.reason.time-zone.hours", 6);
        assertThat(r.text(Texts.of(Locale.FRENCH))).isEqualTo("3 heures de travail en commun");
        assertThat(Rules.sharedMinutes(paris, newYork, DAY, early)).isEqualTo(180);
        assertThat(Rules.sharedMinutes(paris, newYork, DAY, WorkingWeek.defaults())).isEqualTo(150);

        // the same hours everywhere are "the same working hours", whatever their length
        Reason same = timeZoneReason(new Matcher(Weights.defaults(), MatchPolicy.defaults(), DAY, early), paris,
                mentor("r").zone("Europe/Berlin").build());
        assertThat(same.key()).isEqualTo("match.reason.time-zone.same");

        // a 6:00-22:00 day twelve hours away shares two stretches: Paris's morning and evening with Auckland's
        // evening and morning, 4 hours each
        WorkingWeek long16 = new WorkingWeek(LocalTime.of(6, 0), LocalTime.of(22, 0), WorkingWeek.defaults().days());
        MentorCandidate auckland = mentor("r").zone("Pacific/Auckland").build();
        Reason two = timeZoneReason(new Matcher(Weights.defaults(), MatchPolicy.defaults(), DAY, long16), paris,
                auckland);
        assertThat(two.args()).containsExactly("8");
        assertThat(Rules.sharedMinutes(paris, auckland, DAY, long16)).isEqualTo(8 * 60);
    }

    private static Reason timeZoneReason(Matcher m, MenteeCandidate e, MentorCandidate r) {
        return m.score(e, r).reasons().stream().filter(x -> x.criterion() == Criterion.TIME_ZONE).findFirst()
                .orElseThrow();
    }

    @Test
    void formatsAndPlacesFit() {
        assertThat(format(mentee("e"), mentor("r"))).containsExactly("match.reason.format.video", 12);
        assertThat(format(mentee("e").meets(Format.EITHER, "Lyon"), mentor("r").meets(Format.IN_PERSON, " lyon")))
                .containsExactly("match.reason.format.in-person", 12);
        assertThat(format(mentee("e").meets(Format.EITHER, "Lyon"), mentor("r").meets(Format.EITHER, "Paris")))
                .as("video still works, in person would have been a little better")
                .containsExactly("match.reason.format.video", 10);
        assertThat(format(mentee("e").meets(Format.IN_PERSON, "Lyon"), mentor("r").meets(Format.EITHER, "Paris")))
                .containsExactly("match.reason.format.none", 0);
        assertThat(format(mentee("e").meets(Format.IN_PERSON, "Lyon"), mentor("r").meets(Format.VIDEO, "Lyon")))
                .containsExactly("match.reason.format.none", 0);
        assertThat(format(mentee("e"), mentor("r").meets(Format.IN_PERSON, "Lyon")))
                .containsExactly("match.reason.format.none", 0);
        Reason r = reason(mentee("e").meets(Format.IN_PERSON, "lyon"), mentor("r").meets(Format.IN_PERSON, "Lyon"),
                Criterion.FORMAT).orElseThrow();
        assertThat(r.text(Texts.of(Locale.FRENCH))).isEqualTo("Peut vous rencontrer en personne à Lyon");
    }

    @Test
    void aScoreIsTheSumOfItsReasonsDriversFirstAndZeroWeightSaysNothing() {
        Weights w = Weights.defaults().with(Criterion.FORMAT, 0).with(Criterion.SENIORITY, 7);
        Score s = new Matcher(w, DAY).score(mentee("e").topics("Leadership", "Sales").build(),
                mentor("r").expertise("Sales").seniority(3).zone("America/New_York").build());
        assertThat(s.reasons()).extracting(Reason::criterion)
                .containsExactly(Criterion.SENIORITY, Criterion.TOPICS, Criterion.TIME_ZONE);
        assertThat(s.reasons()).extracting(Reason::points).containsExactly(42, 10, 4);
        assertThat(s.total()).isEqualTo(56);
    }

    @Test
    void theBestPossibleScoreIsKnown() {
        Weights all = new Weights(java.util.Map.of(Criterion.TOPICS, 10, Criterion.SENIORITY, 10,
                Criterion.DEPARTMENT, 10, Criterion.TIME_ZONE, 10, Criterion.FORMAT, 10), java.util.Set.of());
        Score s = new Matcher(all, DAY).score(mentee("e").prefers(Preference.OTHER_DEPARTMENT).build(),
                mentor("r").build());
        assertThat(s.total()).isEqualTo(Weights.MAX * Criteria.BEST * Criterion.values().length);
    }

    private int points(Someone.Mentee e, Someone.Mentor r, Criterion c) {
        return reason(e, r, c).map(Reason::points).orElse(0);
    }

    private Optional<Reason> reason(Someone.Mentee e, Someone.Mentor r, Criterion c) {
        return matcher.score(e.build(), r.build()).reasons().stream().filter(x -> x.criterion() == c).findFirst();
    }

    private List<Object> seniority(Someone.Mentee e, int mentorLevel) {
        Reason r = reason(e, mentor("r").seniority(mentorLevel), Criterion.SENIORITY).orElseThrow();
        return List.of(r.key(), r.points());
    }

    private List<Object> timeZone(Someone.Mentee e, String zone, LocalDate day) {
        Reason r = new Matcher(Weights.defaults(), day).score(e.build(), mentor("r").zone(zone).build()).reasons()
                .stream().filter(x -> x.criterion() == Criterion.TIME_ZONE).findFirst().orElseThrow();
        return List.of(r.key(), r.points());
    }

    private List<Object> format(Someone.Mentee e, Someone.Mentor r) {
        Reason x = reason(e, r, Criterion.FORMAT).orElseThrow();
        return List.of(x.key(), x.points());
    }

    @Test
    void theOnePassCostIsTheScoreTheMustsAndTheNeedsTogether() {
        for (long seed = 0; seed < 30; seed++) {
            java.util.Random r = new java.util.Random(seed);
            RandomProgramme p = RandomProgramme.generate(40, 20, seed);
            Weights w = Instance.randomWeights(r);
            MatchPolicy policy = Instance.randomPolicy(r);
            Pool pool = new Pool(p.mentees(), p.mentors(), p.exclusions(), Instance.DAY, Instance.randomWeek(seed));
            Criteria.Compiled compiled = Criteria.Compiled.of(w, policy, 1_000_003);
            for (Pool.Mentee e : pool.mentees) {
                for (Pool.Mentor m : pool.mentors) {
                    long cost = Criteria.cost(compiled, e, m);
                    if (Criteria.failsAMust(w, e, m)) {
                        assertThat(cost).as("seed %d", seed).isEqualTo(Criteria.NOT_ALLOWED);
                    } else {
                        assertThat(cost).as("seed %d", seed).isEqualTo(
                                Criteria.failedNeeds(policy, e, m) * 1_000_003L - Criteria.total(w, e, m));
                    }
                }
            }
        }
    }
}

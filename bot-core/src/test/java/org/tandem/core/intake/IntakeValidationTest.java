package org.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.core.conversation.Block;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/**
 * Malformed answers thrown at the questionnaires: each gets a clear message on its own field, and nothing
 * invalid is ever stored.
 */
class IntakeValidationTest {

    private static final Set<String> TOPICS = Set.of("leadership", "public speaking", "career growth", "negotiation",
            "data science");

    static List<Arguments> badMenteeAnswers() {
        return List.of(
                Arguments.of("topic1", "", "Please answer this"),
                Arguments.of("topic1", "astrology", "one of the options"),
                Arguments.of("topic2", "public speaking", "already picked"),
                Arguments.of("other", "<!channel>", "< and >"),
                Arguments.of("hopes", "", "Please answer this"),
                Arguments.of("hopes", "   \n\t ", "Please answer this"),
                Arguments.of("hopes", "x".repeat(1001), "1,000 characters"),
                Arguments.of("languages", List.of(), "Please answer this"),
                Arguments.of("languages", List.of("de"), "one of the options"),
                Arguments.of("timeZone", "", "Please answer this"),
                Arguments.of("timeZone", "Mars/Olympus", "not a time zone"),
                Arguments.of("timeZone", "<script>", "< and >"),
                Arguments.of("department", "<script>alert(1)</script>", "< and >"),
                Arguments.of("department", "d".repeat(81), "80 characters"),
                Arguments.of("seniority", "intern", "one of the options"),
                Arguments.of("format", "carrier pigeon", "one of the options"),
                Arguments.of("preference", "same-star-sign", "one of the options"));
    }

    @ParameterizedTest(name = "mentee {0} = {1}")
    @MethodSource("badMenteeAnswers")
    void badMenteeAnswersAreRefusedOnTheirField(String field, Object value, String message) {
        Chat chat = new Chat();
        Seed.openProgramme(chat, "Leadership");
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        Block.Form form = alice.submits("intake.mentee", Forms.with(Forms.mentee(), field, value)).form();
        assertThat(IntakeFlowTest.input(form, field).error()).contains(message);
        alice.clicks("intake.consent", "yes");
        assertThat(new Enrollments(chat.db()).of(alice.ref())).isEmpty();
    }

    @Test
    void otherWithoutSayingWhichIsAskedOnTheOtherField() {
        Chat chat = new Chat();
        Seed.openProgramme(chat, "Leadership");
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        Block.Form form = alice.submits("intake.mentee", Forms.with(Forms.mentee(), "topic1", "other")).form();
        assertThat(IntakeFlowTest.input(form, "other").error()).contains("please say which topic");
        Chat.Replies ok = alice.submits("intake.mentee",
                Forms.with(Forms.with(Forms.mentee(), "topic1", "other"), "other", "chess"));
        assertThat(ok.buttonLabels()).contains("I agree");
        alice.clicksButton("I agree");
        MenteeAnswers a = new Enrollments(chat.db()).of(alice.ref()).get(0).mentee().orElseThrow();
        assertThat(a.topics()).containsExactly("leadership");
        assertThat(a.other()).isEqualTo("chess");
    }

    static List<Arguments> badMentorAnswers() {
        return List.of(
                Arguments.of("capacity", "0", "from 1 to 5"),
                Arguments.of("capacity", "99", "from 1 to 5"),
                Arguments.of("capacity", "", "Please answer this"),
                Arguments.of("capacity", "2.5", "whole number"),
                Arguments.of("years", "-1", "from 0 to 60"),
                Arguments.of("topics", List.of(), "Please answer this"),
                Arguments.of("topics", List.of("leadership", "astrology"), "one of the options"),
                Arguments.of("why", "w".repeat(1001), "1,000 characters"),
                Arguments.of("other", "<@U123> & friends", "< and >"));
    }

    @ParameterizedTest(name = "mentor {0} = {1}")
    @MethodSource("badMentorAnswers")
    void badMentorAnswersAreRefusedOnTheirField(String field, Object value, String message) {
        Chat chat = new Chat();
        Seed.openProgramme(chat, "Leadership");
        Chat.Person bob = chat.person("bob");
        bob.says("join");
        bob.clicksButton("Mentor");
        Block.Form form = bob.submits("intake.mentor", Forms.with(Forms.mentor(), field, value)).form();
        assertThat(IntakeFlowTest.input(form, field).error()).contains(message);
        assertThat(new Enrollments(chat.db()).of(bob.ref())).isEmpty();
    }

    @Test
    void markupInFreeTextIsKeptLiterallyNeverInterpreted() {
        Chat chat = new Chat();
        Seed.openProgramme(chat, "Leadership");
        Chat.Person alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.with(Forms.mentee(), "hopes", "<!channel> *bold* <script>x</script>"));
        MenteeAnswers a = new Enrollments(chat.db()).of(alice.ref()).get(0).mentee().orElseThrow();
        assertThat(a.hopes()).isEqualTo("<!channel> *bold* <script>x</script>");
        // shown as a field value: a literal that every renderer escapes
        assertThat(alice.says("profile").blocks(Block.Fields.class)).anySatisfy(f ->
                assertThat(f.fields()).contains(new Block.Field("What do you hope to achieve?",
                        "<!channel> *bold* <script>x</script>")));
    }

    /** Random answers, seeded: whatever comes in, what is stored satisfies every rule. */
    @Test
    void randomAnswersNeverStoreAnythingInvalid() {
        Random random = new Random(20261126L);
        List<String> nasty = List.of("", " ", "<!channel>", "<script>", "*", "leadership", "public speaking",
                "astrology", "other", "0", "1", "5", "6", "99", "-3", "en", "fr", "de", "video", "in-person", "lead",
                "Europe/Paris", "Mars/Olympus", "x".repeat(1001), "\u0000\u0007", "Zoë 🚀", "a\nb");
        Chat chat = new Chat();
        Seed.openProgramme(chat, "Leadership");
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < 80; i++) {
            Chat.Person p = chat.person("p" + i);
            boolean mentee = random.nextBoolean();
            p.says("join");
            p.clicks("intake.role", mentee ? "mentee" : "mentor");
            Map<String, Object> answers = new java.util.LinkedHashMap<>(mentee ? Forms.mentee() : Forms.mentor());
            for (String field : new ArrayList<>(answers.keySet())) {
                if (random.nextInt(8) == 0) {
                    answers.put(field, answers.get(field) instanceof List<?>
                            ? List.of(nasty.get(random.nextInt(nasty.size())))
                            : nasty.get(random.nextInt(nasty.size())));
                }
            }
            p.submits(mentee ? "intake.mentee" : "intake.mentor", answers);
            p.clicks("intake.consent", "yes");
            List<Enrollment> mine = new Enrollments(chat.db()).of(p.ref());
            for (Enrollment e : mine) {
                e.mentee().ifPresent(IntakeValidationTest::valid);
                e.mentor().ifPresent(IntakeValidationTest::valid);
            }
            if (mine.isEmpty()) {
                refused++;
            } else {
                stored++;
            }
        }
        // the mix must exercise both sides, or the test proves nothing
        assertThat(stored).isGreaterThan(5);
        assertThat(refused).isGreaterThan(5);
    }

    private static void valid(MenteeAnswers a) {
        assertThat(a.topics()).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(TOPICS).containsAll(a.topics());
        assertThat(a.hopes()).isNotBlank().hasSizeLessThanOrEqualTo(1000);
        assertThat(a.languages()).isNotEmpty().allMatch(l -> l.equals("en") || l.equals("fr"));
        shortField(a.department());
        shortField(a.timeZone());
        assertThat(java.time.ZoneId.of(a.timeZone())).isNotNull();
    }

    private static void valid(MentorAnswers a) {
        assertThat(a.topics()).isNotEmpty();
        assertThat(TOPICS).containsAll(a.topics());
        assertThat(a.capacity()).isBetween(1, 5);
        assertThat(a.years()).isBetween(0, 60);
        shortField(a.department());
        assertThat(a.why()).hasSizeLessThanOrEqualTo(1000);
    }

    private static void shortField(String v) {
        assertThat(v).isNotBlank().hasSizeLessThanOrEqualTo(80).doesNotContain("<", ">").doesNotContain("\u0000");
    }
}

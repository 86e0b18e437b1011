package org.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tandem.core.settings.Settings;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/** Coordinators see new enrolments once a day, when the day turns: the injected clock moves, the sweep runs. */
class EnrollmentDigestTest {

    // 10:00 UTC: the default summary time, 09:00 UTC, has passed for today
    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T10:00:00Z"));

    @Test
    void enrolmentsOfTheDayArrivedInOneSummaryTheNextMorningOnce() {
        Seed.openProgramme(chat, "Leadership");
        int mark = chat.mark();
        Seed.enrolMentee(chat.person("alice"), Forms.mentee());
        Seed.enrolMentor(chat.person("bob"), Forms.mentor());
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text()).as("not one post per enrolment").doesNotContain("Daily summary");

        chat.clock().set(Instant.parse("2026-03-03T08:59:00Z"));
        assertThat(chat.core().sweep()).isZero();
        chat.clock().set(Instant.parse("2026-03-03T09:00:30Z"));
        assertThat(chat.core().sweep()).isEqualTo(1);
        String summary = chat.adminSince(mark).text();
        assertThat(summary).contains("*Daily summary*: 2 new enrolments since yesterday",
                "*Leadership* (2): Alice (Mentee), Bob (Mentor)");

        int again = chat.mark();
        chat.clock().advance(Duration.ofMinutes(5));
        chat.core().sweep();
        assertThat(chat.adminSince(again).text()).isEmpty();
    }

    @Test
    void aDayWithoutEnrolmentsPostsNothingAndTheNextDayOnlyItsOwn() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(chat.person("alice"), Forms.mentee());
        chat.clock().set(Instant.parse("2026-03-03T09:01:00Z"));
        chat.core().sweep();
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-04T12:00:00Z"));
        Seed.enrolMentor(chat.person("bob"), Forms.mentor());
        chat.clock().set(Instant.parse("2026-03-05T09:01:00Z"));
        chat.core().sweep();
        String summary = chat.adminSince(mark).text();
        assertThat(summary).contains("1 new enrolment since yesterday", "Bob (Mentor)").doesNotContain("Alice");
    }

    @Test
    void theSummaryFollowsTheConfiguredTimeAndZone() {
        EnrollmentDigest digest = new EnrollmentDigest(null, null, null, null, null,
                new org.tandem.core.settings.Settings(java.util.Locale.FRENCH, java.time.LocalTime.of(8, 30),
                        java.time.ZoneId.of("Europe/Paris")));
        assertThat(digest.next(Instant.parse("2026-03-02T07:00:00Z"))).isEqualTo("2026-03-02T07:30:00Z");
        assertThat(digest.next(Instant.parse("2026-03-02T07:30:00Z"))).isEqualTo("2026-03-03T07:30:00Z");
        // summer time: 08:30 in Paris is 06:30 UTC
        assertThat(digest.next(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo("2026-07-02T06:30:00Z");
    }
}

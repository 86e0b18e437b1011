package org.tandem.core.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/** The mentoring rhythm with a moving clock on the embedded MongoDB: agreement, check-ins, reflections, close. */
class RhythmTest {

    // Monday 2 March 2026, 09:00 UTC (10:00 in Paris)
    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"));
    private final Pairs pairs = new Pairs(chat.db());
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");

    /** Alice (mentee, Paris) and Bob (mentor, given zone) in an active pair, through the real flows. */
    private Pair active(String mentorZone) {
        Seed.openProgramme(chat, "Leadership");
        return enrolledAndActive(mentorZone);
    }

    private Pair enrolledAndActive(String mentorZone) {
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(bob, Forms.with(Forms.mentor(), "timeZone", mentorZone));
        Program program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership")
                .orElseThrow();
        chat.core().pairing().request(program, alice.ref(), bob.ref(), 10, List.of());
        bob.clicksButton("Accept");
        Pair pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        alice.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        alice.clicksButton("Yes");
        bob.clicksButton("Yes");
        return pairs.find(pair.id()).orElseThrow();
    }

    private Map<String, Object> agreement() {
        return Map.of("goal1", "Speak at the all-hands", "measure1", "I gave the talk", "cadence", "biweekly",
                "format", "video", "contact", "A chat message", "confidential", List.of("yes"));
    }

    private Pair agreed() {
        Pair pair = active("Europe/Berlin");
        alice.clicksButton("Draft our agreement");
        alice.submits("agreement.form", agreement());
        bob.clicksButton("Confirm");
        return pairs.find(pair.id()).orElseThrow();
    }

    private void at(String instant) {
        chat.clock().set(Instant.parse(instant));
        chat.core().sweep();
    }

    /** Lets time pass hour by hour, as the scheduler would see it, until {@code to}. */
    private void walk(Instant to) {
        while (chat.clock().instant().isBefore(to)) {
            chat.clock().set(chat.clock().instant().plus(Duration.ofHours(1)));
            chat.core().sweep();
        }
    }

    @Test
    void theMenteeDraftsTheMentorSuggestsThenConfirms() {
        Pair pair = active("Europe/Berlin");
        assertThat(pair.status()).isEqualTo(PairStatus.ACTIVE);
        assertThat(alice.inbox().text()).contains("You drive: draft 1 to 3 learning objectives");
        var form = alice.clicksButton("Draft our agreement").form();
        assertThat(form.inputs().get(0).values()).as("seeded from the intake hopes")
                .containsExactly("Speak with confidence at the quarterly all-hands.");
        assertThat(alice.submits("agreement.form", Forms.with(new java.util.HashMap<>(agreement()), "goal2",
                "Lead a meeting")).form().inputs().get(3).error()).contains("how you will know");

        int mark = chat.mark();
        assertThat(alice.submits("agreement.form", agreement()).text()).contains("Sent to Bob to confirm");
        assertThat(bob.dmsSince(mark).text()).contains("*Alice* drafted your mentoring agreement",
                "Objective 1: Speak at the all-hands", "How we will know: I gave the talk", "[Confirm] [Suggest changes]");
        bob.clicksButton("Suggest changes");
        mark = chat.mark();
        bob.submits("agreement.suggest-form", Map.of("suggestion", "Let's add a measurable date"));
        assertThat(alice.dmsSince(mark).text()).contains("*Bob* suggests changes", "Let's add a measurable date");
        assertThat(alice.clicksButton("Edit the draft").form().inputs().get(0).values())
                .containsExactly("Speak at the all-hands");
        alice.submits("agreement.form", Forms.with(new java.util.HashMap<>(agreement()), "measure1",
                "I gave the talk before June"));
        assertThat(bob.clicks("agreement.confirm", pair.id() + ":1").text()).as("the old draft").contains("no longer current");
        mark = chat.mark();
        bob.clicksButton("Confirm");
        assertThat(alice.dmsSince(mark).text()).contains("Your mentoring agreement with Bob is confirmed",
                "I gave the talk before June");
        assertThat(alice.says("goals").text()).contains("Agreed by both", "Speak at the all-hands");
        assertThat(bob.says("goals").text()).contains("Agreed by both").doesNotContain("[Edit the draft]");
        assertThat(alice.says("goals").text()).as("once both agreed there is no draft to edit")
                .doesNotContain("[Edit the draft]");
    }

    @Test
    void checkInsComeOnTheCadenceInsideEachPersonsWorkingHours() {
        agreed();
        int mark = chat.mark();
        at("2026-03-16T08:00:00Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-16T09:01:00Z");
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("Have you met *Bob* since");
        // nobody answers: the mentor is asked two days later, within his (New York? no: Berlin) hours
        at("2026-03-18T08:00:00Z");
        assertThat(bob.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-18T09:30:00Z");
        assertThat(bob.dmsSince(mark).text()).containsOnlyOnce("Have you met *Alice* since");
    }

    @Test
    void aMentorInNewYorkIsAskedInNewYorkHoursAndNobodyAtTheWeekend() {
        Pair pair = active("America/New_York");
        alice.clicksButton("Draft our agreement");
        alice.submits("agreement.form", Forms.with(new java.util.HashMap<>(agreement()), "cadence", "weekly"));
        chat.clock().set(Instant.parse("2026-03-07T10:00:00Z"));
        bob.clicksButton("Confirm");
        int mark = chat.mark();
        // due Saturday 14 March: nobody is nudged at the weekend; Monday 09:30 in Paris is 08:30 UTC
        at("2026-03-14T10:00:01Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-16T08:31:00Z");
        assertThat(alice.dmsSince(mark).text()).contains("Have you met");
        // two days later the mentor: 09:30 in New York is 13:30 UTC
        at("2026-03-18T12:00:00Z");
        assertThat(bob.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-18T13:31:00Z");
        assertThat(bob.dmsSince(mark).text()).contains("Have you met");
        // sending check-in 1 planned check-in 2, a cadence later
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().checkIn()).isEqualTo(2);
    }

    @Test
    void nudgesComeInsideTheProgrammesOwnWorkingWeek() {
        // 8:00 to 16:00, Sunday to Thursday: Friday and Saturday are the weekend
        Chat.Person carol = chat.coordinator("carol");
        carol.submits("program.create", Forms.with(Forms.with(Forms.with(Forms.program("Leadership"),
                "workStart", "08:00"), "workEnd", "16:00"),
                "workDays", List.of("sunday", "monday", "tuesday", "wednesday", "thursday")));
        carol.says("program open Leadership");
        enrolledAndActive("Europe/Berlin");
        alice.clicksButton("Draft our agreement");
        alice.submits("agreement.form", Forms.with(new java.util.HashMap<>(agreement()), "cadence", "weekly"));
        chat.clock().set(Instant.parse("2026-03-06T10:00:00Z"));
        bob.clicksButton("Confirm");
        int mark = chat.mark();
        // due Friday 13 March, a working day of the usual week but not of this one
        at("2026-03-13T10:00:01Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-14T10:00:00Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        // Sunday 8:00 in Paris is 07:00 UTC
        at("2026-03-15T06:59:00Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-15T07:01:00Z");
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("Have you met *Bob* since");
        // two days later the mentor, from 8:00 in Berlin (07:00 UTC), not from the usual 9:30
        at("2026-03-17T06:59:00Z");
        assertThat(bob.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-03-17T07:01:00Z");
        assertThat(bob.dmsSince(mark).text()).containsOnlyOnce("Have you met *Alice* since");
    }

    @Test
    void weMetLogsTheMeetingAndAsksForPrivateReflections() {
        Pair pair = agreed();
        at("2026-03-16T09:01:00Z");
        assertThat(alice.clicksButton("Yes, we met").form().formId()).isEqualTo("checkin.met-form");
        assertThat(alice.submits("checkin.met-form", Map.of("date", "2026-03-20")).form().inputs().get(0).error())
                .contains("not in the future");
        int mark = chat.mark();
        assertThat(alice.submits("checkin.met-form", Map.of("date", "2026-03-13", "note", "NOTE-TO-SELF bring slides"))
                .text()).contains("Logged");
        Pair after = pairs.find(pair.id()).orElseThrow();
        assertThat(after.rhythm().meetings()).isEqualTo(2).as("the first meeting, then this one");
        assertThat(bob.clicks("checkin.answer", pair.id() + ":1:met").text()).contains("already answered");

        assertThat(bob.dmsSince(mark).text()).contains("A few questions about your meeting with Alice");
        alice.clicksButton("Write my reflection");
        assertThat(alice.submits("reflection.form", Map.of("takeaway", "SECRET-TAKEAWAY rehearse twice",
                "progress1", "3")).text()).contains("only you can read it");
        assertThat(alice.says("journal").text()).contains("SECRET-TAKEAWAY", "Progress (1 to 5, per objective): [3]");
        assertThat(alice.says("journal").text()).contains("meeting note", "NOTE-TO-SELF bring slides");
        // both are about the meeting of 13 March, written on the 16th; the note is no reflection
        assertThat(alice.says("journal").text()).contains("*March 13, 2026* — after a meeting",
                "*March 13, 2026* — meeting note", "(1 reflection", "and 1 meeting note")
                .doesNotContain("March 16");
        assertThat(new Reflections(chat.db()).averages(pair.program()).count()).isEqualTo(1);
        assertThat(bob.says("journal").text()).doesNotContain("SECRET-TAKEAWAY").doesNotContain("NOTE-TO-SELF");
        assertThat(chat.coordinator("carol").says("programs").text()).doesNotContain("SECRET-TAKEAWAY");
        assertThat(chat.outbox().all()).filteredOn(s -> !s.to().equals(alice.ref().key()))
                .noneMatch(s -> org.tandem.core.testing.Render.text(s.message()).contains("SECRET-TAKEAWAY")
                        || org.tandem.core.testing.Render.text(s.message()).contains("NOTE-TO-SELF"));
    }

    @Test
    void notYetAsksAgainInAFewDaysAndAPauseHoldsTheNudges() {
        agreed();
        at("2026-03-16T09:01:00Z");
        assertThat(alice.clicksButton("Not yet").text()).contains("ask again in a few days");
        int mark = chat.mark();
        at("2026-03-19T09:02:00Z");
        assertThat(alice.dmsSince(mark).text()).contains("Have you met");
        assertThat(alice.says("pause 2 weeks").text()).contains("Paused: no check-ins until");
        alice.clicksButton("Not yet");
        mark = chat.mark();
        at("2026-03-23T09:10:00Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        at("2026-04-02T09:30:00Z");
        assertThat(alice.dmsSince(mark).text()).contains("Have you met");
    }

    @Test
    void aProgrammePauseHoldsEveryCheckIn() {
        agreed();
        assertThat(chat.coordinator("carol").says("program pause Leadership").text()).contains("are paused");
        int mark = chat.mark();
        at("2026-03-16T09:01:00Z");
        at("2026-03-17T09:02:00Z");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Have you met");
        assertThat(chat.coordinator("carol").says("program resume Leadership").text()).contains("back on");
        at("2026-03-18T09:03:00Z");
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("Have you met");
    }

    @Test
    void aQuietPairIsFlaggedToTheCoordinatorsOnce() {
        agreed();
        int mark = chat.mark();
        at("2026-03-16T09:01:00Z");
        assertThat(chat.adminSince(mark).text()).doesNotContain("may need support");
        alice.clicksButton("Not yet");
        at("2026-03-19T09:01:00Z");
        at("2026-03-23T09:01:00Z");
        at("2026-03-30T09:01:00Z");
        at("2026-04-06T09:01:00Z");
        // the coordinators hear it at their digest time (09:00 UTC), the next working day
        at("2026-04-07T09:01:00Z");
        String admin = chat.adminSince(mark).text();
        assertThat(admin).containsOnlyOnce("may need support").contains("[Nudge them] [I'll reach out]");
        int before = chat.mark();
        assertThat(chat.coordinator("carol").clicksButton("Nudge them").text()).contains("Nudged Alice and Bob");
        assertThat(alice.dmsSince(before).text()).contains("Your coordinators wonder");
    }

    @Test
    void atTheMidpointAndTheCloseBothReflectAndTheThanksAreSharedOnlyWithBothConsents() {
        Pair pair = agreed();
        int mark = chat.mark();
        chat.clock().set(pair.rhythm().endsAt().orElseThrow().minus(Duration.ofDays(92)));
        chat.core().sweep();
        assertThat(alice.dmsSince(mark).text()).contains("half-way through your mentoring with Bob");

        mark = chat.mark();
        chat.clock().set(pair.rhythm().endsAt().orElseThrow());
        // the close falls on a Wednesday; the slot of the day may already be taken: within the next working days
        walk(pair.rhythm().endsAt().orElseThrow().plus(Duration.ofDays(3)));
        assertThat(alice.dmsSince(mark).text()).contains("final reflection", "[Extend 3 months] [Close our mentoring]");
        alice.clicks("reflection.write", pair.id() + ":closing:" + pair.rhythm().endsAt().orElseThrow());
        int thanks = chat.mark();
        alice.submits("reflection.form", Map.of("final", "More confident", "progress1", "5", "outcome1", "achieved",
                "satisfaction", "5", "thanks", "Thank you Bob, you changed how I speak.", "share", List.of("yes"), "survey", "4"));
        assertThat(bob.dmsSince(thanks).text()).contains("*Alice* sent you a thank-you note",
                "you changed how I speak", "[Yes, share it] [Keep it between us]");
        assertThat(chat.adminSince(thanks).text()).doesNotContain("you changed how I speak");
        Chat.Pressable share = bob.button("Yes, share it");
        bob.press(share);
        assertThat(chat.adminSince(thanks).text()).contains("A thank-you from Alice to their mentor Bob",
                "you changed how I speak");
        assertThat(bob.press(share).text()).as("a second click shows it was shared").contains("✓ Shared");
        assertThat(chat.adminSince(thanks).text()).containsOnlyOnce("A thank-you from Alice");

        Chat.Pressable aliceCloses = alice.button("Close our mentoring");
        bob.clicksButton("Extend 3 months");
        Pair extended = pairs.find(pair.id()).orElseThrow();
        assertThat(extended.rhythm().endsAt().orElseThrow()).isAfter(pair.rhythm().endsAt().orElseThrow());
        assertThat(alice.inbox().text()).as("her copy says what Bob decided").contains("Bob extended it until");
        assertThat(alice.press(aliceCloses).text()).contains("Bob extended it until");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
        chat.clock().set(extended.rhythm().endsAt().orElseThrow());
        walk(extended.rhythm().endsAt().orElseThrow().plus(Duration.ofDays(5)));
        int done = chat.mark();
        alice.clicksButton("Close our mentoring");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.COMPLETED);
        assertThat(bob.dmsSince(done).text()).contains("Thank you for your time and care");
        assertThat(chat.adminSince(done).text()).contains("completed their mentoring in *Leadership*");
    }

    @Test
    void pauseNeedsASensibleSpan() {
        assertThat(alice.says("pause").text()).contains("Say for how long");
        assertThat(alice.says("pause 1000 days").text()).contains("Say for how long");
        assertThat(alice.says("pause 3 semaines").text()).contains("Paused");
        assertThat(alice.says("resume").text()).contains("Welcome back");
        assertThat(alice.says("resume").text()).contains("were not paused");
    }
}

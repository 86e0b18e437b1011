package org.tandem.core.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * People who do not answer, over a whole programme: one question open at a time, one reminder, then the
 * coordinators (weekly at most), and silence towards the pair until someone acts; nothing after the end.
 */
class QuietPairTest {

    // Monday 2 March 2026, 09:00 UTC (10:00 in Paris)
    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"));
    private final Pairs pairs = new Pairs(chat.db());
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person carol = chat.coordinator("carol");

    private Pair agreed(Map<String, Object> programme, String cadence) {
        carol.submits("program.create", programme);
        carol.says("program open " + programme.get("name"));
        return Life.agreed(chat, (String) programme.get("name"), alice, bob, cadence);
    }

    private List<RecordingMessenger.Sent> to(Chat.Person p, int from) {
        return chat.outbox().all().subList(from, chat.outbox().size()).stream()
                .filter(s -> s.to().equals(p.ref().key())).toList();
    }

    private static long count(List<RecordingMessenger.Sent> sent, String text) {
        return sent.stream().filter(s -> Render.text(s.message()).contains(text)).count();
    }

    @Test
    void nobodyAnswersSoEachIsAskedOnceRemindedOnceThenTheCoordinatorsTakeOver() {
        Pair pair = agreed(Forms.program("Leadership"), "biweekly");
        int start = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(240)), Duration.ofHours(3));

        for (Chat.Person p : List.of(alice, bob)) {
            List<RecordingMessenger.Sent> got = to(p, start);
            assertThat(count(got, "Have you met")).as(p.ref().userId() + " asked once").isEqualTo(1);
            assertThat(count(got, "A gentle reminder")).as(p.ref().userId() + " reminded once").isEqualTo(1);
        }
        List<RecordingMessenger.Sent> admin = chat.outbox().all().subList(start, chat.outbox().size()).stream()
                .filter(s -> s.to().equals("admin:" + Chat.TENANT)).filter(s -> Render.text(s.message())
                        .contains("needs support") || Render.text(s.message()).contains("need support")).toList();
        assertThat(admin).as("told, then reminded while it lasts").hasSizeGreaterThan(3);
        assertThat(Render.text(admin.get(0).original())).contains("[Nudge them] [I'll reach out]");
        assertThat(admin).as("they hear when the nudges stop").filteredOn(s -> Render.text(s.message())
                .contains("stopped nudging them")).hasSize(1);
        for (int i = 1; i < admin.size(); i++) {
            assertThat(Duration.between(admin.get(i - 1).at(), admin.get(i).at()))
                    .as("at most weekly").isGreaterThanOrEqualTo(Duration.ofDays(7));
        }
        assertThat(admin).as("at the coordinators' digest time, on working days").allSatisfy(s -> {
            java.time.ZonedDateTime t = s.at().atZone(java.time.ZoneOffset.UTC);
            assertThat(t.getHour()).isEqualTo(9);
            assertThat(t.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        });
        Pair after = pairs.find(pair.id()).orElseThrow();
        assertThat(after.status()).as("a close nobody decides on completes the pair").isEqualTo(PairStatus.COMPLETED);
        Instant closed = admin.get(admin.size() - 1).at();
        assertThat(closed).isBefore(after.rhythm().endsAt().orElseThrow().plus(Milestones.DECISION_WAIT));
        assertThat(count(to(alice, start), "final reflection")).isEqualTo(1);
        assertThat(chat.core().dueItems().count(DueItem.Status.FAILED)).isZero();
    }

    @Test
    void aCoordinatorsNudgeStartsTheRhythmAgainAndAnAnswerEndsTheAlarm() {
        Pair pair = agreed(Forms.program("Leadership"), "weekly");
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(24)), Duration.ofHours(3));
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().silenced()).isTrue();
        int mark = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(5)), Duration.ofHours(3));
        assertThat(alice.dmsSince(mark).messages()).as("silence while nobody acts").isEmpty();

        assertThat(carol.clicksButton("Nudge them").text()).contains("Nudged Alice and Bob");
        assertThat(alice.dmsSince(mark).text()).contains("Your coordinators wonder");
        mark = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(8)), Duration.ofHours(3));
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("Have you met *Bob*");
        // they find a time in chat: the meeting it gives answers the check-in
        alice.clicksButton("Find a time");
        alice.clicksButton("Propose these to Bob");
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().atRisk()).as("a proposal is not yet a meeting").isTrue();
        Block.Button first = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        bob.clicks(first.actionId(), first.value());
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().atRisk()).as("an answer ends the alarm").isFalse();
        assertThat(alice.inbox().text()).contains("✓ Alice scheduled a meeting for");
    }

    private List<RecordingMessenger.Sent> notices(int from) {
        return chat.outbox().all().subList(from, chat.outbox().size()).stream()
                .filter(s -> s.to().equals("admin:" + Chat.TENANT))
                .filter(s -> Render.text(s.original()).contains("[Nudge them] [I'll reach out]")).toList();
    }

    /**
     * Each weekly notice takes the place of the one before; a coordinator's click ends them until the pair is at risk
     * again.
     */
    @Test
    void theWeeklyNoticeSupersedesTheOneBeforeAndStopsOnceACoordinatorActs() {
        agreed(Forms.program("Leadership"), "weekly");
        int start = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(45)), Duration.ofHours(3));
        List<RecordingMessenger.Sent> before = notices(start);
        assertThat(before).as("told, then again each week").hasSizeGreaterThanOrEqualTo(3);
        for (RecordingMessenger.Sent old : before.subList(0, before.size() - 1)) {
            assertThat(Render.text(old.message())).as("a notice superseded turns into its outcome")
                    .contains("No longer current: a newer notice about this pair is below.")
                    .doesNotContain("[Nudge them]");
        }
        assertThat(Render.text(before.get(before.size() - 1).message())).contains("[Nudge them] [I'll reach out]");

        assertThat(carol.says("pairs Leadership").text()).as("the programme's pairs mark it")
                .contains("• ⚠ Alice and Bob: active, last met on Mar 2, 2026 — at risk");

        Instant clicked = chat.clock().instant();
        assertThat(carol.clicksButton("I'll reach out").text()).contains("reach");
        int mark = chat.mark();
        Life.walk(chat, clicked.plus(Duration.ofDays(13)), Duration.ofHours(3));
        assertThat(notices(mark)).as("no reminder once a coordinator acted").isEmpty();
        Life.walk(chat, clicked.plus(Duration.ofDays(40)), Duration.ofHours(3));
        List<RecordingMessenger.Sent> after = notices(mark);
        assertThat(after).as("still silent two cadences later: flagged afresh, then weekly again").isNotEmpty();
        assertThat(Render.text(after.get(0).original()))
                .contains("have not answered check-ins for two cadence periods");
        assertThat(Duration.between(clicked, after.get(0).at())).isGreaterThanOrEqualTo(Duration.ofDays(14));
    }

    /** A quiet pair that answers its check-ins (but logs no meeting) is flagged, and not reminded once it answered. */
    @Test
    void aQuietPairThatAnswersIsNotRemindedAboutUntilItStaysQuietTwoMoreCadences() {
        agreed(Forms.program("Leadership"), "biweekly");
        int start = chat.mark();
        Instant until = chat.clock().instant().plus(Duration.ofDays(75));
        int seen = start;
        while (chat.clock().instant().isBefore(until)) {
            Life.walk(chat, chat.clock().instant().plus(Duration.ofHours(3)), Duration.ofHours(3));
            if (alice.dmsSince(seen).text().contains("[Not yet]")) {
                alice.clicksButton("Not yet");
            }
            seen = chat.mark();
        }
        List<RecordingMessenger.Sent> told = notices(start);
        assertThat(told).hasSizeGreaterThanOrEqualTo(2);
        assertThat(told).allSatisfy(s -> assertThat(Render.text(s.original()))
                .contains("have not logged a meeting for two cadence periods"));
        assertThat(Render.text(told.get(0).message())).contains("Resolved: they answered on");
        for (int i = 1; i < told.size(); i++) {
            assertThat(Duration.between(told.get(i - 1).at(), told.get(i).at())).as("two cadences after the answer")
                    .isGreaterThanOrEqualTo(Duration.ofDays(28));
        }
    }

    @Test
    void nothingOfTheRhythmReachesAPairAfterTheMenteeLeft() {
        agreed(Forms.program("Leadership"), "weekly");
        alice.says("leave");
        alice.clicksButton("Yes, leave");
        int mark = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(200)), Duration.ofHours(6));
        assertThat(alice.dmsSince(mark).messages()).isEmpty();
        assertThat(bob.dmsSince(mark).messages()).isEmpty();
    }

    @Test
    void nothingOfTheRhythmReachesThePartnerOfSomeoneWhoErasedTheirData() {
        agreed(Forms.program("Leadership"), "weekly");
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(8)), Duration.ofHours(3));
        bob.says("forget-me");
        bob.clicksButton("Erase my data");
        int mark = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(200)), Duration.ofHours(6));
        assertThat(alice.dmsSince(mark).messages()).isEmpty();
        assertThat(chat.core().dueItems().count(DueItem.Status.FAILED)).isZero();
    }

    /** A pair that says "not yet" every time would be asked every three days; the programme's cap holds it. */
    @Test
    void aProgrammesOwnWeeklyCapCountsEveryPrompt() {
        agreed(Forms.with(Forms.program("Leadership"), "weeklyCap", "1"), "weekly");
        int start = chat.mark();
        Instant until = chat.clock().instant().plus(Duration.ofDays(70));
        int seen = start;
        while (chat.clock().instant().isBefore(until)) {
            Life.walk(chat, chat.clock().instant().plus(Duration.ofHours(3)), Duration.ofHours(3));
            if (alice.dmsSince(seen).text().contains("[Not yet]")) {
                alice.clicksButton("Not yet");
            }
            seen = chat.mark();
        }
        List<Instant> nudges = to(alice, start).stream().filter(s -> !s.original().blocks().stream()
                .filter(b -> b instanceof org.tandem.core.conversation.Block.Buttons).toList().isEmpty())
                .map(RecordingMessenger.Sent::at).toList();
        assertThat(nudges).hasSizeGreaterThan(5);
        for (int i = 1; i < nudges.size(); i++) {
            assertThat(Duration.between(nudges.get(i - 1), nudges.get(i))).as("one a week at most")
                    .isGreaterThanOrEqualTo(Duration.ofDays(7).minusHours(1));
        }
    }

    @Test
    void anActivationWhoseInvitationFailsIsFinishedByTheSweep() {
        carol.submits("program.create", Forms.program("Leadership"));
        carol.says("program open Leadership");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(bob, Forms.mentor());
        chat.core().pairing().request(Life.program(chat, "Leadership"), alice.ref(), bob.ref(), 10, List.of());
        bob.clicksButton("Accept");
        Pair pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        alice.in(org.tandem.core.conversation.Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        alice.clicksButton("Yes");
        chat.outbox().failNext(alice.ref().key(), 1);
        assertThat(bob.clicksButton("Yes").text()).doesNotContain("something went wrong");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
        int mark = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofMinutes(3)), Duration.ofMinutes(1));
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("[Draft our agreement]");
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().endsAt()).as("the close is planned").isPresent();
    }

    @Test
    void aConfirmationWhoseMessagesFailIsFinishedByTheSweep() {
        carol.submits("program.create", Forms.program("Leadership"));
        carol.says("program open Leadership");
        Pair pair = Life.active(chat, "Leadership", alice, bob);
        alice.clicksButton("Draft our agreement");
        alice.submits("agreement.form", Map.of("goal1", "Speak at the all-hands", "measure1", "I gave the talk",
                "cadence", "monthly", "format", "video", "contact", "A chat message", "confidential", List.of("yes")));
        chat.outbox().failNext(alice.ref().key(), 1);
        assertThat(bob.clicksButton("Confirm").text()).contains("will reach you both in a moment")
                .doesNotContain("something went wrong");
        assertThat(chat.core().dueItems().find(CheckIns.TICK + "|" + pair.id() + "|1")).as("the rhythm started")
                .isPresent();
        int mark = chat.mark();
        Life.walk(chat, chat.clock().instant().plus(Duration.ofMinutes(3)), Duration.ofMinutes(1));
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("is confirmed");
        assertThat(bob.dmsSince(mark).text()).containsOnlyOnce("is confirmed");
    }
}

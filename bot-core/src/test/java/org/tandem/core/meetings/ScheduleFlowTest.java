package org.tandem.core.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Place;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * A pair finds a time in chat: times inside both working weeks shown in each reader's zone, one click to agree, an
 * invite each that calendars import, a move keeping the invite's identity, a cancellation, and the rhythm after it.
 */
class ScheduleFlowTest {

    // Thursday 5 March 2026, 10:00 UTC: New York moves to summer time on Sunday the 8th, Paris on the 29th
    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-05T10:00:00Z"));
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Pairs pairs = new Pairs(chat.db());

    private Pair introduced(String menteeZone, String mentorZone) {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(alice, Forms.with(Forms.mentee(), "timeZone", menteeZone));
        Seed.enrolMentor(bob, Forms.with(Forms.mentor(), "timeZone", mentorZone));
        chat.core().pairing().request(Life.program(chat, "Leadership"), alice.ref(), bob.ref(), 10, List.of());
        bob.clicksButton("Accept");
        return pairs.of(alice.ref(), PairStatus.OPEN).get(0);
    }

    private List<VEvent> invites(Chat.Person who) {
        return chat.outbox().filesTo(who.ref().key()).stream().map(f -> {
            assertThat(f.file().mediaType()).isEqualTo("text/calendar");
            return event(new String(f.file().bytes(), StandardCharsets.UTF_8));
        }).toList();
    }

    private static VEvent event(String ics) {
        try {
            Calendar c = new CalendarBuilder().build(new StringReader(ics));
            assertThat(c.validate().getEntries()).as(ics).isEmpty();
            assertThat(c.getProperty("METHOD").orElseThrow().getValue()).isIn("REQUEST", "CANCEL", "PUBLISH");
            return (VEvent) c.getComponent("VEVENT").orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(ics, e);
        }
    }

    private static Instant start(VEvent e) {
        return Instant.from(e.getDateTimeStart().getDate());
    }

    private static String prop(VEvent e, String name) {
        return e.getProperty(name).orElseThrow().getValue();
    }

    @Test
    void fromTheIntroductionToAMeetingInBothCalendarsAcrossASummerTimeChange() {
        Pair pair = introduced("Europe/Paris", "America/New_York");
        Chat.Person inGroup = alice.in(Place.group(chat.lastGroup()));
        assertThat(inGroup.clicksButton("Find a time").text()).as("said to her alone")
                .contains("I have sent you times that suit you and Bob in our direct conversation");
        List<Message> aliceSaw = alice.inbox().messages();
        Chat.Replies offer = new Chat.Replies(List.of(aliceSaw.get(aliceSaw.size() - 2)));
        assertThat(offer.text()).contains("These times suit both you and *Bob*").contains("Europe/Paris");
        String propose = offer.last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream())
                .filter(b -> b.actionId().equals(ScheduleFlow.PROPOSE)).findFirst().orElseThrow().value();
        List<Instant> slots = java.util.Arrays.stream(propose.split(":")[2].split(","))
                .map(m -> Instant.ofEpochSecond(Long.parseLong(m) * 60)).toList();
        assertThat(slots).hasSizeBetween(3, 5);
        ZoneId paris = ZoneId.of("Europe/Paris");
        ZoneId newYork = ZoneId.of("America/New_York");
        for (Instant s : slots) {
            assertThat(s).isAfter(chat.clock().instant().plus(Duration.ofDays(1)));
            for (ZoneId z : List.of(paris, newYork)) {
                LocalTime from = s.atZone(z).toLocalTime();
                LocalTime to = s.plus(ScheduleFlow.LENGTH).atZone(z).toLocalTime();
                assertThat(from).as(s + " in " + z).isAfterOrEqualTo(LocalTime.of(9, 30));
                assertThat(to).as(s + " in " + z).isBeforeOrEqualTo(LocalTime.of(17, 0));
            }
        }
        assertThat(slots).as("on both sides of New York's change").anyMatch(s -> s.isBefore(
                Instant.parse("2026-03-08T07:00:00Z"))).anyMatch(s -> s.isAfter(Instant.parse("2026-03-09T00:00:00Z")));

        assertThat(alice.clicksButton("Propose these to Bob").text()).contains("I've sent the times to Bob");
        Message proposal = bob.inbox().last();
        assertThat(new Chat.Replies(List.of(proposal)).text()).contains("*Alice* would like to meet for 45 minutes").contains("America/New_York");
        List<Block.Button> times = proposal.blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream())
                .filter(b -> b.actionId().equals(MeetingFlow.ANSWER) && !b.value().endsWith("none")).toList();
        assertThat(times).hasSize(slots.size());
        assertThat(times.get(0).label()).as("his time, and hers beside it").contains("(Alice: ");
        Chat.Replies agreed = bob.clicks(times.get(1).actionId(), times.get(1).value());
        assertThat(agreed.text()).contains("Your meeting with *Alice* is set");
        assertThat(bob.clicks(times.get(2).actionId(), times.get(2).value()).text()).as("a double click")
                .contains("already answered: your meeting is on");

        VEvent hers = invites(alice).get(0);
        VEvent his = invites(bob).get(0);
        assertThat(start(hers)).isEqualTo(slots.get(1)).isEqualTo(start(his));
        assertThat(Instant.from(hers.getDateTimeEnd().getDate()))
                .isEqualTo(slots.get(1).plus(ScheduleFlow.LENGTH));
        assertThat(prop(hers, "UID")).isEqualTo(prop(his, "UID"));
        assertThat(prop(hers, "SEQUENCE")).isEqualTo("0");
        assertThat(prop(hers, "DESCRIPTION")).contains("first conversation");
        assertThat(prop(hers, "SUMMARY")).isEqualTo("Mentoring: Alice and Bob");
        Chat.Person carol = chat.coordinator("carol");
        assertThat(carol.command("pair alice").text()).as("the coordinators see when they meet next")
                .contains("Next meeting");

        // bob moves it: the same meeting, its next version
        bob.clicksButton("Find another time");
        bob.clicksButton("Propose these to Alice");
        Block.Button pick = alice.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream())
                .filter(b -> b.actionId().equals(MeetingFlow.ANSWER)).findFirst().orElseThrow();
        assertThat(new Chat.Replies(List.of(alice.inbox().last())).text()).contains("This would move your meeting");
        assertThat(alice.clicks(pick.actionId(), pick.value()).text()).contains("has moved to");
        VEvent moved = invites(bob).get(1);
        assertThat(prop(moved, "UID")).isEqualTo(prop(his, "UID"));
        assertThat(prop(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(start(moved)).isEqualTo(slots.get(0));

        // the first confirmation's cancel button belongs to the version before: it cancels nothing
        Block.Button oldCancel = agreed.messages().stream().flatMap(m -> m.blocks().stream())
                .filter(Block.Buttons.class::isInstance).map(Block.Buttons.class::cast)
                .flatMap(b -> b.buttons().stream()).filter(b -> b.actionId().equals(MeetingFlow.CANCEL)).findFirst()
                .orElseThrow();
        assertThat(bob.clicks(oldCancel.actionId(), oldCancel.value()).text()).contains("already been cancelled or changed");
        assertThat(alice.clicksButton("Cancel the meeting").text()).contains("was cancelled by Alice");
        VEvent cancelled = invites(bob).get(2);
        assertThat(prop(cancelled, "SEQUENCE")).isEqualTo("2");
        assertThat(prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(new MeetingPlans(chat.db()).find(pair.id()).orElseThrow().status())
                .isEqualTo(MeetingPlan.Status.CANCELLED);
    }

    @Test
    void nineHoursApartTheyPickATimeThemselvesAndTheOtherAcceptsWithOneClick() {
        Pair pair = introduced("Europe/London", "Asia/Tokyo");
        Chat.Replies none = alice.command("schedule");
        assertThat(none.text()).contains("don't overlap in the next two weeks");
        Block.Form form = alice.clicksButton("Choose a date and time").form();
        assertThat(form.title()).contains("Europe/London");
        assertThat(alice.submits("schedule.form", Map.of("date", "2026-03-05", "time", "10:30", "minutes", "45"))
                .text()).as("less than an hour ahead").contains("at least an hour from now");
        assertThat(alice.submits("schedule.form", Map.of("date", "2026-03-10", "time", "25:00", "minutes", "45"))
                .text()).contains("not a valid date and time");
        assertThat(new MeetingPlans(chat.db()).find(pair.id())).as("nothing proposed on bad input").isEmpty();
        alice.submits("schedule.form", Map.of("date", "2026-03-10", "time", "08:00", "minutes", "30"));
        Message proposal = bob.inbox().last();
        assertThat(new Chat.Replies(List.of(proposal)).text()).contains("at this time").contains("Asia/Tokyo");
        assertThat(bob.clicksButton("Tue, Mar 10, 5:00\u202fPM (Alice: 8:00\u202fAM)").text()).contains("is set");
        VEvent e = invites(bob).get(0);
        assertThat(start(e)).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
        assertThat(Duration.between(start(e), Instant.from(e.getDateTimeEnd().getDate())))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void withTheirAddressesTheInviteIsARequestNamingBothAndOnlyThem() {
        introduced("Europe/Paris", "Europe/Berlin");
        alice.withEmail("alice@example.org").command("help");
        bob.withEmail("bob@example.org").command("help");
        alice.command("schedule");
        alice.clicksButton("Propose these to Bob");
        Block.Button first = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        bob.clicks(first.actionId(), first.value());
        String ics = new String(chat.outbox().filesTo(alice.ref().key()).get(0).file().bytes(), StandardCharsets.UTF_8);
        assertThat(ics).contains("METHOD:REQUEST");
        VEvent e = event(ics);
        assertThat(e.getProperties("ATTENDEE").stream().map(p -> p.getValue()).toList())
                .containsExactlyInAnyOrder("mailto:alice@example.org", "mailto:bob@example.org");
        assertThat(prop(e, "ORGANIZER")).isEqualTo("mailto:" + Invitations.ORGANIZER);

        alice.command("forget-me");
        alice.clicksButton("Erase my data");
        assertThat(new MeetingPlans(chat.db()).of(bob.ref())).as("the meeting goes with her").isEmpty();
        assertThat(chat.db().getCollection("people").countDocuments(new org.bson.Document("email",
                "alice@example.org"))).isZero();
    }

    @Test
    void didItClickWaitsForAFirstConversationPlannedLaterThanItsUsualFiveDays() {
        introduced("Europe/Paris", "Europe/Berlin");
        alice.command("schedule");
        alice.clicksButton("Propose these to Bob");
        List<Block.Button> times = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream())
                .filter(b -> b.actionId().equals(MeetingFlow.ANSWER) && !b.value().endsWith("none")).toList();
        Block.Button last = times.get(times.size() - 1);
        bob.clicks(last.actionId(), last.value());
        MeetingPlan plan = new MeetingPlans(chat.db()).find(pairs.of(alice.ref(), PairStatus.OPEN).get(0).id())
                .orElseThrow();
        assertThat(plan.start().get()).isAfter(chat.clock().instant().plus(Duration.ofDays(6)));
        int mark = chat.mark();
        Life.walk(chat, plan.start().get(), Duration.ofHours(2));
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Did it click?");
        Life.walk(chat, plan.end().get().plus(MeetingFlow.FIRST_CLICK_AFTER).plus(Duration.ofDays(1)),
                Duration.ofHours(2));
        assertThat(alice.dmsSince(mark).text()).as("nobody said: asked after it all the same")
                .containsOnlyOnce("Did it click?");
    }

    @Test
    void aTimeThatPassedWhileTheProposalWaitedCannotBeAgreed() {
        Pair pair = introduced("Europe/Paris", "Europe/Berlin");
        alice.command("schedule");
        alice.clicksButton("Propose these to Bob");
        Block.Button first = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        MeetingPlan proposed = new MeetingPlans(chat.db()).find(pair.id()).orElseThrow();
        chat.clock().set(proposed.slots().get(0).plus(Duration.ofHours(1)));
        assertThat(bob.clicks(first.actionId(), first.value()).text()).contains("That time has already passed");
        assertThat(new MeetingPlans(chat.db()).find(pair.id()).orElseThrow().status())
                .isEqualTo(MeetingPlan.Status.PROPOSED);
        assertThat(bob.clicks(MeetingFlow.ANSWER, pair.id() + ":" + proposed.version() + ":9").text())
                .as("no such time: nothing breaks").doesNotContain("went wrong");
    }

    @Test
    void noneOfTheseWorksTellsTheOneWhoProposedAndTheOtherMayProposeInstead() {
        introduced("Europe/Paris", "Europe/Berlin");
        alice.command("schedule");
        alice.clicksButton("Propose these to Bob");
        assertThat(bob.clicksButton("None of these work").text()).contains("I've let Alice know");
        assertThat(new Chat.Replies(List.of(alice.inbox().last())).text()).contains("Bob can't make any of the times you proposed");
        bob.clicksButton("Propose times");
        assertThat(new Chat.Replies(List.of(bob.inbox().last())).text()).contains("These times suit both you and *Alice*");
    }

    @Test
    void onlyThePairUsesItsButtonsAndAStrangerHasNothingToSchedule() {
        Pair pair = introduced("Europe/Paris", "Europe/Berlin");
        Chat.Person eve = chat.person("eve");
        assertThat(eve.command("schedule").text()).contains("no mentoring pair to schedule");
        assertThat(eve.clicks(ScheduleFlow.PICK, pair.id()).text()).doesNotContain("Choose a time");
        assertThat(new MeetingPlans(chat.db()).find(pair.id())).isEmpty();
    }

    @Test
    void aRemindingBeforeAndAfterItDidItTakePlaceYesStartsTheClickCheck() {
        Pair pair = introduced("Europe/Paris", "Europe/Berlin");
        alice.command("schedule");
        alice.clicksButton("Propose these to Bob");
        Block.Button first = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        bob.clicks(first.actionId(), first.value());
        MeetingPlan plan = new MeetingPlans(chat.db()).find(pair.id()).orElseThrow();
        int mark = chat.mark();
        Life.walk(chat, plan.start().get(), Duration.ofMinutes(30));
        assertThat(alice.dmsSince(mark).text()).contains("Reminder: you are meeting *Bob*");
        assertThat(bob.dmsSince(mark).text()).contains("Reminder: you are meeting *Alice*");
        Life.walk(chat, plan.end().get().plus(Duration.ofHours(3)), Duration.ofMinutes(30));
        assertThat(alice.dmsSince(mark).text()).contains("Did your meeting with *Bob*");
        Chat.Pressable yes = alice.button("Yes, we met");
        assertThat(alice.press(yes).text()).contains("the meeting is logged");
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().meetings()).isEqualTo(1);
        assertThat(alice.inbox().text()).as("the click check follows the first conversation").contains("click");
        assertThat(alice.press(yes).text()).as("a second answer").contains("Alice said the meeting took place");
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().meetings()).isEqualTo(1);
    }
}

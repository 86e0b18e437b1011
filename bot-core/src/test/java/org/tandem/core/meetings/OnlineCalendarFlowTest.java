package org.tandem.core.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.settings.Settings;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * Where people's calendars are known, times they are busy are never offered and the agreed meeting is booked, moved
 * and cancelled there; a calendar that refuses for a missing permission leaves scheduling as it is without one and is
 * told to the coordinators once.
 */
class OnlineCalendarFlowTest {

    /** A calendar in memory: one busy morning, and every call recorded. */
    static final class Recorded implements OnlineCalendar {
        final List<String> calls = new ArrayList<>();
        final List<Busy> busy = new ArrayList<>();
        boolean forbidden;

        @Override
        public boolean serves(Scope scope, PersonRef one, PersonRef other) {
            return true;
        }

        @Override
        public List<Busy> busy(Scope scope, List<PersonRef> people, Instant from, Instant to) throws Unavailable {
            calls.add("busy " + people.size());
            refuseIfForbidden();
            return busy;
        }

        @Override
        public Event book(Scope scope, Optional<String> eventId, Booking booking) throws Unavailable {
            calls.add("book " + eventId.orElse("new") + " " + booking.start());
            refuseIfForbidden();
            return new Event(eventId.orElse("ev-1"), Optional.of("https://teams.example/join/1"));
        }

        @Override
        public void cancel(Scope scope, PersonRef organizer, String eventId) throws Unavailable {
            calls.add("cancel " + eventId);
            refuseIfForbidden();
        }

        private void refuseIfForbidden() throws Unavailable {
            if (forbidden) {
                throw new Unavailable(Unavailable.Reason.FORBIDDEN, "403 ErrorAccessDenied");
            }
        }
    }

    private final Recorded calendar = new Recorded();
    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-05T10:00:00Z"),
            Settings.defaults(), calendar);
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person carol = chat.coordinator("carol");

    private void introduced() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(alice, Forms.with(Forms.mentee(), "timeZone", "Europe/Paris"));
        Seed.enrolMentor(bob, Forms.with(Forms.mentor(), "timeZone", "Europe/Paris"));
        chat.core().pairing().request(Life.program(chat, "Leadership"), alice.ref(), bob.ref(), 10, List.of());
        bob.clicksButton("Accept");
    }

    private List<Instant> offered() {
        String value = alice.inbox().messages().stream().flatMap(m -> m.blocks().stream())
                .filter(Block.Buttons.class::isInstance).map(Block.Buttons.class::cast)
                .flatMap(b -> b.buttons().stream()).filter(b -> b.actionId().equals(ScheduleFlow.PROPOSE))
                .reduce((a, b) -> b).orElseThrow().value();
        return java.util.Arrays.stream(value.split(":")[2].split(","))
                .map(m -> Instant.ofEpochSecond(Long.parseLong(m) * 60)).toList();
    }

    @Test
    void busyTimesAreNeverOfferedAndTheMeetingLivesInTheirCalendars() {
        introduced();
        alice.command("schedule");
        List<Instant> free = offered();
        // the first time offered becomes busy: offered again, it is gone
        calendar.busy.add(new OnlineCalendar.Busy(free.get(0).minus(Duration.ofMinutes(15)),
                free.get(0).plus(Duration.ofMinutes(15))));
        alice.command("schedule");
        assertThat(offered()).doesNotContain(free.get(0));
        assertThat(calendar.calls).containsExactly("busy 2", "busy 2");

        alice.clicksButton("Propose these to Bob");
        Block.Button first = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        assertThat(bob.clicks(first.actionId(), first.value()).text()).contains("It is in your Outlook calendar. Join online: https://teams.example/join/1");
        Pairs pairs = new Pairs(chat.db());
        String pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0).id();
        MeetingPlan plan = new MeetingPlans(chat.db()).find(pair).orElseThrow();
        assertThat(plan.eventId()).contains("ev-1");
        assertThat(calendar.calls).contains("book new " + plan.start().get());
        assertThat(plan.host()).as("in the proposer's calendar").contains(alice.ref());
        assertThat(chat.outbox().filesTo(bob.ref().key())).as("no second copy as a file").isEmpty();

        // bob moves it: the event in alice's calendar moves
        bob.clicksButton("Find another time");
        bob.clicksButton("Propose these to Alice");
        Block.Button again = alice.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        alice.clicks(again.actionId(), again.value());
        MeetingPlan moved = new MeetingPlans(chat.db()).find(pair).orElseThrow();
        assertThat(calendar.calls).contains("book ev-1 " + moved.start().get());
        assertThat(moved.host()).contains(alice.ref());

        assertThat(alice.clicksButton("Cancel the meeting").text()).contains("removed from your Outlook calendar");
        assertThat(calendar.calls).endsWith("cancel ev-1");
        assertThat(chat.outbox().filesTo(alice.ref().key())).isEmpty();
    }

    @Test
    void aMissingPermissionFallsBackToInvitesAndTheCoordinatorsHearItOnce() {
        carol.command("help");
        introduced();
        calendar.forbidden = true;
        int mark = chat.mark();
        alice.command("schedule");
        assertThat(offered()).as("times from the working weeks alone").isNotEmpty();
        alice.command("schedule");
        assertThat(chat.adminSince(mark).text()).containsOnlyOnce("lacks a permission");
        alice.clicksButton("Propose these to Bob");
        Block.Button first = bob.inbox().last().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        assertThat(bob.clicks(first.actionId(), first.value()).text()).contains("The calendar invite comes with");
        assertThat(chat.outbox().filesTo(bob.ref().key())).hasSize(1);
        assertThat(chat.adminSince(mark).text()).containsOnlyOnce("lacks a permission");
    }
}

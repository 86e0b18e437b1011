package org.tandem.core.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tandem.core.calendar.Invite;
import org.tandem.core.calendar.Invites;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Agreement;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;

/**
 * The agreed meeting told to both people, each with a calendar invite in their own language: when it is agreed or
 * moved (the same UID, the next SEQUENCE) and when it is called off (METHOD:CANCEL). The person who acted hears it
 * in their turn, the other one in their direct conversation. An invite carries the pair's agenda, never a
 * reflection or a private note.
 */
final class Invitations {

    /**
     * Who organises the invite: Tandem sends no e-mail, and a calendar needs an address to show; the reserved
     * {@code .invalid} domain makes sure no reply reaches anyone.
     */
    static final String ORGANIZER = "noreply@tandem.invalid";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final Scheduling s;

    Invitations(Scheduling s) {
        this.s = s;
    }

    /**
     * The meeting is agreed or moved: each of them gets it with its invite, or, when their online calendar holds it
     * already ({@code event}), with its link and no file (a second copy in the same calendar would only confuse).
     */
    void booked(Turn turn, Pair pair, MeetingPlan plan, boolean moved, Optional<OnlineCalendar.Event> event) {
        for (PersonRef to : List.of(turn.who(), pair.other(turn.who()))) {
            Texts t = s.texts(to);
            Message m = MeetingMessages.booked(t, plan, clocks(pair, to), moved, event);
            deliver(turn, to, event.isPresent() ? Optional.empty() : Optional.of(file(t, pair, plan, false)), m);
        }
    }

    /** The meeting is called off: each of them gets the cancellation for their calendar, unless it took it out. */
    void cancelled(Turn turn, Pair pair, MeetingPlan plan, boolean inCalendar) {
        String by = s.name(turn.who());
        for (PersonRef to : List.of(turn.who(), pair.other(turn.who()))) {
            Texts t = s.texts(to);
            deliver(turn, to, inCalendar ? Optional.empty() : Optional.of(file(t, pair, plan, true)),
                    MeetingMessages.cancelled(t, plan, clocks(pair, to), by, inCalendar));
        }
    }

    /** A meeting called off without anyone's turn (the pair closed): both hear it, with the cancellation. */
    void cancelled(Pair pair, MeetingPlan plan, boolean inCalendar) {
        for (PersonRef to : List.of(pair.mentee(), pair.mentor())) {
            Texts t = s.texts(to);
            Message m = Message.text(t.rich(inCalendar ? "schedule.cancelled.closed.calendar"
                    : "schedule.cancelled.closed", s.name(pair.other(to)), clocks(pair, to).at(t, plan.start().orElseThrow())));
            if (inCalendar) {
                s.messenger.send(Address.person(to), m);
            } else {
                s.messenger.sendFile(Address.person(to), file(t, pair, plan, true), m);
            }
        }
    }

    private void deliver(Turn turn, PersonRef to, Optional<FileAttachment> file, Message m) {
        boolean mine = to.equals(turn.who());
        if (file.isEmpty()) {
            if (mine) {
                turn.reply(m);
            } else {
                s.messenger.send(Address.person(to), m);
            }
        } else if (mine) {
            turn.replyWithFile(file.get(), m);
        } else {
            s.messenger.sendFile(Address.person(to), file.get(), m);
        }
    }

    MeetingMessages.Clocks clocks(Pair pair, PersonRef reader) {
        PersonRef other = pair.other(reader);
        return new MeetingMessages.Clocks(s.zone(reader, pair.program()), s.zone(other, pair.program()),
                s.name(other));
    }

    /** The invite, as the reader's calendar should hold it. */
    FileAttachment file(Texts t, Pair pair, MeetingPlan plan, boolean cancel) {
        Instant start = plan.start().orElseThrow();
        Invite invite = new Invite(plan.uid(), plan.sequence(), s.now(), start, start.plus(plan.length()),
                subject(t, pair), agenda(t, pair), new Invite.Person("Tandem", ORGANIZER), attendees(pair));
        String ics = cancel ? Invites.cancel(invite) : Invites.request(invite);
        return new FileAttachment((cancel ? "cancelled-meeting-" : "meeting-") + DAY.format(start) + ".ics",
                "text/calendar", ics.getBytes(StandardCharsets.UTF_8));
    }

    /** Both of them, where their platform gave Tandem an address; nobody else. */
    private List<Invite.Person> attendees(Pair pair) {
        return List.of(pair.mentee(), pair.mentor()).stream().flatMap(p -> s.people.find(p).stream())
                .filter(p -> p.email().isPresent())
                .map(p -> new Invite.Person(s.name(p.ref()), p.email().get())).toList();
    }

    String subject(Texts t, Pair pair) {
        return t.get("schedule.invite.subject", s.name(pair.mentee()), s.name(pair.mentor()));
    }

    /**
     * What the meeting is for: the first conversation's agenda while they are introduced, their learning objectives
     * once they agreed some. Nothing anyone wrote in private.
     */
    String agenda(Texts t, Pair pair) {
        if (pair.status() == PairStatus.INTRODUCED) {
            return t.get("schedule.invite.first", s.name(pair.mentee()));
        }
        List<Agreement.Objective> goals = pair.agreement().filter(a -> a.status() == Agreement.Status.AGREED)
                .map(Agreement::objectives).orElse(List.of());
        if (goals.isEmpty()) {
            return t.get("schedule.invite.session");
        }
        return t.get("schedule.invite.goals") + "\n" + goals.stream().map(g -> "- " + g.what())
                .collect(Collectors.joining("\n"));
    }
}

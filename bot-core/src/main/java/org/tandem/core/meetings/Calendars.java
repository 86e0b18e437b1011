package org.tandem.core.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.schedule.Slots;
import org.tandem.core.schedule.WorkingWeek;

/**
 * The pair's online calendar, when the deployment has one, with the invites as the fallback for everything: free
 * times from both people's busy times, the agreed meeting booked, moved and cancelled there. A calendar that refuses
 * never stops a pair scheduling; one missing a permission is told to the coordinators once per workspace.
 */
final class Calendars {

    private static final Logger log = LoggerFactory.getLogger(Calendars.class);

    private final Scheduling s;
    private final CalendarNotices notices;

    Calendars(Scheduling s, CalendarNotices notices) {
        this.s = s;
        this.notices = notices;
    }

    /** Times inside both working weeks, and outside both people's busy times when the calendar knows them. */
    List<Instant> free(Pair pair, WorkingWeek week, ZoneId mine, ZoneId theirs, Instant now, Duration length,
                       int count) {
        List<OnlineCalendar.Busy> busy = List.of();
        if (s.calendar.serves(pair.scope(), pair.mentee(), pair.mentor())) {
            try {
                busy = s.calendar.busy(pair.scope(), List.of(pair.mentee(), pair.mentor()), now,
                        now.plus(Slots.HORIZON));
            } catch (OnlineCalendar.Unavailable e) {
                refused(pair, e);
            }
        }
        List<OnlineCalendar.Busy> taken = busy;
        return Slots.propose(week, mine, theirs, now, length, count,
                (from, to) -> taken.stream().noneMatch(b -> b.from().isBefore(to) && b.to().isAfter(from)));
    }

    /**
     * Books (or moves) the agreed meeting in their calendars: the event as the calendar keeps it, or empty when there
     * is none here or it refused (the invites carry the meeting then).
     */
    Optional<OnlineCalendar.Event> book(Pair pair, MeetingPlan plan, String subject, String agenda) {
        if (!s.calendar.serves(pair.scope(), pair.mentee(), pair.mentor())) {
            return Optional.empty();
        }
        // a move goes through the calendar that holds the event; a new one is in the proposer's
        PersonRef host = plan.eventId().flatMap(x -> plan.host()).orElse(plan.proposedBy());
        try {
            OnlineCalendar.Event event = s.calendar.book(pair.scope(), plan.eventId(), new OnlineCalendar.Booking(
                    subject, agenda, plan.start().orElseThrow(), plan.length(), host,
                    List.of(pair.mentee(), pair.mentor())));
            s.plans.booked(plan.pair(), plan.uid(), event.id(), host);
            return Optional.of(event);
        } catch (OnlineCalendar.Unavailable e) {
            refused(pair, e);
            return Optional.empty();
        }
    }

    /** Calls the meeting off in their calendars; false when it was not there, or the calendar refused. */
    boolean cancel(Pair pair, MeetingPlan plan) {
        if (plan.eventId().isEmpty() || !s.calendar.serves(pair.scope(), pair.mentee(), pair.mentor())) {
            return false;
        }
        try {
            s.calendar.cancel(pair.scope(), plan.host().orElse(plan.proposedBy()), plan.eventId().get());
            return true;
        } catch (OnlineCalendar.Unavailable e) {
            refused(pair, e);
            return false;
        }
    }

    private void refused(Pair pair, OnlineCalendar.Unavailable e) {
        log.warn("the online calendar refused for pair {} ({}): {}", pair.id(), e.reason(), e.getMessage());
        if (e.reason() == OnlineCalendar.Unavailable.Reason.FORBIDDEN && notices.first(pair.scope(), s.now())) {
            Texts t = s.people.adminTexts(pair.scope(), s.adminLocale);
            s.messenger.send(Address.admin(pair.scope()), Message.text(t.rich("schedule.calendar.forbidden")));
        }
    }
}

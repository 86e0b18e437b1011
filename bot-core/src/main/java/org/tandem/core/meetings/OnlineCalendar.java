package org.tandem.core.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * People's real calendars, where a deployment can reach them (Microsoft Graph for a Teams tenant): their busy times,
 * to propose only times when both are free, and the pair's agreed meeting as an event in both calendars, with an
 * online meeting link. Without one ({@link #NONE}), or when it refuses, Tandem's own {@code .ics} invites carry the
 * meeting. Calls go over the network: they are made after a turn's acknowledgement, never inside a platform's 3 s.
 */
public interface OnlineCalendar {

    /** Whether this pair's calendars can be reached (e.g. a Teams pair, with Graph configured for its tenant). */
    boolean serves(Scope scope, PersonRef one, PersonRef other);

    /** The times each of {@code people} is busy in {@code [from, to)}, merged: one list for all of them. */
    List<Busy> busy(Scope scope, List<PersonRef> people, Instant from, Instant to) throws Unavailable;

    /**
     * Creates the meeting in both calendars, organised by {@code booking.organizer()}, or moves the one created
     * before ({@code eventId}). Returns the event as the calendar keeps it.
     */
    Event book(Scope scope, Optional<String> eventId, Booking booking) throws Unavailable;

    /** Calls off an event created by {@link #book}, as its organiser. */
    void cancel(Scope scope, PersonRef organizer, String eventId) throws Unavailable;

    /** A busy interval. */
    record Busy(Instant from, Instant to) {}

    /**
     * A meeting to hold: the title, the agenda (never a reflection or a private note), when, who organises it and
     * who attends.
     */
    record Booking(String subject, String agenda, Instant start, Duration length, PersonRef organizer,
                   List<PersonRef> attendees) {
        public Booking {
            attendees = List.copyOf(attendees);
        }
    }

    /** An event in the calendars: its id there, and the link to join it online when one was made. */
    record Event(String id, Optional<String> joinUrl) {}

    /** The calendar could not do it now; {@link #reason} says whether to try again or fall back. */
    final class Unavailable extends Exception {

        /** Why the calendar refused. */
        public enum Reason {
            /** A permission is missing (HTTP 403): fall back to invites and tell the coordinators once. */
            FORBIDDEN,
            /** Throttled (HTTP 429) beyond what one call waits for. */
            THROTTLED,
            /** Anything else: the network, a 5xx, a person the calendar does not know. */
            FAILED
        }

        private final Reason reason;

        public Unavailable(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** No online calendar: every pair schedules with invites. */
    OnlineCalendar NONE = new OnlineCalendar() {
        @Override
        public boolean serves(Scope scope, PersonRef one, PersonRef other) {
            return false;
        }

        @Override
        public List<Busy> busy(Scope scope, List<PersonRef> people, Instant from, Instant to) throws Unavailable {
            throw new Unavailable(Unavailable.Reason.FAILED, "no online calendar");
        }

        @Override
        public Event book(Scope scope, Optional<String> eventId, Booking booking) throws Unavailable {
            throw new Unavailable(Unavailable.Reason.FAILED, "no online calendar");
        }

        @Override
        public void cancel(Scope scope, PersonRef organizer, String eventId) throws Unavailable {
            throw new Unavailable(Unavailable.Reason.FAILED, "no online calendar");
        }
    };
}

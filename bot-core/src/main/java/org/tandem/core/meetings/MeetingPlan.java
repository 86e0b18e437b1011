package org.tandem.core.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;

/**
 * A pair's meeting, as far as it got: proposed times waiting for an answer, an agreed time, held, missed or called
 * off.
 *
 * @param start    the agreed start; while new times for an agreed meeting are proposed (a reschedule), the agreed
 *                 time still stands until the other picks one
 * @param version  grows with every change: an answer names the version it answers, so an old button cannot act
 *                 on a newer proposal
 * @param sequence the calendar invite's SEQUENCE for this meeting: 0 when first agreed, one more for each
 *                 reschedule or the cancellation
 * @param uid      the calendar invite's UID, the same across reschedules of one meeting; empty until agreed
 * @param eventId  the event in the people's online calendar, when one holds it
 * @param host     whose calendar holds that event (its organiser): a move or a cancellation goes through them
 */
public record MeetingPlan(String pair, String tenant, String program, PersonRef mentee, PersonRef mentor,
                          PersonRef proposedBy, List<Instant> slots, Duration length, Status status,
                          Optional<Instant> start, int version, int sequence, String uid, Optional<String> eventId,
                          Optional<PersonRef> host, Instant updatedAt) {

    /** Where a meeting stands. */
    public enum Status {
        /** Times are proposed; the other person has not answered. */
        PROPOSED,
        /** The other person said none of the times works (a first proposal: no meeting stands). */
        DECLINED,
        /** A time is agreed. */
        AGREED,
        /** The meeting took place, one of them said. */
        HELD,
        /** The meeting did not take place, one of them said. */
        MISSED,
        /** An agreed meeting was called off. */
        CANCELLED
    }

    public MeetingPlan {
        slots = List.copyOf(slots);
    }

    /** Whether this person is one of the pair. */
    public boolean of(PersonRef person) {
        return mentee.equals(person) || mentor.equals(person);
    }

    /** The other one of the pair. */
    public PersonRef other(PersonRef person) {
        return mentee.equals(person) ? mentor : mentee;
    }

    /** Whether an agreed time stands (agreed, or agreed and being moved). */
    public boolean booked() {
        return start.isPresent() && (status == Status.AGREED || status == Status.PROPOSED && !uid.isEmpty());
    }

    /** Whether this proposal moves a meeting already agreed. */
    public boolean reschedule() {
        return status == Status.PROPOSED && !uid.isEmpty();
    }

    /** When the agreed meeting ends. */
    public Optional<Instant> end() {
        return start.map(s -> s.plus(length));
    }
}

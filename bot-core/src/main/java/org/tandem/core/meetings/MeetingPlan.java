package org.tandem.core.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;

/**
 * A pair's meeting, as far as it got: proposed times waiting for an answer, an agreed time, or called off.
 *
 * @param version  grows with every change: an answer names the version it answers, so an old button cannot act
 *                 on a newer proposal
 * @param sequence the calendar invite's SEQUENCE for this meeting: 0 when first agreed, one more for each
 *                 reschedule or the cancellation
 * @param uid      the calendar invite's UID, the same across reschedules of one meeting; empty until agreed
 */
public record MeetingPlan(String pair, String tenant, PersonRef mentee, PersonRef mentor, PersonRef proposedBy,
                          List<Instant> slots, Duration length, Status status, Optional<Instant> start,
                          int version, int sequence, String uid, Instant updatedAt) {

    /** Where a meeting stands. */
    public enum Status {
        /** Times are proposed; the other person has not answered. */
        PROPOSED,
        /** The other person said none of the times works. */
        DECLINED,
        /** A time is agreed. */
        AGREED,
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
}

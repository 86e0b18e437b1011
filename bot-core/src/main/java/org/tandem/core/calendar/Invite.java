package org.tandem.core.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One meeting as both people's calendars should hold it.
 *
 * @param uid         the meeting's identity across its invite, updates and cancellation
 * @param sequence    0 for the first invite, one more for each change (a client keeps the highest)
 * @param stamp       when this version was made
 * @param summary     the calendar entry's title
 * @param description what the entry says: the pair's agenda, never a reflection or a private note
 * @param organizer   who invites (a calendar needs an address to answer)
 * @param attendees   who is invited; people without a known e-mail address are not listed
 */
public record Invite(String uid, int sequence, Instant stamp, Instant start, Instant end, String summary,
                     String description, Person organizer, List<Person> attendees) {

    /** Someone on the invite: a display name and an e-mail address. */
    public record Person(String name, String email) {
        public Person {
            Objects.requireNonNull(name, "name");
            if (email == null || email.isBlank() || !email.contains("@")) {
                throw new IllegalArgumentException(name + " has no e-mail address for an invite: " + email);
            }
        }
    }

    public Invite {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("an invite needs a uid");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is negative");
        }
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the meeting ends at " + end + ", not after it starts at " + start);
        }
        summary = summary == null ? "" : summary;
        description = description == null ? "" : description;
        Objects.requireNonNull(organizer, "organizer");
        attendees = List.copyOf(attendees);
    }

    /** The same meeting, changed: one more in sequence, stamped now. */
    public Invite next(Instant now, Instant newStart, Instant newEnd) {
        return new Invite(uid, sequence + 1, now, newStart, newEnd, summary, description, organizer, attendees);
    }
}

package org.tandem.core.workshops;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * A workshop of a programme.
 *
 * @param zone     the time zone the coordinator gave the time in, for people whose own zone is unknown
 * @param where    a link or a place, as the coordinator wrote it
 * @param going    who said yes, in the order they answered
 * @param notGoing how many said no
 * @param invited  how many participants it was announced to
 */
public record Workshop(String id, Scope scope, String program, String title, Instant at, ZoneId zone, String where,
                       List<PersonRef> going, int notGoing, int invited) {

    public Workshop {
        going = List.copyOf(going);
    }
}

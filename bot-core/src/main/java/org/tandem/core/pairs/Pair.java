package org.tandem.core.pairs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * A mentee and a mentor in a programme.
 *
 * @param reasons why the matcher put them together: bundle keys with their arguments, to render in any language
 * @param clicks  each side's private answer to "did it click?" (yes, unsure, no), by role
 */
public record Pair(String id, Scope scope, String program, PersonRef mentee, PersonRef mentor, PairStatus status,
                   int score, List<Reason> reasons, Instant createdAt, Optional<Instant> respondBy,
                   Optional<String> group, Map<String, String> clicks, int clickRounds, long version) {

    /** One reason, stored as a bundle key and its arguments. */
    public record Reason(String key, List<String> args) {
        public Reason {
            args = List.copyOf(args);
        }
    }

    public PersonRef other(PersonRef me) {
        return me.equals(mentee) ? mentor : mentee;
    }

    public String roleOf(PersonRef who) {
        return who.equals(mentee) ? "mentee" : "mentor";
    }
}

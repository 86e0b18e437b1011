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

    /**
     * One reason, stored as a bundle key ({@code match.reason.<criterion>...}, phrased for the mentee), its
     * arguments, and the points it added.
     */
    public record Reason(String key, List<String> args, int points) {
        public Reason {
            args = List.copyOf(args);
        }

        /** The criterion's name in the key, e.g. {@code time-zone} for {@code match.reason.time-zone.hours}. */
        public String criterion() {
            String[] parts = key.split("\\.");
            return parts.length > 2 ? parts[2] : key;
        }
    }

    public PersonRef other(PersonRef me) {
        return me.equals(mentee) ? mentor : mentee;
    }

    public String roleOf(PersonRef who) {
        return who.equals(mentee) ? "mentee" : "mentor";
    }
}

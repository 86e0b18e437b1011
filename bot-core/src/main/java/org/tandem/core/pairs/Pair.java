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
                   Optional<String> group, Map<String, String> clicks, int clickRounds, long version,
                   Optional<Agreement> agreement, Rhythm rhythm) {

    /**
     * Where the pair is in its rhythm once active.
     *
     * @param checkIn    the number of the current check-in (it keys its due items)
     * @param unanswered check-ins in a row that nobody answered
     * @param atRisk     flagged to the coordinators, until a meeting is logged
     * @param endsAt     when the closing review is due (an extension moves it)
     */
    public record Rhythm(Optional<Instant> activeAt, Optional<Instant> metAt, Optional<Instant> lastMetAt,
                         int meetings, int checkIn, int unanswered, boolean atRisk, Optional<Instant> endsAt) {
        static final Rhythm NONE = new Rhythm(Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, 0, false,
                Optional.empty());
    }

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

package org.tandem.core.pairs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
     * @param checkIn        the generation of the rhythm's one live tick (it keys its due item): every re-plan takes
     *                       the next number, so an older tick finds itself stale and does nothing
     * @param pendingCheckIn the check-in question that is open (asked, not answered yet), if any: there is at most one
     * @param unanswered     cadences in a row in which the open question was not answered
     * @param atRisk         flagged to the coordinators, until someone answers (or, when quiet, a meeting is logged)
     * @param atRiskReason   why: {@link #UNANSWERED} (the nudges then stop) or {@link #QUIET} (no meeting logged)
     * @param endsAt         when the closing review is due (an extension moves it)
     */
    public record Rhythm(Optional<Instant> activeAt, Optional<Instant> metAt, Optional<Instant> lastMetAt,
                         int meetings, int checkIn, OptionalInt pendingCheckIn, int unanswered, boolean atRisk,
                         Optional<String> atRiskReason, Optional<Instant> endsAt) {

        /** At risk because nobody answered two cadences of check-ins. */
        public static final String UNANSWERED = "unanswered";
        /** At risk because no meeting was logged for two cadences. */
        public static final String QUIET = "quiet";

        /** Cadences in a row without an answer after which the nudges stop, until someone answers or acts. */
        public static final int UNANSWERED_LIMIT = 2;

        /** Whether the nudges are stopped: nobody answers, someone (they, or a coordinator) is to act first. */
        public boolean silenced() {
            return unanswered >= UNANSWERED_LIMIT;
        }
    }

    /**
     * One reason, stored as a bundle key ({@code match.reason.<criterion>...}, phrased for the mentee), its
     * arguments, and the points it added.
     */
    public record Reason(String key, List<String> args, int points) {
        public Reason {
            args = List.copyOf(args);
        }

        /**
         * Whether it fails what the mentee said she needs (none of her topics, no way to meet as she asked, hardly any
         * working hours in common): a match with such a reason is a compromise, and is shown as one.
         */
        public boolean weak() {
            return org.tandem.core.matching.Reason.weak(key);
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

package org.tandem.core.pairs;

import java.time.Instant;
import java.util.List;
import org.tandem.core.conversation.PersonRef;

/**
 * The mentors proposed to one mentee of a programme, best first, and the ones already asked. The mentee
 * chooses; a decline or a timeout moves on to the next.
 */
public record Shortlist(String program, PersonRef mentee, List<Candidate> candidates, List<String> tried,
                        Instant createdAt) {

    /** One proposed mentor, with the matcher's score and reasons. */
    public record Candidate(PersonRef mentor, int score, List<Pair.Reason> reasons) {
        public Candidate {
            reasons = List.copyOf(reasons);
        }
    }

    public Shortlist {
        candidates = List.copyOf(candidates);
        tried = List.copyOf(tried);
    }

    /** The candidates not asked yet, best first. */
    public List<Candidate> remaining() {
        return candidates.stream().filter(c -> !tried.contains(c.mentor().key())).toList();
    }
}

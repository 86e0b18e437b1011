package org.tandem.core.pairs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tandem.core.conversation.PersonRef;

/**
 * The mentors proposed to one mentee of a programme, best first, the ones already asked, and the ones whose places
 * were all taken since (another mentee's request was accepted). The mentee chooses; a decline or a timeout moves on
 * to the next.
 *
 * @param taken     mentors who have no free place left in the programme any more: no longer offered
 * @param shortfall the programme's shortlist size when the list was made, and why the list was shorter
 */
public record Shortlist(String program, PersonRef mentee, List<Candidate> candidates, List<String> tried,
                        Instant createdAt, List<String> taken, Shortfall shortfall) {

    /** One proposed mentor, with the matcher's score and reasons. */
    public record Candidate(PersonRef mentor, int score, List<Pair.Reason> reasons) {
        public Candidate {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * How many mentors the programme offers on a shortlist, and, when the matcher found fewer, the key of the
     * sentence saying why ({@code match.shortlist.few} with the number of mentors who fit, or
     * {@code match.shortlist.busy}); empty when the list is full. Counts and a key only: nothing about a person.
     */
    public record Shortfall(int size, String why, List<String> args) {
        public Shortfall {
            Objects.requireNonNull(why, "why");
            args = List.copyOf(args);
        }

        /** A list as long as it was meant to be, or one laid out by hand: nothing to explain. */
        public static Shortfall none(int size) {
            return new Shortfall(size, "", List.of());
        }
    }

    public Shortlist {
        candidates = List.copyOf(candidates);
        tried = List.copyOf(tried);
        taken = List.copyOf(taken);
        Objects.requireNonNull(shortfall, "shortfall");
    }

    /** A list as the matcher gave it, with nothing to explain about its length. */
    public Shortlist(String program, PersonRef mentee, List<Candidate> candidates, List<String> tried,
                     Instant createdAt) {
        this(program, mentee, candidates, tried, createdAt, List.of(), Shortfall.none(candidates.size()));
    }

    /** The candidates not asked yet and with a free place, best first. */
    public List<Candidate> remaining() {
        return candidates.stream().filter(c -> !tried.contains(c.mentor().key()) && !taken.contains(c.mentor().key()))
                .toList();
    }

    /** The candidates whose places were taken before she asked them: what her list no longer offers. */
    public List<Candidate> lost() {
        return candidates.stream().filter(c -> taken.contains(c.mentor().key()) && !tried.contains(c.mentor().key()))
                .toList();
    }
}

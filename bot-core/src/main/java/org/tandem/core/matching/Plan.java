package org.tandem.core.matching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optimal matching of a programme: who gets whom (in the mentees' order), who stays in the pool and why, the
 * objective reached, and every mentee's shortlist.
 */
public record Plan(List<Assignment> assignments, List<Unmatched> unmatched, Objective objective,
                   Map<String, Shortlist> shortlists) {

    public Plan {
        assignments = List.copyOf(assignments);
        unmatched = List.copyOf(unmatched);
        shortlists = Collections.unmodifiableMap(new LinkedHashMap<>(shortlists));
    }

    public Optional<Assignment> assignment(String mentee) {
        return assignments.stream().filter(a -> a.mentee().equals(mentee)).findFirst();
    }

    public Shortlist shortlist(String mentee) {
        return shortlists.getOrDefault(mentee, new Shortlist(mentee, List.of()));
    }

    /** The mean score of the pairs, for a coordinator's preview; 0 when nobody is matched. */
    public double averageScore() {
        return assignments.isEmpty() ? 0 : (double) objective.totalScore() / assignments.size();
    }
}

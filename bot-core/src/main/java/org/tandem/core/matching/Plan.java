package org.tandem.core.matching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optimal matching of a programme: who gets whom (in the mentees' order), who stays in the pool and why, the
 * objective reached, every mentee's shortlist, how the mentors' load is spread, and which topics more mentors would
 * serve.
 *
 * @param loads  {@code loads.get(k)}: how many of the mentors with a free place get {@code k} mentees in this plan
 * @param wanted the topics most asked for by mentees the plan leaves in the pool or pairs without one of their
 *               topics, most wanted first (at most {@value #WANTED})
 */
public record Plan(List<Assignment> assignments, List<Unmatched> unmatched, Objective objective,
                   Map<String, Shortlist> shortlists, List<Integer> loads, List<Wanted> wanted) {

    public static final int WANTED = 3;

    /** A topic that one more mentor would serve: how many mentees are waiting for it, how many got a mentor without it. */
    public record Wanted(String topic, int waiting, int without) {
    }

    public Plan {
        assignments = List.copyOf(assignments);
        unmatched = List.copyOf(unmatched);
        shortlists = Collections.unmodifiableMap(new LinkedHashMap<>(shortlists));
        loads = List.copyOf(loads);
        wanted = List.copyOf(wanted);
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

    /** The proposals that fail one of the mentee's needs. */
    public long compromises() {
        return assignments.stream().filter(a -> a.score().reasons().stream().anyMatch(Reason::weak)).count();
    }
}

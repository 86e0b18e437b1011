package org.tandem.core.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dresses the solver's answer (a mentor index per mentee) as a {@link Plan}: scores, reasons, shortlists. */
final class PlanBuilder {

    private final Pool pool;
    private final ScoreTable table;
    private final Explainer explainer;
    private final WhyUnmatched why;

    PlanBuilder(Pool pool, ScoreTable table, Weights weights) {
        this.pool = pool;
        this.table = table;
        this.explainer = new Explainer(weights, pool);
        this.why = new WhyUnmatched(pool, weights);
    }

    Plan build(int[] mentorOf) {
        int[] spare = table.capacity.clone();
        for (int m : mentorOf) {
            if (m != FlowSolver.FREE) {
                spare[m]--;
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        Map<String, Shortlist> shortlists = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < mentorOf.length; i++) {
            String mentee = pool.menteeCandidates.get(i).id();
            List<Shortlist.Option> options = new ArrayList<>();
            if (mentorOf[i] == FlowSolver.FREE) {
                unmatched.add(why.explain(i));
            } else {
                Score score = explainer.score(i, mentorOf[i]);
                total += score.total();
                assignments.add(new Assignment(mentee, pool.mentorCandidates.get(mentorOf[i]).id(), score));
                options.add(new Shortlist.Option(pool.mentorCandidates.get(mentorOf[i]).id(), score, true));
            }
            for (int m : alternatives(i, mentorOf[i], spare)) {
                options.add(new Shortlist.Option(pool.mentorCandidates.get(m).id(), explainer.score(i, m), false));
            }
            shortlists.put(mentee, new Shortlist(mentee, options));
        }
        return new Plan(assignments, unmatched, new Objective(assignments.size(), total), shortlists, List.of(), List.of());
    }

    /** The best allowed mentors, other than the planned one, that keep a free place in the plan. */
    private int[] alternatives(int mentee, int planned, int[] spare) {
        int[] best = new int[2];
        int found = 0;
        int[] row = table.score[mentee];
        for (int m = 0; m < row.length; m++) {
            if (m == planned || spare[m] <= 0 || row[m] == ScoreTable.NOT_ALLOWED) {
                continue;
            }
            // insertion into a tiny sorted array: strictly better scores go first, ties keep input order
            int at = found;
            while (at > 0 && row[best[at - 1]] < row[m]) {
                at--;
            }
            if (at < best.length) {
                System.arraycopy(best, at, best, at + 1, Math.min(found, best.length - 1) - at);
                best[at] = m;
                found = Math.min(found + 1, best.length);
            }
        }
        return java.util.Arrays.copyOf(best, found);
    }
}

package org.tandem.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dresses the solver's answer (a mentor index per mentee) as a {@link Plan}: scores and reasons, the shortlists,
 * why some stay in the pool, how loads spread, which topics more mentors would serve.
 */
final class PlanBuilder {

    private final Pool pool;
    private final Scoring scoring;
    private final Graph graph;
    private final Explainer explainer;
    private final WhyUnmatched why;

    PlanBuilder(Pool pool, Scoring scoring, Graph graph) {
        this.pool = pool;
        this.scoring = scoring;
        this.graph = graph;
        this.explainer = new Explainer(scoring.weights, scoring.policy, pool);
        this.why = new WhyUnmatched(pool, scoring.weights);
    }

    Plan build(int[] mentorOf) {
        List<Assignment> assignments = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        int[] load = new int[graph.mentors()];
        long total = 0;
        int failed = 0;
        Score[] planned = new Score[mentorOf.length];
        for (int i = 0; i < mentorOf.length; i++) {
            String mentee = pool.menteeCandidates.get(i).id();
            if (mentorOf[i] == FlowSolver.FREE) {
                unmatched.add(why.explain(i));
            } else {
                Score score = explainer.score(i, mentorOf[i]);
                planned[i] = score;
                total += score.total();
                failed += scoring.failedNeeds(i, mentorOf[i]);
                load[mentorOf[i]]++;
                assignments.add(new Assignment(mentee, pool.mentorCandidates.get(mentorOf[i]).id(), score));
            }
        }
        long loadCost = 0;
        for (int m = 0; m < load.length; m++) {
            for (int k = 1; k <= load[m]; k++) {
                loadCost += scoring.policy.placeCost(k);
            }
        }
        Objective objective = new Objective(assignments.size(), failed, total, loadCost);
        return new Plan(assignments, unmatched, objective, shortlists(mentorOf, planned, load), loads(load),
                wanted(mentorOf));
    }

    /**
     * Every matched mentee's shortlist: the planned mentor, then alternatives placed for all mentees at once, one
     * round per further option. Each round is an exact matching of mentees to mentors who still have room on
     * shortlists ({@link Shortlist#APPEARANCES_PER_PLACE} per free place, the planned ones counted), over the pairs
     * that fail no more of her needs than the planned one: as many mentees as possible get one more option, the
     * best-scored ones.
     */
    private Map<String, Shortlist> shortlists(int[] mentorOf, Score[] planned, int[] load) {
        int mentees = mentorOf.length;
        int size = scoring.policy.shortlist();
        int[] budget = new int[graph.mentors()];
        for (int m = 0; m < budget.length; m++) {
            budget[m] = Math.max(0, Shortlist.APPEARANCES_PER_PLACE * graph.capacity[m] - load[m]);
        }
        List<List<Integer>> chosen = new ArrayList<>(mentees);
        for (int i = 0; i < mentees; i++) {
            chosen.add(new ArrayList<>());
        }
        for (int round = 1; round < size; round++) {
            int[][] to = new int[mentees][];
            long[][] cost = new long[mentees][];
            boolean any = false;
            for (int i = 0; i < mentees; i++) {
                to[i] = new int[0];
                cost[i] = new long[0];
                if (mentorOf[i] == FlowSolver.FREE) {
                    continue;
                }
                int allowedFailures = scoring.failedNeeds(i, mentorOf[i]);
                int[] row = graph.to[i];
                int n = 0;
                int[] keepTo = new int[row.length];
                long[] keepCost = new long[row.length];
                for (int m : row) {
                    if (m != mentorOf[i] && budget[m] > 0 && !chosen.get(i).contains(m)
                            && scoring.failedNeeds(i, m) <= allowedFailures) {
                        keepTo[n] = m;
                        keepCost[n++] = -scoring.score(i, m);
                    }
                }
                // her best few are enough to choose from, and keep each round's matching small
                int best = Math.min(n, 2 * size + 2);
                long[] packed = new long[n];
                for (int k = 0; k < n; k++) {
                    packed[k] = (keepCost[k] << 32) | keepTo[k];
                }
                Arrays.sort(packed);
                long[] chosenCost = new long[best];
                int[] chosenTo = new int[best];
                for (int k = 0; k < best; k++) {
                    chosenTo[k] = (int) (packed[k] & 0xFFFFFFFFL);
                    chosenCost[k] = packed[k] >> 32;
                }
                Graph.byMentor(chosenTo, chosenCost);
                to[i] = chosenTo;
                cost[i] = chosenCost;
                any |= best > 0;
            }
            if (!any) {
                break;
            }
            int[] got = FlowSolver.solve(graph.forShortlists(to, cost, budget.clone())).mentorOf();
            boolean placed = false;
            for (int i = 0; i < mentees; i++) {
                if (got[i] != FlowSolver.FREE) {
                    chosen.get(i).add(got[i]);
                    budget[got[i]]--;
                    placed = true;
                }
            }
            if (!placed) {
                break;
            }
        }
        Map<String, Shortlist> shortlists = new LinkedHashMap<>();
        for (int i = 0; i < mentees; i++) {
            String mentee = pool.menteeCandidates.get(i).id();
            if (mentorOf[i] == FlowSolver.FREE) {
                shortlists.put(mentee, new Shortlist(mentee, List.of()));
                continue;
            }
            List<Shortlist.Option> options = new ArrayList<>();
            options.add(new Shortlist.Option(pool.mentorCandidates.get(mentorOf[i]).id(), planned[i], true));
            int mentee0 = i;
            chosen.get(i).stream().map(m -> new Shortlist.Option(pool.mentorCandidates.get(m).id(),
                            explainer.score(mentee0, m), false))
                    .sorted(Comparator.comparingInt((Shortlist.Option o) -> o.score().total()).reversed())
                    .forEach(options::add);
            if (options.size() >= size) {
                shortlists.put(mentee, new Shortlist(mentee, options));
            } else {
                int fitting = graph.fitting[i];
                shortlists.put(mentee, fitting < size
                        ? new Shortlist(mentee, options, Shortlist.FEW, List.of(Integer.toString(fitting)))
                        : new Shortlist(mentee, options, Shortlist.BUSY, List.of()));
            }
        }
        return shortlists;
    }

    /** How many mentors with a free place get 0, 1, 2... mentees. */
    private List<Integer> loads(int[] load) {
        int most = 0;
        for (int m = 0; m < load.length; m++) {
            if (graph.capacity[m] > 0) {
                most = Math.max(most, load[m]);
            }
        }
        int[] count = new int[most + 1];
        for (int m = 0; m < load.length; m++) {
            if (graph.capacity[m] > 0) {
                count[load[m]]++;
            }
        }
        return Arrays.stream(count).boxed().toList();
    }

    /**
     * The topics of mentees left in the pool, and of mentees paired without any of their topics, most asked for
     * first: what one more mentor would serve.
     */
    private List<Plan.Wanted> wanted(int[] mentorOf) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < mentorOf.length; i++) {
            MenteeCandidate who = pool.menteeCandidates.get(i);
            boolean waiting = mentorOf[i] == FlowSolver.FREE;
            boolean without = !waiting && pool.mentees[i].topics().length > 0
                    && Criteria.covered(pool.mentees[i], pool.mentors[mentorOf[i]]) == 0;
            if (!waiting && !without) {
                continue;
            }
            for (String topic : who.topics()) {
                String key = topic.strip().toLowerCase(Locale.ROOT);
                names.putIfAbsent(key, topic.strip());
                counts.computeIfAbsent(key, k -> new int[2])[waiting ? 0 : 1]++;
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparing(Map.Entry::getKey))
                .limit(Plan.WANTED)
                .map(e -> new Plan.Wanted(names.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}

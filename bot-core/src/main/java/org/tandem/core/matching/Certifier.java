package org.tandem.core.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Proves that a plan solved on the kept pairs is optimal over every pair, or names the pairs left out that could
 * improve it. Two conditions, both over all pairs, kept or not:
 * <ul>
 *   <li><b>no cheaper plan of the same size</b>: with the solver's potentials, every pair left out has a reduced
 *   cost ({@code cost + potential(mentee) - potential(mentor)}) of at least 0. The kept pairs already do, so no
 *   cycle of the whole residual graph has a negative cost. A pair left out costs at least its mentee's and its
 *   mentor's bounds, so only mentors whose potential exceeds {@code bound + potential(mentee)} need a look, and
 *   only pairs whose bounds allow a negative reduced cost are scored: most mentees need none;</li>
 *   <li><b>no plan matching more</b>: the last search reached a set of mentors, none with a free place. Pairs left
 *   out that lead from a reached mentee to a mentor it did not reach widen that set, and so does every pair, kept
 *   or not, of a mentee the widening reached (the search never saw her); if the widened set still holds no free
 *   place, no augmenting path exists over all pairs.</li>
 * </ul>
 */
final class Certifier {

    private final Scoring scoring;
    private final Graph graph;
    private final FlowSolver solver;

    Certifier(Scoring scoring, Graph graph, FlowSolver solver) {
        this.scoring = scoring;
        this.graph = graph;
        this.solver = solver;
    }

    /** The pairs to add before solving again (per mentee, mentor indices), or null when the plan is proven. */
    int[][] violations() {
        int mentees = graph.mentees();
        List<List<Integer>> add = new ArrayList<>(mentees);
        for (int i = 0; i < mentees; i++) {
            add.add(null);
        }
        boolean found = cheaper(add) | widened(add);
        if (!found) {
            return null;
        }
        int[][] out = new int[mentees][];
        for (int i = 0; i < mentees; i++) {
            out[i] = add.get(i) == null ? null : add.get(i).stream().distinct().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private boolean cheaper(List<List<Integer>> add) {
        int mentors = graph.mentors();
        Integer[] boxed = IntStream.range(0, mentors).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Long.compare(solver.mentorPotential[b], solver.mentorPotential[a]));
        int[] byPotential = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        long top = mentors == 0 ? Long.MIN_VALUE : solver.mentorPotential[byPotential[0]];
        int[][] found = new int[graph.mentees()][];
        IntStream.range(0, graph.mentees()).parallel().forEach(i -> {
            long bound = graph.bound[i];
            if (bound == Graph.NOTHING_LEFT_OUT) {
                return;
            }
            long threshold = bound + solver.potential(i);
            if (top <= threshold) {
                return;
            }
            List<Integer> bad = null;
            for (int m : byPotential) {
                if (solver.mentorPotential[m] <= threshold) {
                    break;
                }
                long least = Math.max(bound, graph.columnBound[m]);
                if (least + solver.potential(i) - solver.mentorPotential[m] >= 0 || graph.kept(i, m)) {
                    continue;
                }
                long cost = scoring.cost(i, m);
                if (cost != Criteria.NOT_ALLOWED && cost + solver.potential(i) - solver.mentorPotential[m] < 0) {
                    if (bad == null) {
                        bad = new ArrayList<>();
                    }
                    bad.add(m);
                }
            }
            if (bad != null) {
                found[i] = bad.stream().mapToInt(Integer::intValue).toArray();
            }
        });
        boolean any = false;
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null) {
                any = true;
                List<Integer> list = add.get(i) == null ? new ArrayList<>() : add.get(i);
                Arrays.stream(found[i]).forEach(list::add);
                add.set(i, list);
            }
        }
        return any;
    }

    /**
     * Widens the last search's reach with left-out pairs until it stops growing; a free place in it means an
     * augmenting path over all pairs, and the pairs that widened it are added.
     */
    private boolean widened(List<List<Integer>> add) {
        int mentees = graph.mentees();
        int mentors = graph.mentors();
        boolean[] reached = new boolean[mentors];
        List<Integer> outside = new ArrayList<>();
        for (int m = 0; m < mentors; m++) {
            reached[m] = solver.reachable(m);
            if (!reached[m] && graph.capacity[m] > 0) {
                outside.add(m);
            }
        }
        int[] mentorOf = solver.mentorOf();
        Deque<Integer> todo = new ArrayDeque<>();
        boolean[] seen = new boolean[mentees];
        // the mentees the search reached: their kept pairs lead nowhere new, only their left-out ones may
        boolean[] searched = new boolean[mentees];
        for (int i = 0; i < mentees; i++) {
            if (mentorOf[i] == FlowSolver.FREE || reached[mentorOf[i]]) {
                seen[i] = true;
                searched[i] = true;
                todo.add(i);
            }
        }
        List<int[]> widening = new ArrayList<>();
        boolean freePlace = false;
        List<List<Integer>> menteesOf = null;
        while (!todo.isEmpty() && !outside.isEmpty()) {
            int i = todo.poll();
            if (searched[i] && graph.bound[i] == Graph.NOTHING_LEFT_OUT) {
                continue;
            }
            for (int k = 0; k < outside.size(); k++) {
                int m = outside.get(k);
                boolean kept = graph.kept(i, m);
                if (reached[m] || searched[i] && kept || !scoring.allowed(i, m)) {
                    continue;
                }
                reached[m] = true;
                if (!kept) {
                    widening.add(new int[] {i, m});
                }
                if (solver.load(m) < graph.capacity[m]) {
                    freePlace = true;
                }
                if (menteesOf == null) {
                    menteesOf = menteesOf(mentorOf, mentors);
                }
                for (int j : menteesOf.get(m)) {
                    if (!seen[j]) {
                        seen[j] = true;
                        todo.add(j);
                    }
                }
            }
            outside.removeIf(m -> reached[m]);
            if (freePlace) {
                break;
            }
        }
        if (!freePlace) {
            return false;
        }
        for (int[] pair : widening) {
            List<Integer> list = add.get(pair[0]) == null ? new ArrayList<>() : add.get(pair[0]);
            list.add(pair[1]);
            add.set(pair[0], list);
        }
        return true;
    }

    private static List<List<Integer>> menteesOf(int[] mentorOf, int mentors) {
        List<List<Integer>> of = new ArrayList<>(mentors);
        for (int m = 0; m < mentors; m++) {
            of.add(new ArrayList<>());
        }
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] != FlowSolver.FREE) {
                of.get(mentorOf[i]).add(i);
            }
        }
        return of;
    }
}

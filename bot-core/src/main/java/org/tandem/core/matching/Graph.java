package org.tandem.core.matching;

import java.util.Arrays;

/**
 * The pairs the solver works on: for each mentee, some of her allowed pairs (sorted by mentor) with their costs,
 * and, for each mentee and each mentor, a bound below which none of their pairs left out costs. Memory grows with the pairs kept, not mentees x mentors.
 */
final class Graph {

    /** The bound of a mentee none of whose allowed pairs was left out. */
    static final long NOTHING_LEFT_OUT = Long.MAX_VALUE;

    final int[][] to;
    final long[][] cost;
    /** Every allowed pair of mentee i that is not kept costs at least {@code bound[i]}. */
    final long[] bound;
    /** Every allowed pair of mentor m that is not kept costs at least {@code columnBound[m]}. */
    final long[] columnBound;
    final int[] capacity;
    /** {@code placeCost[k]}: what a mentor's (k+1)-th mentee adds; non-decreasing. */
    final long[] placeCost;
    /** For each mentee, how many allowed pairs fail none of her needs, kept or not. */
    final int[] fitting;

    Graph(int[][] to, long[][] cost, long[] bound, long[] columnBound, int[] capacity, long[] placeCost,
          int[] fitting) {
        this.to = to;
        this.cost = cost;
        this.bound = bound;
        this.columnBound = columnBound;
        this.capacity = capacity;
        this.placeCost = placeCost;
        this.fitting = fitting;
    }

    int mentees() {
        return to.length;
    }

    int mentors() {
        return capacity.length;
    }

    /** Whether mentee i keeps her pair with mentor m. */
    boolean kept(int mentee, int mentor) {
        return Arrays.binarySearch(to[mentee], mentor) >= 0;
    }

    /** The cost of a kept pair. */
    long cost(int mentee, int mentor) {
        int at = Arrays.binarySearch(to[mentee], mentor);
        if (at < 0) {
            throw new IllegalArgumentException("mentee " + mentee + " does not keep mentor " + mentor);
        }
        return cost[mentee][at];
    }

    /** The same graph with these pairs added (mentor and cost, per mentee), the bounds unchanged. */
    Graph with(int[][] addTo, long[][] addCost) {
        int[][] newTo = to.clone();
        long[][] newCost = cost.clone();
        for (int i = 0; i < to.length; i++) {
            if (addTo[i] == null || addTo[i].length == 0) {
                continue;
            }
            int n = to[i].length + addTo[i].length;
            newTo[i] = Arrays.copyOf(to[i], n);
            newCost[i] = Arrays.copyOf(cost[i], n);
            System.arraycopy(addTo[i], 0, newTo[i], to[i].length, addTo[i].length);
            System.arraycopy(addCost[i], 0, newCost[i], to[i].length, addTo[i].length);
            byMentor(newTo[i], newCost[i]);
        }
        return new Graph(newTo, newCost, bound, columnBound, capacity, placeCost, fitting);
    }

    /**
     * Sorts one row's pairs by mentor, in place, each cost moving with its pair: the order {@link #kept} and
     * {@link #cost} search. Stable, so equal indices keep their order.
     */
    static void byMentor(int[] to, long[] cost) {
        long[] packed = new long[to.length];
        for (int k = 0; k < to.length; k++) {
            packed[k] = ((long) to[k] << 32) | k;
        }
        Arrays.sort(packed);
        long[] costs = cost.clone();
        for (int k = 0; k < to.length; k++) {
            to[k] = (int) (packed[k] >>> 32);
            cost[k] = costs[(int) packed[k]];
        }
    }

    /** The same pairs for other capacities and no place costs: to place alternatives on shortlists. */
    Graph forShortlists(int[][] keepTo, long[][] keepCost, int[] budget) {
        return new Graph(keepTo, keepCost, new long[keepTo.length], new long[budget.length], budget, new long[0],
                fitting);
    }
}

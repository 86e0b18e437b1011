package org.tandem.core.matching;

import java.util.Arrays;

/**
 * The exact optimum of source -> mentee (1 place) -> mentor (cost = -score) -> sink (capacity) as a minimum-cost
 * maximum flow, by successive shortest paths with potentials (reduced costs stay non-negative, so Dijkstra works).
 * Each augmentation matches one more mentee at the least cost, so the flow is cheapest for every size and the last
 * one is the answer: the most mentees matched, then the highest total score. Not a heuristic.
 *
 * <p>Two things make it fast for thousands of mentees and hundreds of mentors:
 * <ul>
 *   <li>the search runs over mentors only. A matched mentee can be entered only from its own mentor, at reduced
 *   cost 0, so it shares that mentor's distance. Free mentees all keep one shared potential, so the cheapest way
 *   into mentor m from any free mentee is the free mentee with the highest score for m: a cursor into m's mentees
 *   sorted by score finds it, and only moves forward (a matched mentee never becomes free again);</li>
 *   <li>a search stops as soon as the sink is settled, and only settled nodes' potentials move, as in
 *   Jonker-Volgenant. Mentors with a free place stay level with the sink, and ties go to them, so a search ends at
 *   the first such mentor it reaches: most searches settle a handful of mentors, not all of them.</li>
 * </ul>
 */
final class FlowSolver {

    static final int FREE = -1;
    private static final long INF = Long.MAX_VALUE / 4;

    private final int[][] score;
    private final int[] capacity;
    private final int mentors;
    private final int[] mentorOf;
    private final int[][] assigned;
    private final int[] load;
    private final long[] menteePotential;
    private final long[] mentorPotential;
    private final long sinkPotential;
    private long freePotential;
    private final int[][] byScore;
    private final int[] cursor;
    private final long[] dist;
    private final int[] via;
    private final boolean[] settled;
    private final int[] settledOrder;

    private FlowSolver(ScoreTable table) {
        this.score = table.score;
        this.capacity = table.capacity;
        this.mentors = table.mentors();
        this.mentorOf = new int[table.mentees()];
        Arrays.fill(mentorOf, FREE);
        this.assigned = new int[mentors][];
        this.load = new int[mentors];
        this.menteePotential = new long[table.mentees()];
        this.mentorPotential = new long[mentors];
        this.byScore = MenteesByScore.of(table);
        this.cursor = new int[mentors];
        // every mentor and the sink start level: a pair's reduced cost is then (top score - its score) >= 0, and a
        // mentor with a free place stays level with the sink, so a search ends at the first one it settles
        this.sinkPotential = -table.maxScore;
        for (int m = 0; m < mentors; m++) {
            assigned[m] = new int[capacity[m]];
            mentorPotential[m] = sinkPotential;
        }
        this.dist = new long[mentors];
        this.via = new int[mentors];
        this.settled = new boolean[mentors];
        this.settledOrder = new int[mentors];
    }

    /** For each mentee, the index of their mentor, or {@link #FREE}. */
    static int[] solve(ScoreTable table) {
        FlowSolver solver = new FlowSolver(table);
        while (solver.augment()) {
            // one more mentee matched each time
        }
        return solver.mentorOf;
    }

    private boolean augment() {
        seed();
        long sinkDist = INF;
        int last = -1;
        int count = 0;
        while (true) {
            int m = nearestUnsettled();
            if (m < 0 || dist[m] >= sinkDist) {
                break;
            }
            settled[m] = true;
            settledOrder[count++] = m;
            if (load[m] < capacity[m] && dist[m] + mentorPotential[m] - sinkPotential < sinkDist) {
                sinkDist = dist[m] + mentorPotential[m] - sinkPotential;
                last = m;
            }
            for (int j = 0; j < load[m]; j++) {
                relaxFrom(assigned[m][j], dist[m]);
            }
        }
        if (last < 0) {
            return false;
        }
        for (int k = 0; k < count; k++) {
            int m = settledOrder[k];
            long delta = dist[m] - sinkDist;
            mentorPotential[m] += delta;
            for (int j = 0; j < load[m]; j++) {
                menteePotential[assigned[m][j]] += delta;
            }
        }
        freePotential -= sinkDist;
        shiftAlong(last);
        return true;
    }

    /** Distances from the source: each mentor through its best free mentee. */
    private void seed() {
        for (int m = 0; m < mentors; m++) {
            settled[m] = false;
            dist[m] = INF;
            int[] candidates = byScore[m];
            int c = cursor[m];
            while (c < candidates.length && mentorOf[candidates[c]] != FREE) {
                c++;
            }
            cursor[m] = c;
            if (c < candidates.length) {
                via[m] = candidates[c];
                dist[m] = freePotential - score[candidates[c]][m] - mentorPotential[m];
            }
        }
    }

    /** The unsettled mentor nearest the source; between equals, one with a free place, which ends the search. */
    private int nearestUnsettled() {
        int nearest = -1;
        long best = INF;
        boolean bestHasPlace = false;
        for (int m = 0; m < mentors; m++) {
            if (!settled[m] && dist[m] <= best && dist[m] < INF) {
                boolean hasPlace = load[m] < capacity[m];
                if (dist[m] < best || hasPlace && !bestHasPlace) {
                    best = dist[m];
                    nearest = m;
                    bestHasPlace = hasPlace;
                }
            }
        }
        return nearest;
    }

    /** A matched mentee, reached at its mentor's distance, could move to any other mentor. */
    private void relaxFrom(int mentee, long at) {
        long base = at + menteePotential[mentee];
        int[] row = score[mentee];
        for (int m = 0; m < mentors; m++) {
            if (row[m] != ScoreTable.NOT_ALLOWED && !settled[m]) {
                long d = base - row[m] - mentorPotential[m];
                if (d < dist[m]) {
                    dist[m] = d;
                    via[m] = mentee;
                }
            }
        }
    }

    /** Moves each mentee of the path one mentor on, from the free mentee at its start to a free place at its end. */
    private void shiftAlong(int last) {
        int m = last;
        while (true) {
            int mentee = via[m];
            int from = mentorOf[mentee];
            assigned[m][load[m]++] = mentee;
            mentorOf[mentee] = m;
            if (from == FREE) {
                menteePotential[mentee] = freePotential;
                return;
            }
            remove(from, mentee);
            m = from;
        }
    }

    private void remove(int mentor, int mentee) {
        int[] list = assigned[mentor];
        for (int j = 0; j < load[mentor]; j++) {
            if (list[j] == mentee) {
                list[j] = list[--load[mentor]];
                return;
            }
        }
        throw new IllegalStateException("mentee " + mentee + " is not with mentor " + mentor);
    }
}

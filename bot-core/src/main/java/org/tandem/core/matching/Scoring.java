package org.tandem.core.matching;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The cost of every pair the solver may use, and the sparse set of pairs it starts from.
 *
 * <p>A pair is allowed when it passes every hard constraint: not oneself, a shared language, not excluded, every
 * must, a mentor with a free place. Its cost is {@code failedNeeds x P - score}, where {@code P} exceeds anything
 * the scores and load costs of a whole plan can add up to: so the cheapest plan of a given size first fails as few
 * of the mentees' needs as it can, and only then has the best score.
 *
 * <p>Each mentee keeps only her {@code keep} cheapest allowed pairs, and each mentor theirs ({@link Graph}); the rest
 * are not stored, and the {@link Certifier} proves afterwards, over every pair, that none of them could have
 * improved the plan.
 */
final class Scoring {

    /** How many pairs a mentee keeps at first: enough that the certificate almost always holds at once. */
    static final int KEEP = 48;

    final Pool pool;
    final Weights weights;
    final MatchPolicy policy;
    final int[] capacity;
    final long penalty;
    private final Criteria.Compiled compiled;

    Scoring(Pool pool, Weights weights, MatchPolicy policy) {
        this.pool = pool;
        this.weights = weights;
        this.policy = policy;
        this.capacity = Arrays.stream(pool.mentors).mapToInt(Pool.Mentor::capacity).toArray();
        long places = Arrays.stream(capacity).asLongStream().sum();
        int maxCapacity = Arrays.stream(capacity).max().orElse(0);
        long flow = Math.min(pool.mentees.length, places);
        this.penalty = (Criteria.maxScore(weights) + policy.placeCost(maxCapacity)) * flow + 1;
        this.compiled = Criteria.Compiled.of(weights, policy, penalty);
    }

    boolean allowed(int mentee, int mentor) {
        return cost(mentee, mentor) != Criteria.NOT_ALLOWED;
    }

    int score(int mentee, int mentor) {
        return Criteria.total(weights, pool.mentees[mentee], pool.mentors[mentor]);
    }

    int failedNeeds(int mentee, int mentor) {
        return Criteria.failedNeeds(policy, pool.mentees[mentee], pool.mentors[mentor]);
    }

    /** The pair's cost, {@link Criteria#NOT_ALLOWED} when it fails a hard constraint. */
    long cost(int mentee, int mentor) {
        if (capacity[mentor] == 0 || pool.forbidden(mentee, mentor)) {
            return Criteria.NOT_ALLOWED;
        }
        return Criteria.cost(compiled, pool.mentees[mentee], pool.mentors[mentor]);
    }

    /** The place costs of the policy, index k for a mentor's (k+1)-th mentee, up to the largest capacity. */
    long[] placeCosts() {
        int maxCapacity = Arrays.stream(capacity).max().orElse(0);
        long[] costs = new long[maxCapacity];
        for (int k = 0; k < maxCapacity; k++) {
            costs[k] = policy.placeCost(k + 1);
        }
        return costs;
    }

    /**
     * Every mentee's {@code keep} cheapest allowed pairs, and every mentor's {@code keep} cheapest too: a mentee no
     * mentor wants first still keeps her best chances, and a mentor everybody wants keeps the mentees who would
     * compete for them. The whole programme is read once, in parallel chunks of mentees.
     */
    Graph graph(int keep) {
        int mentees = pool.mentees.length;
        int mentors = capacity.length;
        int[] open = IntStream.range(0, mentors).filter(m -> capacity[m] > 0).toArray();
        int[][] to = new int[mentees][];
        long[][] cost = new long[mentees][];
        long[] bound = new long[mentees];
        int[] fitting = new int[mentees];
        int chunks = Math.max(1, Math.min(mentees / 256, 4 * Runtime.getRuntime().availableProcessors()));
        Row[][] columns = new Row[chunks][];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            Row[] column = new Row[mentors];
            for (int m : open) {
                column[m] = new Row(keep);
            }
            for (int i = chunk; i < mentees; i += chunks) {
                Row row = new Row(keep);
                int fits = 0;
                Pool.Mentee e = pool.mentees[i];
                for (int m : open) {
                    if (pool.forbidden(i, m)) {
                        continue;
                    }
                    long c = Criteria.cost(compiled, e, pool.mentors[m]);
                    if (c != Criteria.NOT_ALLOWED) {
                        fits += c <= 0 ? 1 : 0;
                        row.offer(m, c);
                        column[m].offer(i, c);
                    }
                }
                fitting[i] = fits;
                row.finish();
                to[i] = row.to;
                cost[i] = row.cost;
                bound[i] = row.bound;
            }
            columns[chunk] = column;
        });
        long[] columnBound = new long[mentors];
        Arrays.fill(columnBound, Graph.NOTHING_LEFT_OUT);
        int[][] addTo = new int[mentees][];
        long[][] addCost = new long[mentees][];
        int[] added = new int[mentees];
        for (int m : open) {
            Row merged = new Row(keep);
            boolean leftOut = false;
            for (Row[] column : columns) {
                Row part = column[m];
                leftOut |= part.leftOut;
                for (int k = 0; k < part.size; k++) {
                    merged.offer(part.to[k], part.cost[k]);
                }
            }
            merged.finish();
            if (leftOut || merged.leftOut) {
                // what the merge or a chunk left out costs at least the dearest pair the merge kept
                columnBound[m] = max(merged.cost);
            }
            for (int k = 0; k < merged.size; k++) {
                int i = merged.to[k];
                if (Arrays.binarySearch(to[i], m) < 0) {
                    if (addTo[i] == null) {
                        addTo[i] = new int[4];
                        addCost[i] = new long[4];
                    } else if (added[i] == addTo[i].length) {
                        addTo[i] = Arrays.copyOf(addTo[i], 2 * added[i]);
                        addCost[i] = Arrays.copyOf(addCost[i], 2 * added[i]);
                    }
                    addTo[i][added[i]] = m;
                    addCost[i][added[i]++] = merged.cost[k];
                }
            }
        }
        for (int i = 0; i < mentees; i++) {
            if (addTo[i] != null) {
                addTo[i] = Arrays.copyOf(addTo[i], added[i]);
                addCost[i] = Arrays.copyOf(addCost[i], added[i]);
            }
        }
        return new Graph(to, cost, bound, columnBound, capacity, placeCosts(), fitting).with(addTo, addCost);
    }

    private static long max(long[] values) {
        long max = Long.MIN_VALUE;
        for (long v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The cheapest pairs seen so far, as a bounded max-heap on cost; then sorted by mentor. */
    private static final class Row {
        int[] to;
        long[] cost;
        int size;
        long bound = Graph.NOTHING_LEFT_OUT;
        boolean leftOut;
        private final int keep;

        Row(int keep) {
            this.keep = keep;
            this.to = new int[keep];
            this.cost = new long[keep];
        }

        void offer(int mentor, long c) {
            if (size < keep) {
                to[size] = mentor;
                cost[size] = c;
                up(size++);
                return;
            }
            // something is left out: whatever it is costs at least the dearest pair kept in the end
            leftOut = true;
            if (c < cost[0]) {
                to[0] = mentor;
                cost[0] = c;
                down(0);
            }
        }

        void finish() {
            if (leftOut) {
                bound = cost[0];
            }
            to = Arrays.copyOf(to, size);
            cost = Arrays.copyOf(cost, size);
            Graph.byMentor(to, cost);
        }

        private void up(int k) {
            while (k > 0 && cost[(k - 1) / 2] < cost[k]) {
                swap(k, (k - 1) / 2);
                k = (k - 1) / 2;
            }
        }

        private void down(int k) {
            while (true) {
                int big = k;
                for (int c = 2 * k + 1; c <= 2 * k + 2 && c < size; c++) {
                    if (cost[c] > cost[big]) {
                        big = c;
                    }
                }
                if (big == k) {
                    return;
                }
                swap(k, big);
                k = big;
            }
        }

        private void swap(int a, int b) {
            int t = to[a];
            to[a] = to[b];
            to[b] = t;
            long c = cost[a];
            cost[a] = cost[b];
            cost[b] = c;
        }
    }
}

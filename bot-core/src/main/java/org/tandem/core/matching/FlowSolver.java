package org.tandem.core.matching;

import java.util.Arrays;

/**
 * The exact optimum of source -> mentee (1 place) -> mentor (the pair's cost) -> sink (one arc per place, the k-th
 * costing {@link Graph#placeCost}) as a minimum-cost maximum flow, by successive shortest paths with potentials
 * (reduced costs stay non-negative, so Dijkstra works). Each augmentation matches one more mentee at the least cost,
 * so the flow is cheapest for every size and the last one is the answer: the most mentees matched, then the least
 * cost. Place costs that never decrease keep the problem a flow with unit arcs: a mentor's cheaper places fill
 * first, and the answer stays exact. Not a heuristic.
 *
 * <p>What makes it fast for tens of thousands of mentees and thousands of mentors:
 * <ul>
 *   <li>searches run over mentors only. A matched mentee is tight with its mentor (its potential is the mentor's
 *   less their pair's cost, which is always a valid choice), so it shares that mentor's distance; free mentees all
 *   keep one shared potential, so the cheapest way between mentor m and any free mentee is the free mentee with the
 *   cheapest pair with m: a cursor into m's mentees sorted by cost finds it, and only moves forward (a matched
 *   mentee never becomes free again);</li>
 *   <li>each search goes the cheap way round: from the free mentees towards a free place while free places are
 *   near, from the free places back towards a free mentee once they are rare (the late searches of a scarce
 *   programme would otherwise cross every mentor to find the last free place). Which way did less work is
 *   measured as it goes; both ways find a shortest path, so the answer is the same;</li>
 *   <li>a search stops as soon as its end is settled, and only settled nodes' potentials move, as in
 *   Jonker-Volgenant; mentors wait in a binary heap, and a row holds only the pairs the {@link Graph} kept.</li>
 * </ul>
 */
final class FlowSolver {

    static final int FREE = -1;
    private static final long INF = Long.MAX_VALUE / 4;

    private Graph graph;
    private final int mentors;
    private final int[] mentorOf;
    /** The cost of each matched mentee's pair. */
    private final long[] currentCost;
    private final int[][] assigned;
    private final int[] load;
    final long[] mentorPotential;
    private long sinkPotential;
    private long freePotential;
    private final int[][] byCost;
    private final long[][] byCostValue;
    private final int[] cursor;
    private final long[] dist;
    /** Forward: the mentee that moves into this mentor. Backward: the mentee that leaves it for {@link #next}. */
    private final int[] via;
    private final int[] next;
    private final boolean[] settled;
    private final int[] settledOrder;
    private int settledCount;
    private final int[] heap;
    private final int[] heapAt;
    private int heapSize;
    private int freeMentees;
    private long freePlaces;
    /** How often a search goes the other way than the cheaper one, to measure it again. */
    private static final int PROBE = 16;
    private int augmentations;
    /** The distance of the search's end (the sink forward, the source backward) found so far. */
    private long end;
    private long work;
    private long forwardWork;
    private long backwardWork = Long.MAX_VALUE;

    private FlowSolver(Graph graph) {
        this.graph = graph;
        int mentees = graph.mentees();
        this.mentors = graph.mentors();
        this.mentorOf = new int[mentees];
        Arrays.fill(mentorOf, FREE);
        this.currentCost = new long[mentees];
        this.assigned = new int[mentors][];
        this.load = new int[mentors];
        this.mentorPotential = new long[mentors];
        this.cursor = new int[mentors];
        this.byCost = new int[mentors][];
        this.byCostValue = new long[mentors][];
        incoming();
        // every mentor and the sink start level with the cheapest pair: a pair's reduced cost is then (its cost -
        // the cheapest) >= 0, and a first place costs nothing
        long cheapest = 0;
        for (long[] row : graph.cost) {
            for (long c : row) {
                cheapest = Math.min(cheapest, c);
            }
        }
        this.sinkPotential = cheapest;
        for (int m = 0; m < mentors; m++) {
            assigned[m] = new int[Math.min(graph.capacity[m], mentees)];
            mentorPotential[m] = sinkPotential;
            freePlaces += assigned[m].length;
        }
        this.freeMentees = mentees;
        this.dist = new long[mentors];
        this.via = new int[mentors];
        this.next = new int[mentors];
        this.settled = new boolean[mentors];
        this.settledOrder = new int[mentors];
        this.heap = new int[mentors];
        this.heapAt = new int[mentors];
    }

    /** Solves the graph to the end. */
    static FlowSolver solve(Graph graph) {
        FlowSolver solver = new FlowSolver(graph);
        while (solver.augment()) {
            // one more mentee matched each time
        }
        return solver;
    }

    /**
     * Goes on from this optimum with more pairs: the flow stays, the potentials are repaired ({@link #repair}), and
     * the searches go on while one more mentee can be matched. Exact, and much cheaper than solving again when few
     * pairs are added.
     */
    void extend(Graph more) {
        this.graph = more;
        incoming();
        Arrays.fill(cursor, 0);
        repair();
        while (augment()) {
            // one more mentee matched each time, if the new pairs open a way
        }
    }

    /** For each mentee, the index of their mentor, or {@link #FREE}. */
    int[] mentorOf() {
        return mentorOf;
    }

    /** The potential of a mentee: tight with its mentor when matched, the free mentees' shared one otherwise. */
    long potential(int mentee) {
        int m = mentorOf[mentee];
        return m == FREE ? freePotential : mentorPotential[m] - currentCost[mentee];
    }

    /** After the last search, which found no way to match one more: the mentors the free mentees can reach. */
    boolean reachable(int mentor) {
        return settled[mentor];
    }

    int load(int mentor) {
        return load[mentor];
    }

    private long placeCost(int k) {
        long[] costs = graph.placeCost;
        return costs.length == 0 ? 0 : costs[Math.min(k, costs.length - 1)];
    }

    /** One more mentee matched, by whichever search is cheaper now; false when there is no way. */
    private boolean augment() {
        if (freeMentees == 0 || freePlaces == 0) {
            forward();
            return false;
        }
        // both fail together (no path either way); a failed forward search leaves what the free mentees reach.
        // Whichever did less work last time goes, and now and then the other, to notice when that changes
        augmentations++;
        boolean back = backwardWork < forwardWork;
        if (augmentations % PROBE == 0) {
            back = !back;
        }
        work = 0;
        if (back) {
            boolean found = backward();
            backwardWork = work;
            return found || forward();
        }
        boolean found = forward();
        forwardWork = work;
        return found;
    }

    /** For each mentor, the mentees keeping a pair with it, cheapest first (ties in mentee order). */
    private void incoming() {
        int[] count = new int[mentors];
        for (int[] row : graph.to) {
            for (int m : row) {
                count[m]++;
            }
        }
        long[][] packed = new long[mentors][];
        for (int m = 0; m < mentors; m++) {
            packed[m] = new long[count[m]];
            byCostValue[m] = new long[count[m]];
        }
        Arrays.fill(count, 0);
        int[][] ids = new int[mentors][];
        for (int m = 0; m < mentors; m++) {
            ids[m] = new int[packed[m].length];
        }
        for (int i = 0; i < graph.mentees(); i++) {
            for (int k = 0; k < graph.to[i].length; k++) {
                int m = graph.to[i][k];
                ids[m][count[m]] = i;
                byCostValue[m][count[m]++] = graph.cost[i][k];
            }
        }
        for (int m = 0; m < mentors; m++) {
            int n = ids[m].length;
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            int[] who = ids[m];
            long[] costs = byCostValue[m];
            Arrays.sort(order, (a, b) -> costs[a] != costs[b] ? Long.compare(costs[a], costs[b])
                    : Integer.compare(who[a], who[b]));
            byCost[m] = new int[n];
            long[] sorted = new long[n];
            for (int k = 0; k < n; k++) {
                byCost[m][k] = who[order[k]];
                sorted[k] = costs[order[k]];
            }
            byCostValue[m] = sorted;
        }
    }

    /** The first free mentee in m's list, cheapest first; -1 when none is left. */
    private int cheapestFree(int m) {
        int[] candidates = byCost[m];
        int c = cursor[m];
        while (c < candidates.length && mentorOf[candidates[c]] != FREE) {
            c++;
        }
        cursor[m] = c;
        return c < candidates.length ? c : -1;
    }

    // ---- forward: from the free mentees to a free place ----

    private boolean forward() {
        startSearch();
        for (int m = 0; m < mentors; m++) {
            int c = cheapestFree(m);
            if (c >= 0) {
                via[m] = byCost[m][c];
                seed(m, freePotential + byCostValue[m][c] - mentorPotential[m]);
            }
        }
        heapify();
        int last = -1;
        while (heapSize > 0) {
            int m = heap[0];
            if (dist[m] >= end) {
                break;
            }
            settle(m);
            if (load[m] < graph.capacity[m]) {
                long toSink = dist[m] + placeCost(load[m]) + mentorPotential[m] - sinkPotential;
                if (toSink < end) {
                    end = toSink;
                    last = m;
                }
            }
            for (int j = 0; j < load[m]; j++) {
                relaxForward(assigned[m][j], m);
            }
        }
        if (last < 0) {
            return false;
        }
        for (int k = 0; k < settledCount; k++) {
            int m = settledOrder[k];
            mentorPotential[m] += dist[m] - end;
        }
        freePotential -= end;
        // each mentee of the path moves one mentor on, from the free mentee at its start to a free place at its end
        int m = last;
        while (true) {
            int mentee = via[m];
            int from = mentorOf[mentee];
            if (from != FREE) {
                remove(from, mentee);
            }
            put(mentee, m);
            if (from == FREE) {
                return true;
            }
            m = from;
        }
    }

    /** A matched mentee, at its mentor's distance, could move to any other mentor it keeps a pair with. */
    private void relaxForward(int mentee, int from) {
        long base = dist[from] + mentorPotential[from] - currentCost[mentee];
        int[] to = graph.to[mentee];
        work += to.length;
        long[] cost = graph.cost[mentee];
        for (int k = 0; k < to.length; k++) {
            int m = to[k];
            if (!settled[m]) {
                long d = base + cost[k] - mentorPotential[m];
                // no further than the end already found: such a mentor would never be settled
                if (d < dist[m] && d < end) {
                    dist[m] = d;
                    via[m] = mentee;
                    decreased(m);
                }
            }
        }
    }

    // ---- backward: from the free places to a free mentee ----

    private boolean backward() {
        startSearch();
        for (int m = 0; m < mentors; m++) {
            if (load[m] < graph.capacity[m]) {
                next[m] = -1;
                seed(m, placeCost(load[m]) + mentorPotential[m] - sinkPotential);
            }
        }
        heapify();
        int first = -1;
        int firstMentee = -1;
        while (heapSize > 0) {
            int m = heap[0];
            if (dist[m] >= end) {
                break;
            }
            settle(m);
            int c = cheapestFree(m);
            if (c >= 0) {
                long toSource = dist[m] + byCostValue[m][c] + freePotential - mentorPotential[m];
                if (toSource < end) {
                    end = toSource;
                    first = m;
                    firstMentee = byCost[m][c];
                }
            }
            relaxBackward(m);
        }
        if (first < 0) {
            return false;
        }
        for (int k = 0; k < settledCount; k++) {
            int m = settledOrder[k];
            mentorPotential[m] += end - dist[m];
        }
        sinkPotential += end;
        // the free mentee joins the first mentor; each mentor on the way hands one mentee on to the next
        int m = first;
        int incoming = firstMentee;
        while (true) {
            int leaving = next[m] < 0 ? -1 : via[m];
            if (leaving >= 0) {
                remove(m, leaving);
            }
            put(incoming, m);
            if (leaving < 0) {
                return true;
            }
            incoming = leaving;
            m = next[m];
        }
    }

    /** Mentor m, at its distance to the sink, could take any matched mentee keeping a pair with it. */
    private void relaxBackward(int m) {
        long base = dist[m] - mentorPotential[m];
        int[] mentees = byCost[m];
        work += mentees.length;
        long[] costs = byCostValue[m];
        for (int k = 0; k < mentees.length; k++) {
            int mentee = mentees[k];
            int at = mentorOf[mentee];
            if (at == FREE || at == m || settled[at]) {
                continue;
            }
            long d = base + costs[k] + mentorPotential[at] - currentCost[mentee];
            if (d < dist[at] && d < end) {
                dist[at] = d;
                via[at] = mentee;
                next[at] = m;
                decreased(at);
            }
        }
    }

    // ---- repair: potentials made valid again after pairs were added, cheaper plans of the same size taken ----

    /**
     * Label-correcting shortest paths (Bellman-Ford with a queue) from a root joined to every node at cost 0, over
     * mentors, the source (with the free mentees, who share its potential) and the sink: only the added pairs can
     * have a negative reduced cost, so only what they reach is touched. Every node's distance is then at most 0 and
     * adding it to the potentials makes every reduced cost non-negative again. A cycle of negative cost is a cheaper
     * plan of the same size: its moves are made, and the labelling goes on from there. Each such move lowers the
     * cost, so it ends.
     */
    private void repair() {
        int source = mentors;
        int sink = mentors + 1;
        int nodes = mentors + 2;
        while (true) {
            long[] d = new long[nodes];
            int[] parent = new int[nodes];
            int[] parentMentee = new int[nodes];
            int[] length = new int[nodes];
            boolean[] queued = new boolean[nodes];
            Arrays.fill(parent, -1);
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            for (int v = 0; v < nodes; v++) {
                queue.add(v);
                queued[v] = true;
            }
            int cycleAt = -1;
            while (!queue.isEmpty() && cycleAt < 0) {
                int u = queue.poll();
                queued[u] = false;
                cycleAt = relaxRepair(u, d, parent, parentMentee, length, queued, queue, nodes);
            }
            if (cycleAt < 0) {
                for (int m = 0; m < mentors; m++) {
                    mentorPotential[m] += d[m];
                }
                freePotential += d[source];
                sinkPotential += d[sink];
                return;
            }
            cancel(cycleAt, parent, parentMentee, nodes);
        }
    }

    /** Relaxes every arc out of node u; returns a node on a negative cycle, or -1. */
    private int relaxRepair(int u, long[] d, int[] parent, int[] parentMentee, int[] length, boolean[] queued,
                            java.util.ArrayDeque<Integer> queue, int nodes) {
        int source = mentors;
        int sink = mentors + 1;
        if (u == source) {
            for (int m = 0; m < mentors; m++) {
                int c = cheapestFree(m);
                if (c >= 0) {
                    long rc = freePotential + byCostValue[m][c] - mentorPotential[m];
                    int at = lower(u, m, d[u] + rc, byCost[m][c], d, parent, parentMentee, length, queued, queue,
                            nodes);
                    if (at >= 0) {
                        return at;
                    }
                }
            }
            return -1;
        }
        if (u == sink) {
            for (int m = 0; m < mentors; m++) {
                if (load[m] > 0) {
                    long rc = -placeCost(load[m] - 1) + sinkPotential - mentorPotential[m];
                    int at = lower(u, m, d[u] + rc, -1, d, parent, parentMentee, length, queued, queue, nodes);
                    if (at >= 0) {
                        return at;
                    }
                }
            }
            return -1;
        }
        int m = u;
        if (load[m] < graph.capacity[m]) {
            long rc = placeCost(load[m]) + mentorPotential[m] - sinkPotential;
            int at = lower(m, sink, d[m] + rc, -1, d, parent, parentMentee, length, queued, queue, nodes);
            if (at >= 0) {
                return at;
            }
        }
        for (int j = 0; j < load[m]; j++) {
            int mentee = assigned[m][j];
            long tight = mentorPotential[m] - currentCost[mentee];
            int at = lower(m, source, d[m] + tight - freePotential, mentee, d, parent, parentMentee, length, queued,
                    queue, nodes);
            if (at >= 0) {
                return at;
            }
            int[] to = graph.to[mentee];
            long[] cost = graph.cost[mentee];
            for (int k = 0; k < to.length; k++) {
                if (to[k] != m) {
                    at = lower(m, to[k], d[m] + tight + cost[k] - mentorPotential[to[k]], mentee, d, parent,
                            parentMentee, length, queued, queue, nodes);
                    if (at >= 0) {
                        return at;
                    }
                }
            }
        }
        return -1;
    }

    /** How far up the labels a cycle is looked for at each change; longer ones are found by their length. */
    private static final int ANCESTORS = 64;

    private static int lower(int from, int to, long candidate, int mentee, long[] d, int[] parent, int[] parentMentee,
                             int[] length, boolean[] queued, java.util.ArrayDeque<Integer> queue, int nodes) {
        if (candidate >= d[to]) {
            return -1;
        }
        d[to] = candidate;
        parent[to] = from;
        parentMentee[to] = mentee;
        length[to] = length[from] + 1;
        // a short negative cycle shows at once: the node just lowered is an ancestor of the one that lowered it
        int up = from;
        for (int step = 0; step < ANCESTORS && up >= 0; step++) {
            if (up == to) {
                return to;
            }
            up = parent[up];
        }
        if (length[to] > nodes) {
            return to;
        }
        if (!queued[to]) {
            queued[to] = true;
            queue.add(to);
        }
        return -1;
    }

    /** Makes the moves of the negative cycle through node v: each arc's mentee moves along it. */
    private void cancel(int v, int[] parent, int[] parentMentee, int nodes) {
        for (int k = 0; k < nodes; k++) {
            v = parent[v];
        }
        int source = mentors;
        int sink = mentors + 1;
        java.util.List<int[]> moves = new java.util.ArrayList<>();
        int at = v;
        do {
            int from = parent[at];
            int mentee = parentMentee[at];
            if (mentee >= 0) {
                // into a mentor: the mentee joins it; into the source: the mentee leaves its mentor
                moves.add(new int[] {mentee, from == source ? FREE : from, at == source ? FREE : at});
            } else if (from != sink && at != sink) {
                throw new IllegalStateException("an arc without a mentee between mentors " + from + " and " + at);
            }
            at = from;
        } while (at != v);
        for (int[] move : moves) {
            if (move[1] != FREE) {
                remove(move[1], move[0]);
            }
        }
        for (int[] move : moves) {
            if (move[2] == FREE) {
                mentorOf[move[0]] = FREE;
                freeMentees++;
            } else {
                if (mentorOf[move[0]] != FREE && move[1] != FREE) {
                    mentorOf[move[0]] = FREE;
                    freeMentees++;
                }
                put(move[0], move[2]);
            }
        }
        // a mentee may have become free again: the cursors start over
        Arrays.fill(cursor, 0);
    }

    // ---- the matching itself ----

    private void put(int mentee, int m) {
        if (mentorOf[mentee] == FREE) {
            freeMentees--;
        }
        assigned[m][load[m]++] = mentee;
        mentorOf[mentee] = m;
        currentCost[mentee] = graph.cost(mentee, m);
        freePlaces--;
    }

    private void remove(int mentor, int mentee) {
        int[] list = assigned[mentor];
        for (int j = 0; j < load[mentor]; j++) {
            if (list[j] == mentee) {
                list[j] = list[--load[mentor]];
                freePlaces++;
                return;
            }
        }
        throw new IllegalStateException("mentee " + mentee + " is not with mentor " + mentor);
    }

    // ---- the heap of mentors by distance ----

    /** A search begins: no mentor settled or reached, the heap empty, no end found. */
    private void startSearch() {
        Arrays.fill(settled, false);
        Arrays.fill(dist, INF);
        Arrays.fill(heapAt, -1);
        heapSize = 0;
        settledCount = 0;
        end = INF;
    }

    /** A mentor where the search starts, at this distance (the heap is made whole by {@link #heapify}). */
    private void seed(int m, long distance) {
        dist[m] = distance;
        heap[heapSize] = m;
        heapAt[m] = heapSize++;
    }

    private void settle(int m) {
        pop();
        work++;
        settled[m] = true;
        settledOrder[settledCount++] = m;
    }

    private void decreased(int m) {
        if (heapAt[m] < 0) {
            heap[heapSize] = m;
            heapAt[m] = heapSize++;
        }
        up(heapAt[m]);
    }

    private void heapify() {
        for (int k = heapSize / 2 - 1; k >= 0; k--) {
            down(k);
        }
    }

    /** Between equals, a mentor with a free place first: it may end a forward search. */
    private boolean before(int a, int b) {
        if (dist[a] != dist[b]) {
            return dist[a] < dist[b];
        }
        return load[a] < graph.capacity[a] && load[b] >= graph.capacity[b];
    }

    private void pop() {
        int top = heap[0];
        heapAt[top] = -1;
        heapSize--;
        if (heapSize > 0) {
            heap[0] = heap[heapSize];
            heapAt[heap[0]] = 0;
            down(0);
        }
    }

    private void up(int k) {
        int m = heap[k];
        while (k > 0) {
            int parent = (k - 1) / 2;
            if (!before(m, heap[parent])) {
                break;
            }
            heap[k] = heap[parent];
            heapAt[heap[k]] = k;
            k = parent;
        }
        heap[k] = m;
        heapAt[m] = k;
    }

    private void down(int k) {
        int m = heap[k];
        while (true) {
            int child = 2 * k + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], m)) {
                break;
            }
            heap[k] = heap[child];
            heapAt[heap[k]] = k;
            k = child;
        }
        heap[k] = m;
        heapAt[m] = k;
    }
}

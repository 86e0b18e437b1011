package org.tandem.core.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Proves an assignment optimal without trusting whoever found it. As a flow source -> mentee -> mentor -> sink with
 * cost (failed needs x a big penalty - score) on the pairs and the policy's place cost on each of a mentor's places,
 * an assignment has the most mentees matched iff its residual graph has no path from source to sink, and then the
 * fewest failed needs and the best score less load cost iff the residual graph has no negative-cost cycle
 * (Bellman-Ford).
 */
final class ResidualCertificate {

    private record Edge(int from, int to, long cost) {
    }

    private ResidualCertificate() {
    }

    /** Why the assignment is not optimal (or not even allowed), or empty when it is proven optimal. */
    static Optional<String> refute(Instance instance, int[] mentorOf) {
        int[][] score = instance.score();
        int[] capacity = instance.capacity();
        int mentees = score.length;
        int mentors = capacity.length;
        int[] load = new int[mentors];
        for (int i = 0; i < mentees; i++) {
            if (mentorOf[i] >= 0) {
                if (score[i][mentorOf[i]] == Instance.NOT_ALLOWED) {
                    return Optional.of("mentee " + i + " has a mentor they may not have");
                }
                load[mentorOf[i]]++;
            }
        }
        for (int m = 0; m < mentors; m++) {
            if (load[m] > capacity[m]) {
                return Optional.of("mentor " + m + " has " + load[m] + " mentees for " + capacity[m] + " places");
            }
        }
        // a failed need costs more than any plan's scores and load costs can make up for
        MatchPolicy policy = instance.matcher().policy();
        long most = 0;
        for (int[] row : score) {
            for (int x : row) {
                most = Math.max(most, x);
            }
        }
        int maxCapacity = java.util.Arrays.stream(capacity).max().orElse(0);
        long penalty = (most + policy.placeCost(maxCapacity)) * (mentees + 1) + 1;
        int[][] failed = instance.failed();
        // nodes: source 0, mentees 1..E, mentors E+1..E+M, sink E+M+1
        int source = 0;
        int sink = mentees + mentors + 1;
        List<Edge> residual = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            residual.add(mentorOf[i] < 0 ? new Edge(source, 1 + i, 0) : new Edge(1 + i, source, 0));
            for (int m = 0; m < mentors; m++) {
                if (score[i][m] != Instance.NOT_ALLOWED) {
                    long cost = failed[i][m] * penalty - score[i][m];
                    residual.add(mentorOf[i] == m ? new Edge(1 + mentees + m, 1 + i, -cost)
                            : new Edge(1 + i, 1 + mentees + m, cost));
                }
            }
        }
        for (int m = 0; m < mentors; m++) {
            // one arc per place, the k-th costing the policy's place cost: the next free one, and the last one taken
            if (load[m] < capacity[m]) {
                residual.add(new Edge(1 + mentees + m, sink, policy.placeCost(load[m] + 1)));
            }
            if (load[m] > 0) {
                residual.add(new Edge(sink, 1 + mentees + m, -policy.placeCost(load[m])));
            }
        }
        if (reachable(residual, sink + 1, source)[sink]) {
            return Optional.of("an augmenting path matches one more mentee");
        }
        return negativeCycle(residual, sink + 1) ? Optional.of("a negative cycle raises the total score")
                : Optional.empty();
    }

    private static boolean[] reachable(List<Edge> edges, int nodes, int from) {
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < nodes; v++) {
            out.add(new ArrayList<>());
        }
        edges.forEach(e -> out.get(e.from()).add(e.to()));
        boolean[] seen = new boolean[nodes];
        Deque<Integer> todo = new ArrayDeque<>(List.of(from));
        seen[from] = true;
        while (!todo.isEmpty()) {
            for (int next : out.get(todo.poll())) {
                if (!seen[next]) {
                    seen[next] = true;
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    /** Bellman-Ford from every node at once: still improving after n rounds means a negative cycle. */
    private static boolean negativeCycle(List<Edge> edges, int nodes) {
        long[] dist = new long[nodes];
        for (int round = 0; round < nodes; round++) {
            boolean changed = false;
            for (Edge e : edges) {
                if (dist[e.from()] + e.cost() < dist[e.to()]) {
                    dist[e.to()] = dist[e.from()] + e.cost();
                    changed = true;
                }
            }
            if (!changed) {
                return false;
            }
        }
        return true;
    }
}

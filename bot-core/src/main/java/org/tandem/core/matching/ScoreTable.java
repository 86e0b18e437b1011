package org.tandem.core.matching;

/**
 * Every pair's score, or {@link #NOT_ALLOWED} when a hard constraint rules it out (the same person, no shared
 * language, an excluded pair, a mentor with no free place, a failed must). Dense, because the solver reads whole
 * rows: 2,000 x 500 pairs is 4 MB.
 */
final class ScoreTable {

    static final int NOT_ALLOWED = -1;

    final int[][] score;
    final int[] capacity;
    final int maxScore;

    ScoreTable(int[][] score, int[] capacity) {
        this.score = score;
        this.capacity = capacity;
        int max = 0;
        for (int[] row : score) {
            for (int s : row) {
                max = Math.max(max, s);
            }
        }
        this.maxScore = max;
    }

    static ScoreTable of(Pool pool, Weights weights) {
        int[][] score = new int[pool.mentees.length][pool.mentors.length];
        int[] capacity = new int[pool.mentors.length];
        for (int m = 0; m < capacity.length; m++) {
            capacity[m] = pool.mentors[m].capacity();
        }
        for (int i = 0; i < score.length; i++) {
            Pool.Mentee e = pool.mentees[i];
            for (int m = 0; m < capacity.length; m++) {
                Pool.Mentor r = pool.mentors[m];
                boolean allowed = capacity[m] > 0 && !pool.forbidden(i, m) && !Criteria.failsAMust(weights, e, r);
                score[i][m] = allowed ? Criteria.total(weights, e, r) : NOT_ALLOWED;
            }
        }
        return new ScoreTable(score, capacity);
    }

    int mentees() {
        return score.length;
    }

    int mentors() {
        return capacity.length;
    }

    boolean allowed(int mentee, int mentor) {
        return score[mentee][mentor] != NOT_ALLOWED;
    }
}

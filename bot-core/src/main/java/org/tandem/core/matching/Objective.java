package org.tandem.core.matching;

/**
 * What the matcher maximises, in this order: how many mentees get a mentor, then the sum of their scores. Ordered
 * accordingly, so that plans compare.
 */
public record Objective(int matched, long totalScore) implements Comparable<Objective> {

    @Override
    public int compareTo(Objective o) {
        int byCount = Integer.compare(matched, o.matched);
        return byCount != 0 ? byCount : Long.compare(totalScore, o.totalScore);
    }
}

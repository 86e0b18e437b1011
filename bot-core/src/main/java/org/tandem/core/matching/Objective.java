package org.tandem.core.matching;

/**
 * What the matcher optimises, in this order: how many mentees get a mentor (more is better), then how many of the
 * mentees' needs the pairs fail (fewer is better: a compromise only where no plan can do without it), then the sum
 * of their scores less what the policy charges for loading a mentor with a second or third mentee (higher is
 * better). Ordered accordingly, so that plans compare.
 *
 * @param failedNeeds the needs failed, counted over all pairs (a pair with no topic and no way to meet counts 2)
 * @param loadCost    the sum of {@link MatchPolicy#placeCost} over every mentor's places taken in this plan
 */
public record Objective(int matched, int failedNeeds, long totalScore, long loadCost)
        implements Comparable<Objective> {

    /** An objective without needs or load costs: the best-fit plan's. */
    public Objective(int matched, long totalScore) {
        this(matched, 0, totalScore, 0);
    }

    /** The score less the load cost: what is maximised once the count and the needs are settled. */
    public long net() {
        return totalScore - loadCost;
    }

    @Override
    public int compareTo(Objective o) {
        int byCount = Integer.compare(matched, o.matched);
        if (byCount != 0) {
            return byCount;
        }
        int byNeeds = Integer.compare(o.failedNeeds, failedNeeds);
        return byNeeds != 0 ? byNeeds : Long.compare(net(), o.net());
    }
}

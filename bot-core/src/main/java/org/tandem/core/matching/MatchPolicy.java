package org.tandem.core.matching;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a programme's round is shaped beyond the weights, set by its coordinators.
 *
 * @param needs     what a mentee said she needs that a proposal should not fail (at least one of her topics, a way to
 *                  meet, an hour of working day in common): a pair failing one is proposed only when no plan can do
 *                  without it, and then it is a compromise. A subset of {@link #NEEDABLE}; empty relaxes them all
 * @param spread    0 (best total fit) to {@value #SPREAD_MAX} (spread mentors' load): how much a mentor's second and
 *                  third mentee cost in the plan, {@link #placeCost}
 * @param shortlist how many mentors a shortlist offers, {@value #SHORTLIST_MIN} to {@value #SHORTLIST_MAX}
 */
public record MatchPolicy(Set<Criterion> needs, int spread, int shortlist) {

    /** The criteria that can be a mentee's need: the ones that decide whether a pair can work at all. */
    public static final Set<Criterion> NEEDABLE = Collections.unmodifiableSet(
            EnumSet.of(Criterion.TOPICS, Criterion.TIME_ZONE, Criterion.FORMAT));
    public static final int SPREAD_MAX = 10;
    public static final int SPREAD_DEFAULT = 5;
    public static final int SHORTLIST_MIN = 1;
    public static final int SHORTLIST_MAX = 5;
    public static final int SHORTLIST_DEFAULT = 3;
    /** What one step of spread adds to each further mentee of one mentor, in score points. */
    static final int SPREAD_STEP = 2;

    public MatchPolicy {
        needs = needs.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Criterion.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(needs));
        if (!NEEDABLE.containsAll(needs)) {
            throw new IllegalArgumentException("needs " + needs + " are not all among " + NEEDABLE);
        }
        if (spread < 0 || spread > SPREAD_MAX) {
            throw new IllegalArgumentException("spread " + spread + " is not in 0.." + SPREAD_MAX);
        }
        if (shortlist < SHORTLIST_MIN || shortlist > SHORTLIST_MAX) {
            throw new IllegalArgumentException("shortlist " + shortlist + " is not in " + SHORTLIST_MIN + ".."
                    + SHORTLIST_MAX);
        }
    }

    /** Every need protected, the load spread halfway, three mentors to choose from. */
    public static MatchPolicy defaults() {
        return new MatchPolicy(NEEDABLE, SPREAD_DEFAULT, SHORTLIST_DEFAULT);
    }

    /** The plan of weights alone: no need protected, no load spread (the best total fit). */
    public static MatchPolicy bestFit() {
        return new MatchPolicy(Set.of(), 0, SHORTLIST_DEFAULT);
    }

    public boolean needs(Criterion c) {
        return needs.contains(c);
    }

    public MatchPolicy withNeeds(Set<Criterion> changed) {
        return new MatchPolicy(changed, spread, shortlist);
    }

    public MatchPolicy withSpread(int changed) {
        return new MatchPolicy(needs, changed, shortlist);
    }

    public MatchPolicy withShortlist(int changed) {
        return new MatchPolicy(needs, spread, changed);
    }

    /**
     * What a mentor's {@code k}-th mentee of the round costs (1-based), in score points: 0 for the first, then
     * {@code spread x 2} more for each further one. Non-decreasing in {@code k}, so the plan stays an exact
     * minimum-cost flow.
     */
    public long placeCost(int k) {
        return (long) spread * SPREAD_STEP * Math.max(0, k - 1);
    }
}

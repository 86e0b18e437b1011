package org.tandem.core.matching;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.schedule.WorkingWeek;

/**
 * The baseline the benchmark compares with, never used by the bot: take the cheapest allowed pairs first (fewest
 * failed needs, then best score), as long as the mentee is free and the mentor has a place. Same constraints,
 * scores and objective as {@link Matcher}.
 */
public final class GreedyMatcher {

    /** Who got whom, and the objective reached. */
    public record Result(Map<String, String> mentorOf, Objective objective) {
    }

    private final Weights weights;
    private final MatchPolicy policy;
    private final LocalDate day;
    private final WorkingWeek week;

    public GreedyMatcher(Weights weights, MatchPolicy policy, LocalDate day, WorkingWeek week) {
        this.weights = weights;
        this.policy = policy;
        this.day = day;
        this.week = week;
    }

    public GreedyMatcher(Weights weights, MatchPolicy policy, LocalDate day) {
        this(weights, policy, day, WorkingWeek.defaults());
    }

    public GreedyMatcher(Weights weights, LocalDate day) {
        this(weights, MatchPolicy.defaults(), day);
    }

    public Result match(List<MenteeCandidate> mentees, List<MentorCandidate> mentors,
                        Collection<Exclusion> exclusions) {
        Scoring scoring = new Scoring(new Pool(mentees, mentors, exclusions, day, week), weights, policy);
        int maxScore = Criteria.maxScore(weights);
        long[] pairs = new long[mentees.size() * mentors.size()];
        int count = 0;
        for (int i = 0; i < mentees.size(); i++) {
            for (int m = 0; m < mentors.size(); m++) {
                if (scoring.allowed(i, m)) {
                    // fewest failed needs, best score, then mentee and mentor order: one sortable number per pair
                    long rank = (long) scoring.failedNeeds(i, m) * (maxScore + 1) + maxScore - scoring.score(i, m);
                    pairs[count++] = (rank << 42) | ((long) i << 21) | m;
                }
            }
        }
        Arrays.sort(pairs, 0, count);
        int[] left = scoring.capacity.clone();
        int[] load = new int[left.length];
        boolean[] matched = new boolean[mentees.size()];
        Map<String, String> mentorOf = new HashMap<>();
        long total = 0;
        long loadCost = 0;
        int failed = 0;
        for (int k = 0; k < count; k++) {
            int i = (int) (pairs[k] >>> 21) & 0x1FFFFF;
            int m = (int) pairs[k] & 0x1FFFFF;
            if (!matched[i] && left[m] > 0) {
                matched[i] = true;
                left[m]--;
                total += scoring.score(i, m);
                failed += scoring.failedNeeds(i, m);
                loadCost += policy.placeCost(++load[m]);
                mentorOf.put(mentees.get(i).id(), mentors.get(m).id());
            }
        }
        return new Result(mentorOf, new Objective(mentorOf.size(), failed, total, loadCost));
    }
}

package org.tandem.core.matching;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the benchmark compares with, never used by the bot: take the best-scored allowed pairs first, as
 * long as the mentee is free and the mentor has a place. Same constraints and scores as {@link Matcher}.
 */
public final class GreedyMatcher {

    /** Who got whom, and the objective reached. */
    public record Result(Map<String, String> mentorOf, Objective objective) {
    }

    private final Weights weights;
    private final LocalDate day;

    public GreedyMatcher(Weights weights, LocalDate day) {
        this.weights = weights;
        this.day = day;
    }

    public Result match(List<MenteeCandidate> mentees, List<MentorCandidate> mentors,
                        Collection<Exclusion> exclusions) {
        ScoreTable table = ScoreTable.of(new Pool(mentees, mentors, exclusions, day), weights);
        long[] pairs = new long[table.mentees() * table.mentors()];
        int count = 0;
        for (int i = 0; i < table.mentees(); i++) {
            for (int m = 0; m < table.mentors(); m++) {
                if (table.allowed(i, m)) {
                    // best score first, then mentee and mentor order: one sortable number per pair
                    pairs[count++] = ((long) (table.maxScore - table.score[i][m]) << 42) | ((long) i << 21) | m;
                }
            }
        }
        Arrays.sort(pairs, 0, count);
        int[] left = table.capacity.clone();
        boolean[] matched = new boolean[table.mentees()];
        Map<String, String> mentorOf = new HashMap<>();
        long total = 0;
        for (int k = 0; k < count; k++) {
            int i = (int) (pairs[k] >>> 21) & 0x1FFFFF;
            int m = (int) pairs[k] & 0x1FFFFF;
            if (!matched[i] && left[m] > 0) {
                matched[i] = true;
                left[m]--;
                total += table.score[i][m];
                mentorOf.put(mentees.get(i).id(), mentors.get(m).id());
            }
        }
        return new Result(mentorOf, new Objective(mentorOf.size(), total));
    }
}

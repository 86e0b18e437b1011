package org.tandem.core.matching;

import java.util.Comparator;
import java.util.List;

/**
 * How well a mentor fits a mentee: the total, and the reasons it adds up from, the criteria that drove it first.
 * A criterion weighted 0, or that does not apply (a department when the mentee asked for none), gives no reason.
 */
public record Score(int total, List<Reason> reasons) {

    private static final Comparator<Reason> DRIVERS_FIRST = Comparator.comparingInt(Reason::points).reversed()
            .thenComparing(Reason::criterion);

    public Score {
        reasons = reasons.stream().sorted(DRIVERS_FIRST).toList();
        int sum = reasons.stream().mapToInt(Reason::points).sum();
        if (sum != total) {
            throw new IllegalArgumentException("reasons add up to " + sum + ", not " + total);
        }
    }

    static Score of(List<Reason> reasons) {
        return new Score(reasons.stream().mapToInt(Reason::points).sum(), reasons);
    }
}

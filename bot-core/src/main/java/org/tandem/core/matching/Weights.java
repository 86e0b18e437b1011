package org.tandem.core.matching;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A programme's matching weights, set by its coordinators: 0 to {@value #MAX} per criterion (0 ignores it), and the
 * criteria that are a "must" (a pair that fails one is never proposed, whatever its weight).
 */
public record Weights(Map<Criterion, Integer> points, Set<Criterion> musts) {

    public static final int MAX = 10;

    public Weights {
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            int w = points.getOrDefault(c, 0);
            if (w < 0 || w > MAX) {
                throw new IllegalArgumentException(c + " weight " + w + " is not in 0.." + MAX);
            }
            copy.put(c, w);
        }
        points = Collections.unmodifiableMap(copy);
        musts = Collections.unmodifiableSet(musts.isEmpty() ? EnumSet.noneOf(Criterion.class) : EnumSet.copyOf(musts));
    }

    /** Topics matter most; the rest refine; nothing is a must. */
    public static Weights defaults() {
        return new Weights(Map.of(Criterion.TOPICS, 5, Criterion.SENIORITY, 2, Criterion.DEPARTMENT, 2,
                Criterion.TIME_ZONE, 2, Criterion.FORMAT, 2), Set.of());
    }

    public int of(Criterion c) {
        return points.get(c);
    }

    public boolean must(Criterion c) {
        return musts.contains(c);
    }

    public Weights with(Criterion c, int weight) {
        EnumMap<Criterion, Integer> changed = new EnumMap<>(points);
        changed.put(c, weight);
        return new Weights(changed, musts);
    }

    public Weights withMust(Criterion c, boolean must) {
        Set<Criterion> changed = musts.isEmpty() ? EnumSet.noneOf(Criterion.class) : EnumSet.copyOf(musts);
        if (must) {
            changed.add(c);
        } else {
            changed.remove(c);
        }
        return new Weights(points, changed);
    }
}

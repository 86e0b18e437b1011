package org.tandem.core.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a mentee got no mentor, found by narrowing down the mentors step by step — other people, a shared language,
 * not met before, each must, a free place — and naming the first step that leaves nobody. If somebody is left,
 * their places went to other mentees so that more people could be matched.
 */
final class WhyUnmatched {

    private final Pool pool;
    private final Weights weights;

    WhyUnmatched(Pool pool, Weights weights) {
        this.pool = pool;
        this.weights = weights;
    }

    Unmatched explain(int mentee) {
        MenteeCandidate who = pool.menteeCandidates.get(mentee);
        Pool.Mentee e = pool.mentees[mentee];
        List<Integer> left = new ArrayList<>();
        for (int m = 0; m < pool.mentors.length; m++) {
            if (!pool.mentorCandidates.get(m).id().equals(who.id())) {
                left.add(m);
            }
        }
        if (left.isEmpty()) {
            return new Unmatched(who.id(), "match.unmatched.no-mentors", List.of());
        }
        left.removeIf(m -> !e.languages().intersects(pool.mentors[m].languages()));
        if (left.isEmpty()) {
            return new Unmatched(who.id(), Unmatched.LANGUAGES, List.of(String.join(",", who.languages())));
        }
        left.removeIf(m -> pool.forbidden(mentee, m));
        if (left.isEmpty()) {
            return new Unmatched(who.id(), "match.unmatched.excluded", List.of());
        }
        for (Criterion c : weights.musts()) {
            left.removeIf(m -> Criteria.fails(c, e, pool.mentors[m]));
            if (left.isEmpty()) {
                return must(c, who);
            }
        }
        left.removeIf(m -> pool.mentors[m].capacity() == 0);
        return new Unmatched(who.id(), left.isEmpty() ? "match.unmatched.full" : "match.unmatched.taken", List.of());
    }

    private static Unmatched must(Criterion c, MenteeCandidate who) {
        return switch (c) {
            case TOPICS -> new Unmatched(who.id(), "match.unmatched.topics", List.of(String.join(", ", who.topics())));
            case SENIORITY -> new Unmatched(who.id(), "match.unmatched.seniority", List.of());
            case DEPARTMENT -> new Unmatched(who.id(), who.preference() == Preference.SAME_DEPARTMENT
                    ? "match.unmatched.department.same" : "match.unmatched.department.other", List.of());
            case TIME_ZONE -> new Unmatched(who.id(), "match.unmatched.time-zone", List.of());
            case FORMAT -> who.format() == Format.IN_PERSON && !who.location().isBlank()
                    ? new Unmatched(who.id(), "match.unmatched.format.in-person", List.of(who.location()))
                    : new Unmatched(who.id(), "match.unmatched.format", List.of());
        };
    }
}

package org.tandem.core.matching;

import java.util.List;

/**
 * Why a mentee got no mentor, found by narrowing down the mentors step by step — other people, a shared language,
 * not met before, each must, a free place — and naming the first step that leaves nobody. If somebody is left,
 * their places went to other mentees so that more people could be matched, or better. One pass over the mentors:
 * each mentor goes as far down the steps as it can, and the first step nobody passes is the reason.
 */
final class WhyUnmatched {

    private static final int OTHER = 0;
    private static final int LANGUAGE = 1;
    private static final int NOT_EXCLUDED = 2;
    /** Steps from here on: one per must, in the weights' order, then a free place. */
    private static final int MUSTS = 3;

    private final Pool pool;
    private final List<Criterion> musts;

    WhyUnmatched(Pool pool, Weights weights) {
        this.pool = pool;
        this.musts = List.copyOf(weights.musts());
    }

    Unmatched explain(int mentee) {
        MenteeCandidate who = pool.menteeCandidates.get(mentee);
        int all = MUSTS + musts.size() + 1;
        int furthest = -1;
        for (int m = 0; m < pool.mentors.length && furthest < all; m++) {
            furthest = Math.max(furthest, passed(mentee, m));
        }
        if (furthest < OTHER + 1) {
            return new Unmatched(who.id(), "match.unmatched.no-mentors", List.of());
        }
        if (furthest < LANGUAGE + 1) {
            return new Unmatched(who.id(), Unmatched.LANGUAGES, List.of(String.join(",", who.languages())));
        }
        if (furthest < NOT_EXCLUDED + 1) {
            return new Unmatched(who.id(), "match.unmatched.excluded", List.of());
        }
        if (furthest < MUSTS + musts.size()) {
            return must(musts.get(furthest - MUSTS), who);
        }
        return new Unmatched(who.id(), furthest < all ? "match.unmatched.full" : "match.unmatched.taken", List.of());
    }

    /** How many steps this mentor passes for this mentee, in order. */
    private int passed(int mentee, int mentor) {
        if (pool.self[mentee] == mentor) {
            return OTHER;
        }
        if (!pool.shareALanguage(mentee, mentor)) {
            return LANGUAGE;
        }
        Pool.Mentee e = pool.mentees[mentee];
        Pool.Mentor r = pool.mentors[mentor];
        if (pool.forbidden(mentee, mentor)) {
            return NOT_EXCLUDED;
        }
        for (int k = 0; k < musts.size(); k++) {
            if (Criteria.fails(musts.get(k), e, r)) {
                return MUSTS + k;
            }
        }
        return r.capacity() == 0 ? MUSTS + musts.size() : MUSTS + musts.size() + 1;
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

package org.tandem.core.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a pair's qualities into a {@link Score} with one sentence per criterion that counts, and one for every need
 * of the mentee the pair fails.
 */
final class Explainer {

    private final Weights weights;
    private final MatchPolicy policy;
    private final Pool pool;

    Explainer(Weights weights, MatchPolicy policy, Pool pool) {
        this.weights = weights;
        this.policy = policy;
        this.pool = pool;
    }

    Score score(int mentee, int mentor) {
        Pool.Mentee e = pool.mentees[mentee];
        Pool.Mentor m = pool.mentors[mentor];
        List<Reason> reasons = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            int weight = weights.of(c);
            // a failed need is said even when its criterion weighs nothing: the proposal is a compromise
            boolean failedNeed = policy.needs(c) && Criteria.failsNeed(c, e, m);
            if ((weight > 0 || failedNeed) && applies(c, e)) {
                int points = weight * Criteria.quality(c, e, m);
                reasons.add(reason(c, points, mentee, mentor));
            }
        }
        return Score.of(reasons);
    }

    /** Topics and departments say nothing when the mentee gave none or asked nothing. */
    private static boolean applies(Criterion c, Pool.Mentee e) {
        return switch (c) {
            case TOPICS -> e.topics().length > 0;
            case DEPARTMENT -> e.preference() != Preference.NONE;
            default -> true;
        };
    }

    private Reason reason(Criterion c, int points, int mentee, int mentor) {
        Pool.Mentee e = pool.mentees[mentee];
        Pool.Mentor m = pool.mentors[mentor];
        MenteeCandidate who = pool.menteeCandidates.get(mentee);
        MentorCandidate with = pool.mentorCandidates.get(mentor);
        return switch (c) {
            case TOPICS -> {
                List<String> covered = new ArrayList<>();
                for (int k = 0; k < e.topics().length; k++) {
                    if (m.expertise().get(e.topics()[k])) {
                        covered.add(who.topics().get(k));
                    }
                }
                yield covered.isEmpty() ? new Reason(c, points, "match.reason.topics.none", List.of())
                        : new Reason(c, points, "match.reason.topics", List.of(String.join(", ", covered)));
            }
            case SENIORITY -> new Reason(c, points, "match.reason.seniority." + switch (m.seniority() - e.seniority()) {
                case 1 -> "one-ahead";
                case 2 -> "two-ahead";
                case 0 -> "peer";
                default -> m.seniority() > e.seniority() ? "far-ahead" : "behind";
            }, List.of());
            case DEPARTMENT -> department(points, e, m, with);
            case TIME_ZONE -> {
                int overlap = Criteria.overlap(e, m);
                String key = overlap >= pool.hours.length() ? "same" : overlap >= 120 ? "hours"
                        : overlap >= 60 ? "one-hour" : "none";
                yield new Reason(c, points, "match.reason.time-zone." + key,
                        key.equals("hours") ? List.of(Integer.toString(overlap / 60)) : List.of());
            }
            case FORMAT -> switch (Criteria.meeting(e, m)) {
                case IN_PERSON -> new Reason(c, points, "match.reason.format.in-person", List.of(with.location()));
                case VIDEO -> new Reason(c, points, "match.reason.format.video", List.of());
                case NONE -> new Reason(c, points, "match.reason.format.none", List.of());
            };
        };
    }

    private static Reason department(int points, Pool.Mentee e, Pool.Mentor m, MentorCandidate with) {
        Criterion c = Criterion.DEPARTMENT;
        if (e.department() == Pool.UNKNOWN || m.department() == Pool.UNKNOWN) {
            return new Reason(c, points, "match.reason.department.unknown", List.of());
        }
        boolean same = Criteria.sameDepartment(e, m);
        boolean wantsOther = e.preference() == Preference.OTHER_DEPARTMENT;
        if (same) {
            return new Reason(c, points, wantsOther ? "match.reason.department.not-other"
                    : "match.reason.department.same", List.of());
        }
        return new Reason(c, points, wantsOther ? "match.reason.department.other"
                : "match.reason.department.not-same", List.of(with.department()));
    }
}

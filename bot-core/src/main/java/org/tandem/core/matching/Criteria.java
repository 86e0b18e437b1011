package org.tandem.core.matching;

/**
 * Each criterion's quality for a pair, from 0 to {@value #BEST}, and what failing it as a "must" means. A score is
 * the sum of weight x quality, so the fast scoring of whole programmes and the reasons shown to people come from
 * these same few rules.
 */
final class Criteria {

    static final int BEST = 6;
    /** Below this, a TIME_ZONE "must" fails: too little of a working day to meet in. */
    static final int MIN_SHARED_MINUTES = 3 * 60;
    /** Below this, a TIME_ZONE need fails: not even an hour of working day in common to meet in. */
    static final int MIN_MEETING_MINUTES = 60;

    /** How the pair can meet, given both formats and locations. */
    enum Meeting { IN_PERSON, VIDEO, NONE }

    private Criteria() {
    }

    static int total(Weights w, Pool.Mentee e, Pool.Mentor m) {
        int total = 0;
        for (Criterion c : Criterion.values()) {
            int weight = w.of(c);
            if (weight > 0) {
                total += weight * quality(c, e, m);
            }
        }
        return total;
    }

    static int quality(Criterion c, Pool.Mentee e, Pool.Mentor m) {
        return switch (c) {
            case TOPICS -> topicQuality(e, covered(e, m));
            case SENIORITY -> seniority(m.seniority() - e.seniority());
            case DEPARTMENT -> e.preference() != Preference.NONE && preferenceMet(e, m) ? BEST : 0;
            case TIME_ZONE -> hoursQuality(overlap(e, m));
            case FORMAT -> switch (meeting(e, m)) {
                case IN_PERSON -> BEST;
                // meeting in person is a little better when the mentee is happy with both
                case VIDEO -> e.format() == Format.EITHER ? BEST - 1 : BEST;
                case NONE -> 0;
            };
        };
    }

    /** Whether the pair fails {@code c} as a must. A mentee with no programme topic has nothing to cover. */
    static boolean fails(Criterion c, Pool.Mentee e, Pool.Mentor m) {
        return switch (c) {
            case TOPICS -> e.topics().length > 0 && covered(e, m) == 0;
            case SENIORITY -> m.seniority() <= e.seniority();
            case DEPARTMENT -> e.preference() != Preference.NONE && !preferenceMet(e, m);
            case TIME_ZONE -> overlap(e, m) < MIN_SHARED_MINUTES;
            case FORMAT -> meeting(e, m) == Meeting.NONE;
        };
    }

    /**
     * Whether the pair fails {@code c} as a need of the mentee: none of her topics, no way to meet as she asked, or
     * not an hour of working day in common. Milder than a must for time zones: a need is about meeting at all.
     */
    static boolean failsNeed(Criterion c, Pool.Mentee e, Pool.Mentor m) {
        return c == Criterion.TIME_ZONE ? overlap(e, m) < MIN_MEETING_MINUTES : fails(c, e, m);
    }

    /** How many of the policy's needs the pair fails: 0 for a pair that can work, up to 3. */
    static int failedNeeds(MatchPolicy policy, Pool.Mentee e, Pool.Mentor m) {
        int failed = 0;
        for (Criterion c : policy.needs()) {
            if (failsNeed(c, e, m)) {
                failed++;
            }
        }
        return failed;
    }

    private static final int AT_TOPICS = Criterion.TOPICS.ordinal();
    private static final int AT_SENIORITY = Criterion.SENIORITY.ordinal();
    private static final int AT_DEPARTMENT = Criterion.DEPARTMENT.ordinal();
    private static final int AT_TIME_ZONE = Criterion.TIME_ZONE.ordinal();
    private static final int AT_FORMAT = Criterion.FORMAT.ordinal();

    /** A pair that fails a must: never proposed. */
    static final long NOT_ALLOWED = Long.MAX_VALUE;

    /** The weights, musts and needs as arrays, for the pass over every pair of a programme: no maps, no sets. */
    record Compiled(int topics, int seniority, int department, int timeZone, int format, boolean[] must,
                    boolean[] need, long penalty) {

        static Compiled of(Weights w, MatchPolicy policy, long penalty) {
            boolean[] must = new boolean[Criterion.values().length];
            boolean[] need = new boolean[must.length];
            for (Criterion c : Criterion.values()) {
                must[c.ordinal()] = w.must(c);
                need[c.ordinal()] = policy.needs(c);
            }
            return new Compiled(w.of(Criterion.TOPICS), w.of(Criterion.SENIORITY), w.of(Criterion.DEPARTMENT),
                    w.of(Criterion.TIME_ZONE), w.of(Criterion.FORMAT), must, need, penalty);
        }
    }

    /**
     * A pair's cost for the solver, {@code failed needs x penalty - score}, or {@link #NOT_ALLOWED} when it fails a
     * must: {@link #total}, {@link #failsAMust} and {@link #failedNeeds} in one pass, each quality computed once
     * (the tests hold the two ways equal).
     */
    static long cost(Compiled k, Pool.Mentee e, Pool.Mentor m) {
        int covered = covered(e, m);
        boolean noTopic = e.topics().length > 0 && covered == 0;
        int gap = m.seniority() - e.seniority();
        boolean wantsDepartment = e.preference() != Preference.NONE;
        boolean departmentMet = !wantsDepartment || preferenceMet(e, m);
        int overlap = overlap(e, m);
        Meeting meeting = meeting(e, m);
        boolean[] must = k.must();
        if (must[AT_TOPICS] && noTopic || must[AT_SENIORITY] && gap <= 0 || must[AT_DEPARTMENT] && !departmentMet
                || must[AT_TIME_ZONE] && overlap < MIN_SHARED_MINUTES || must[AT_FORMAT] && meeting == Meeting.NONE) {
            return NOT_ALLOWED;
        }
        int score = k.topics() * topicQuality(e, covered)
                + k.seniority() * seniority(gap)
                + (wantsDepartment && departmentMet ? k.department() * BEST : 0)
                + k.timeZone() * hoursQuality(overlap)
                + k.format() * (meeting == Meeting.NONE ? 0
                        : meeting == Meeting.VIDEO && e.format() == Format.EITHER ? BEST - 1 : BEST);
        boolean[] need = k.need();
        int failed = (need[AT_TOPICS] && noTopic ? 1 : 0)
                + (need[AT_TIME_ZONE] && overlap < MIN_MEETING_MINUTES ? 1 : 0)
                + (need[AT_FORMAT] && meeting == Meeting.NONE ? 1 : 0);
        return failed * k.penalty() - score;
    }

    /** The highest score any pair can have with these weights. */
    static int maxScore(Weights w) {
        int max = 0;
        for (Criterion c : Criterion.values()) {
            max += w.of(c) * BEST;
        }
        return max;
    }

    static boolean failsAMust(Weights w, Pool.Mentee e, Pool.Mentor m) {
        for (Criterion c : w.musts()) {
            if (fails(c, e, m)) {
                return true;
            }
        }
        return false;
    }

    /** The mentee's topics the mentor covers, the k-th of n weighing n - k: the first counts most. */
    static int covered(Pool.Mentee e, Pool.Mentor m) {
        int[] topics = e.topics();
        int covered = 0;
        for (int k = 0; k < topics.length; k++) {
            if (m.covers(topics[k])) {
                covered += topics.length - k;
            }
        }
        return covered;
    }

    /** Topics' quality by how many the mentee gave and the priority they cover: no division per pair. */
    private static final int[][] TOPIC_QUALITY = new int[MenteeCandidate.MAX_TOPICS + 1][];

    static {
        for (int n = 0; n <= MenteeCandidate.MAX_TOPICS; n++) {
            TOPIC_QUALITY[n] = new int[prioritySum(n) + 1];
            for (int covered = 0; covered < TOPIC_QUALITY[n].length; covered++) {
                TOPIC_QUALITY[n][covered] = BEST * covered / prioritySum(n);
            }
        }
    }

    static int topicQuality(Pool.Mentee e, int covered) {
        return TOPIC_QUALITY[e.topics().length][covered];
    }

    /** An hour of working day in common is worth one point, up to {@value #BEST}. */
    static int hoursQuality(int overlapMinutes) {
        return overlapMinutes >= BEST * 60 ? BEST : overlapMinutes / 60;
    }

    private static int prioritySum(int n) {
        // 1, 3 or 6: BEST divides each, so quality stays exact; no topic gives 0 / 1
        return Math.max(1, n * (n + 1) / 2);
    }

    /** A level or two above is best: close enough to remember the mentee's questions, far enough to help. */
    static int seniority(int gap) {
        return switch (gap) {
            case 1, 2 -> BEST;
            case 3 -> 4;
            case 4 -> 3;
            case 0 -> 2;
            default -> 0;
        };
    }

    static boolean sameDepartment(Pool.Mentee e, Pool.Mentor m) {
        return e.department() != Pool.UNKNOWN && e.department() == m.department();
    }

    /** Unknown departments meet no preference: we cannot tell. */
    static boolean preferenceMet(Pool.Mentee e, Pool.Mentor m) {
        boolean known = e.department() != Pool.UNKNOWN && m.department() != Pool.UNKNOWN;
        return switch (e.preference()) {
            case NONE -> true;
            case OTHER_DEPARTMENT -> known && !sameDepartment(e, m);
            case SAME_DEPARTMENT -> known && sameDepartment(e, m);
        };
    }

    static int overlap(Pool.Mentee e, Pool.Mentor m) {
        return e.overlap()[m.zone()];
    }

    static Meeting meeting(Pool.Mentee e, Pool.Mentor m) {
        if (e.format().inPerson() && m.format().inPerson() && e.location() != Pool.UNKNOWN
                && e.location() == m.location()) {
            return Meeting.IN_PERSON;
        }
        return e.format().video() && m.format().video() ? Meeting.VIDEO : Meeting.NONE;
    }
}

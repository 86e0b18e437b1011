package org.tandem.core.matching;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Matches a programme's mentees with its mentors, with the programme's weights.
 *
 * <p>Hard constraints, always: a shared language, the mentor's free places, never a pair that ended (no click, or a
 * decline), never a person with themselves; plus every criterion the coordinators made a must. Within those, the
 * plan is exactly optimal: the most mentees matched, then the highest total score (a minimum-cost flow, not a
 * greedy pass). Immutable: one matcher can serve concurrent requests.
 */
public final class Matcher {

    private final Weights weights;
    private final MatchPolicy policy;
    private final LocalDate day;

    /**
     * @param day the day whose time-zone offsets count (summer time moves working hours): usually today
     */
    public Matcher(Weights weights, MatchPolicy policy, LocalDate day) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.day = Objects.requireNonNull(day, "day");
    }

    /** With the default policy: every need protected, the load spread halfway. */
    public Matcher(Weights weights, LocalDate day) {
        this(weights, MatchPolicy.defaults(), day);
    }

    public MatchPolicy policy() {
        return policy;
    }

    public Weights weights() {
        return weights;
    }

    public LocalDate day() {
        return day;
    }

    /** The optimal plan; ids must be unique on each side, exclusions may name people who are not there. */
    public Plan plan(List<MenteeCandidate> mentees, List<MentorCandidate> mentors, Collection<Exclusion> exclusions) {
        Pool pool = new Pool(mentees, mentors, exclusions, day);
        ScoreTable table = ScoreTable.of(pool, weights);
        return new PlanBuilder(pool, table, weights).build(FlowSolver.solve(table));
    }

    /** How well this mentor fits this mentee, whatever the constraints (to explain a coordinator's swap). */
    public Score score(MenteeCandidate mentee, MentorCandidate mentor) {
        Pool pool = new Pool(List.of(mentee), List.of(mentor), Set.of(), day);
        return new Explainer(weights, pool).score(0, 0);
    }

    /** Whether this pair may be proposed at all: every hard constraint, the mentor's free places included. */
    public boolean allowed(MenteeCandidate mentee, MentorCandidate mentor, Collection<Exclusion> exclusions) {
        Pool pool = new Pool(List.of(mentee), List.of(mentor), exclusions, day);
        return ScoreTable.of(pool, weights).allowed(0, 0);
    }
}

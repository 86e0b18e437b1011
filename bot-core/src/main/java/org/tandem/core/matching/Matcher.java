package org.tandem.core.matching;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tandem.core.schedule.WorkingWeek;

/**
 * Matches a programme's mentees with its mentors, with the programme's weights and policy.
 *
 * <p>Hard constraints, always: a shared language, the mentor's free places, never a pair that ended (no click, or a
 * decline), never a person with themselves; plus every criterion the coordinators made a must. Within those, the
 * plan is exactly optimal: the most mentees matched; then the fewest of their needs failed (a compromise only where
 * no plan can do without it); then the highest total score, less what the policy charges for a mentor's second and
 * third mentee (a minimum-cost flow, not a greedy pass). Scoring keeps each mentee's and each mentor's cheapest
 * pairs only, and a certificate over every pair proves the answer (or adds what it needs and solves again): memory
 * grows with the people, not their product. Immutable: one matcher can serve concurrent requests.
 */
public final class Matcher {

    private final Weights weights;
    private final MatchPolicy policy;
    private final LocalDate day;
    private final WorkingWeek week;

    /**
     * @param day  the day whose time-zone offsets count (summer time moves working hours): usually today
     * @param week the programme's working week, whose hours people in different zones share or not
     */
    public Matcher(Weights weights, MatchPolicy policy, LocalDate day, WorkingWeek week) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.day = Objects.requireNonNull(day, "day");
        this.week = Objects.requireNonNull(week, "week");
    }

    /** In the usual working week ({@link WorkingWeek#defaults()}). */
    public Matcher(Weights weights, MatchPolicy policy, LocalDate day) {
        this(weights, policy, day, WorkingWeek.defaults());
    }

    /** With the default policy, in the usual working week. */
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

    public WorkingWeek week() {
        return week;
    }

    /** The optimal plan; ids must be unique on each side, exclusions may name people who are not there. */
    public Plan plan(List<MenteeCandidate> mentees, List<MentorCandidate> mentors, Collection<Exclusion> exclusions) {
        Pool pool = new Pool(mentees, mentors, exclusions, day, week);
        Scoring scoring = new Scoring(pool, weights, policy);
        Solved solved = solve(scoring, Scoring.KEEP);
        return new PlanBuilder(pool, scoring, solved.graph()).build(solved.solver().mentorOf());
    }

    /** A solved plan over the pairs kept, proven optimal over all pairs, and how many rounds of pairs it took. */
    record Solved(Graph graph, FlowSolver solver, int solves) {
    }

    /**
     * Solves on each mentee's and mentor's cheapest pairs, then proves the answer optimal over every pair
     * ({@link Certifier}); when a pair left out could improve it, adds those pairs and goes on from the plan it has
     * ({@link FlowSolver#extend}). Each round only adds pairs, so it ends, at worst with every allowed pair kept.
     */
    static Solved solve(Scoring scoring, int keep) {
        Graph graph = scoring.graph(keep);
        FlowSolver solver = FlowSolver.solve(graph);
        for (int solves = 1; ; solves++) {
            int[][] add = new Certifier(scoring, graph, solver).violations();
            if (add == null) {
                return new Solved(graph, solver, solves);
            }
            long[][] cost = new long[add.length][];
            for (int i = 0; i < add.length; i++) {
                if (add[i] != null) {
                    int mentee = i;
                    cost[i] = Arrays.stream(add[i]).mapToLong(m -> scoring.cost(mentee, m)).toArray();
                }
            }
            graph = graph.with(add, cost);
            solver.extend(graph);
        }
    }

    /** How well this mentor fits this mentee, whatever the constraints (to explain a coordinator's swap). */
    public Score score(MenteeCandidate mentee, MentorCandidate mentor) {
        Pool pool = new Pool(List.of(mentee), List.of(mentor), Set.of(), day, week);
        return new Explainer(weights, policy, pool).score(0, 0);
    }

    /** Whether this pair may be proposed at all: every hard constraint, the mentor's free places included. */
    public boolean allowed(MenteeCandidate mentee, MentorCandidate mentor, Collection<Exclusion> exclusions) {
        Pool pool = new Pool(List.of(mentee), List.of(mentor), exclusions, day, week);
        return new Scoring(pool, weights, policy).allowed(0, 0);
    }
}

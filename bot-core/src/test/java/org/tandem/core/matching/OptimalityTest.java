package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.core.matching.Someone.mentee;
import static org.tandem.core.matching.Someone.mentor;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plan is the exact optimum, whatever the weights and policy: most mentees matched, then the fewest needs
 * failed, then the highest score less load cost.
 */
class OptimalityTest {

    @Test
    void tinyProgrammesMatchBruteForce() {
        int greedyBeaten = 0;
        for (long seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(1 + r.nextInt(7), 1 + r.nextInt(4), seed, 0, 2, true);
            Weights w = Instance.randomWeights(r);
            Instance instance = Instance.of(new Matcher(w, Instance.randomPolicy(r), Instance.DAY,
                    Instance.randomWeek(seed)), p);
            Plan plan = instance.plan();

            // equal optima may differ in how score and load cost add up to the same net
            assertThat(plan.objective()).as("seed %d", seed).isEqualByComparingTo(BruteForce.best(instance));
            assertThat(instance.objective(instance.mentorOf(Instance.assignment(plan)))).as("seed %d", seed)
                    .isEqualTo(plan.objective());
            Objective greedy = new GreedyMatcher(w, instance.matcher().policy(), Instance.DAY,
                    instance.matcher().week())
                    .match(p.mentees(), p.mentors(), p.exclusions()).objective();
            assertThat(greedy).isLessThanOrEqualTo(plan.objective());
            greedyBeaten += greedy.compareTo(plan.objective()) < 0 ? 1 : 0;
        }
        assertThat(greedyBeaten).as("instances where greedy is not optimal, so the test has teeth").isPositive();
    }

    @Test
    void largerProgrammesCarryACertificate() {
        // plenty of places, scarce places, and a must or two
        int[][] sizes = {{120, 90}, {300, 60}, {400, 40}, {250, 80}};
        for (int k = 0; k < sizes.length; k++) {
            Random r = new Random(100 + k);
            RandomProgramme p = RandomProgramme.generate(sizes[k][0], sizes[k][1], 100 + k);
            Instance instance = Instance.of(new Matcher(Instance.randomWeights(r), Instance.randomPolicy(r),
                    Instance.DAY, Instance.randomWeek(100 + k)), p);
            Plan plan = instance.plan();

            assertThat(ResidualCertificate.refute(instance, instance.mentorOf(Instance.assignment(plan))))
                    .as("size %d x %d", sizes[k][0], sizes[k][1]).isEmpty();
        }
    }

    @Test
    void aPlanSolvedOnFewPairsIsProvenOrSolvedAgainUntilOptimal() {
        // one or two pairs kept per mentee and mentor: the certificate must find what was left out
        int resolved = 0;
        for (long seed = 0; seed < 60; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(20 + r.nextInt(100), 5 + r.nextInt(30), seed);
            MatchPolicy policy = new MatchPolicy(r.nextBoolean() ? MatchPolicy.NEEDABLE : Set.of(),
                    r.nextInt(MatchPolicy.SPREAD_MAX + 1), 3);
            Matcher matcher = new Matcher(Instance.randomWeights(r), policy, Instance.DAY);
            Instance instance = Instance.of(matcher, p);
            Scoring scoring = new Scoring(new Pool(p.mentees(), p.mentors(), p.exclusions(), Instance.DAY,
                    matcher.week()), matcher.weights(), policy);
            Matcher.Solved solved = Matcher.solve(scoring, 1 + r.nextInt(2));
            resolved += solved.solves() > 1 ? 1 : 0;

            int[] mentorOf = solved.solver().mentorOf();
            assertThat(ResidualCertificate.refute(instance, mentorOf)).as("seed %d", seed).isEmpty();
            assertThat(instance.objective(mentorOf)).as("seed %d", seed)
                    .isEqualByComparingTo(instance.objective(instance.mentorOf(Instance.assignment(instance.plan()))));
        }
        assertThat(resolved).as("programmes where the first solve was refuted, so the test has teeth").isPositive();
    }

    @Test
    void theCertificateRefutesAGreedyPlan() {
        for (long seed = 0; ; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(60, 20, seed);
            Weights w = Instance.randomWeights(r);
            Instance instance = Instance.of(new Matcher(w, Instance.DAY), p);
            GreedyMatcher.Result greedy = new GreedyMatcher(w, Instance.DAY).match(p.mentees(), p.mentors(),
                    p.exclusions());
            if (greedy.objective().compareTo(instance.plan().objective()) < 0) {
                assertThat(ResidualCertificate.refute(instance, instance.mentorOf(greedy.mentorOf()))).isPresent();
                return;
            }
        }
    }

    @Test
    void moreMenteesMatchedComesBeforeABetterScore() {
        // Ana fits both mentors, Aline fits only Marc (French): the best pair for Ana would leave Aline alone
        List<MenteeCandidate> mentees = List.of(
                mentee("ana").topics("Leadership", "Sales").build(),
                mentee("aline").topics("Sales").languages("fr").build());
        List<MentorCandidate> mentors = List.of(
                mentor("marc").expertise("Leadership", "Sales").languages("en", "fr").build(),
                mentor("bea").expertise("Leadership").build());
        Matcher matcher = new Matcher(Weights.defaults(), Instance.DAY);

        Plan plan = matcher.plan(mentees, mentors, Set.of());

        assertThat(plan.assignments()).extracting(Assignment::mentee, Assignment::mentor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", "bea"),
                        org.assertj.core.groups.Tuple.tuple("aline", "marc"));
        assertThat(new GreedyMatcher(Weights.defaults(), Instance.DAY).match(mentees, mentors, Set.of()).objective()
                .matched()).isEqualTo(1);
    }
}

package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the policy over random programmes, checked with the rules written again in {@link Rules}: a
 * compromise only where no mentor fitting every need is left, loads spread as the setting asks, shortlists that are
 * a real and feasible choice.
 */
class PolicyPropertiesTest {

    @Test
    void noCompromiseWhileAMentorFittingEveryNeedHasAFreePlace() {
        int compromises = 0;
        for (long seed = 0; seed < 80; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(20 + r.nextInt(120), 5 + r.nextInt(40), seed);
            Matcher matcher = new Matcher(Instance.randomWeights(r).withMust(Criterion.TOPICS, false),
                    MatchPolicy.defaults(), Instance.DAY, Instance.randomWeek(seed));
            Plan plan = matcher.plan(p.mentees(), p.mentors(), p.exclusions());
            Map<String, Integer> spare = spare(p, plan);
            for (Assignment a : plan.assignments()) {
                MenteeCandidate e = mentee(p, a.mentee());
                int failed = Rules.failedNeeds(e, mentor(p, a.mentor()), matcher.policy(), matcher.day(),
                        matcher.week());
                assertThat(a.score().reasons().stream().anyMatch(Reason::weak)).as("seed %d: %s marked", seed,
                        a.mentee()).isEqualTo(failed > 0);
                if (failed > 0) {
                    compromises++;
                    for (MentorCandidate m : p.mentors()) {
                        boolean better = spare.get(m.id()) > 0
                                && Rules.broken(e, m, p.exclusions(), matcher.weights(), matcher.day(),
                                        matcher.week()) == null
                                && Rules.failedNeeds(e, m, matcher.policy(), matcher.day(), matcher.week()) < failed;
                        assertThat(better).as("seed %d: %s could have had %s", seed, e.id(), m.id()).isFalse();
                    }
                }
            }
        }
        assertThat(compromises).as("programmes with compromises, so the test has teeth").isPositive();
    }

    @Test
    void spreadingTheLoadNeverLoadsMentorsMoreAndCostsNoMatchOrNeed() {
        int spreadMoreEvenly = 0;
        for (long seed = 0; seed < 60; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(20 + r.nextInt(80), 10 + r.nextInt(40), seed, 1, 3, true);
            Weights w = Instance.randomWeights(r);
            Plan best = new Matcher(w, MatchPolicy.defaults().withSpread(0), Instance.DAY)
                    .plan(p.mentees(), p.mentors(), p.exclusions());
            Plan spread = new Matcher(w, MatchPolicy.defaults().withSpread(MatchPolicy.SPREAD_MAX), Instance.DAY)
                    .plan(p.mentees(), p.mentors(), p.exclusions());

            assertThat(spread.objective().matched()).as("seed %d", seed).isEqualTo(best.objective().matched());
            assertThat(spread.objective().failedNeeds()).isEqualTo(best.objective().failedNeeds());
            assertThat(concentration(spread)).as("seed %d", seed).isLessThanOrEqualTo(concentration(best));
            assertThat(spread.objective().totalScore()).isLessThanOrEqualTo(best.objective().totalScore());
            spreadMoreEvenly += concentration(spread) < concentration(best) ? 1 : 0;
            assertThat(spread.loads().stream().mapToInt(Integer::intValue).sum())
                    .as("every mentor with a free place is counted once")
                    .isEqualTo((int) p.mentors().stream().filter(m -> m.capacity() > 0).count());
        }
        assertThat(spreadMoreEvenly).as("programmes where spreading changed the plan").isPositive();
    }

    @Test
    void shortlistsAreFeasibleBoundedAndSayWhyTheyAreShort() {
        for (long seed = 0; seed < 80; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(10 + r.nextInt(100), 3 + r.nextInt(40), seed, 0, 3, true);
            MatchPolicy policy = Instance.randomPolicy(r);
            Matcher matcher = new Matcher(Instance.randomWeights(r), policy, Instance.DAY, Instance.randomWeek(seed));
            Plan plan = matcher.plan(p.mentees(), p.mentors(), p.exclusions());
            Map<String, Integer> appearances = new HashMap<>();
            for (MenteeCandidate e : p.mentees()) {
                Shortlist list = plan.shortlist(e.id());
                List<Shortlist.Option> options = list.options();
                assertThat(options).hasSizeLessThanOrEqualTo(policy.shortlist());
                if (plan.assignment(e.id()).isEmpty()) {
                    assertThat(options).isEmpty();
                    continue;
                }
                MentorCandidate planned = mentor(p, plan.assignment(e.id()).get().mentor());
                int plannedFails = Rules.failedNeeds(e, planned, policy, matcher.day(), matcher.week());
                assertThat(options.get(0).mentor()).isEqualTo(planned.id());
                assertThat(options).extracting(Shortlist.Option::mentor).doesNotHaveDuplicates();
                for (Shortlist.Option o : options) {
                    MentorCandidate m = mentor(p, o.mentor());
                    appearances.merge(m.id(), 1, Integer::sum);
                    assertThat(m.capacity()).as("seed %d: she could get %s", seed, m.id()).isPositive();
                    assertThat(Rules.broken(e, m, p.exclusions(), matcher.weights(), matcher.day(), matcher.week()))
                            .isNull();
                    assertThat(Rules.failedNeeds(e, m, policy, matcher.day(), matcher.week()))
                            .as("seed %d: no worse than planned", seed).isLessThanOrEqualTo(plannedFails);
                }
                assertThat(list.why().isEmpty()).as("seed %d: %s says why iff short", seed, e.id())
                        .isEqualTo(options.size() == policy.shortlist());
                if (list.why().equals(Shortlist.FEW)) {
                    long fitting = p.mentors().stream().filter(m -> m.capacity() > 0)
                            .filter(m -> Rules.broken(e, m, p.exclusions(), matcher.weights(), matcher.day(),
                                    matcher.week()) == null)
                            .filter(m -> Rules.failedNeeds(e, m, policy, matcher.day(), matcher.week()) == 0).count();
                    assertThat(list.whyArgs()).as("seed %d", seed).containsExactly(Long.toString(fitting));
                }
            }
            long at = seed;
            appearances.forEach((m, n) -> assertThat(n).as("seed %d: %s", at, m)
                    .isLessThanOrEqualTo(Shortlist.APPEARANCES_PER_PLACE * mentor(p, m).capacity()));
        }
    }

    /** The sum over mentors of k(k-1)/2 for k mentees: 0 when nobody has two. */
    private static long concentration(Plan plan) {
        long sum = 0;
        for (int k = 0; k < plan.loads().size(); k++) {
            sum += (long) plan.loads().get(k) * k * (k - 1) / 2;
        }
        return sum;
    }

    private static Map<String, Integer> spare(RandomProgramme p, Plan plan) {
        Map<String, Integer> spare = new HashMap<>();
        p.mentors().forEach(m -> spare.put(m.id(), m.capacity()));
        plan.assignments().forEach(a -> spare.merge(a.mentor(), -1, Integer::sum));
        return spare;
    }

    private static MenteeCandidate mentee(RandomProgramme p, String id) {
        return p.mentees().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static MentorCandidate mentor(RandomProgramme p, String id) {
        return p.mentors().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}

package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Property: on any programme, whatever the weights and musts, no plan breaks a hard constraint. */
class ConstraintsTest {

    @Test
    void plansNeverBreakAHardConstraint() {
        for (long seed = 0; seed < 150; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(5 + r.nextInt(80), 1 + r.nextInt(25), seed, 0, 3, true);
            Weights w = Instance.randomWeights(r);
            if (r.nextBoolean()) {
                w = w.withMust(Criterion.values()[r.nextInt(Criterion.values().length)], true);
            }
            Matcher matcher = new Matcher(w, MatchPolicy.defaults(), Instance.DAY, Instance.randomWeek(seed));
            Plan plan = matcher.plan(p.mentees(), p.mentors(), p.exclusions());
            checkPlan(seed, p, matcher, plan);
        }
    }

    @Test
    void theFastTableAgreesWithTheOnePairApi() {
        for (long seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            RandomProgramme p = RandomProgramme.generate(30, 12, seed, 0, 3, true);
            Matcher matcher = new Matcher(Instance.randomWeights(r), MatchPolicy.defaults(), Instance.DAY,
                    Instance.randomWeek(seed));
            assertThat(Instance.viaTable(matcher, p.mentees(), p.mentors(), p.exclusions()).score())
                    .isDeepEqualTo(Instance.of(matcher, p).score());
        }
    }

    private static void checkPlan(long seed, RandomProgramme p, Matcher matcher, Plan plan) {
        Map<String, MenteeCandidate> mentees = new HashMap<>();
        p.mentees().forEach(e -> mentees.put(e.id(), e));
        Map<String, MentorCandidate> mentors = new HashMap<>();
        p.mentors().forEach(m -> mentors.put(m.id(), m));

        assertThat(Stream.concat(plan.assignments().stream().map(Assignment::mentee),
                plan.unmatched().stream().map(Unmatched::mentee)).toList()).as("seed %d: every mentee once", seed)
                .containsExactlyInAnyOrderElementsOf(mentees.keySet());
        Map<String, Integer> load = new HashMap<>();
        for (Assignment a : plan.assignments()) {
            MenteeCandidate e = mentees.get(a.mentee());
            MentorCandidate r = mentors.get(a.mentor());
            assertThat(Rules.broken(e, r, p.exclusions(), matcher.weights(), matcher.day(), matcher.week()))
                    .as("seed %d: %s with %s", seed, e.id(), r.id()).isNull();
            assertThat(a.score()).isEqualTo(matcher.score(e, r));
            load.merge(r.id(), 1, Integer::sum);
        }
        load.forEach((mentor, n) -> assertThat(n).as("seed %d: %s's load", seed, mentor)
                .isLessThanOrEqualTo(mentors.get(mentor).capacity()));
        assertThat(plan.objective().totalScore())
                .isEqualTo(plan.assignments().stream().mapToLong(a -> a.score().total()).sum());

        Map<String, Integer> appearances = new HashMap<>();
        for (MenteeCandidate e : p.mentees()) {
            List<Shortlist.Option> options = plan.shortlist(e.id()).options();
            assertThat(options).hasSizeLessThanOrEqualTo(matcher.policy().shortlist());
            Set<String> seen = new HashSet<>();
            for (Shortlist.Option o : options) {
                assertThat(seen.add(o.mentor())).as("no mentor twice").isTrue();
                MentorCandidate r = mentors.get(o.mentor());
                assertThat(Rules.broken(e, r, p.exclusions(), matcher.weights(), matcher.day(), matcher.week()))
                        .isNull();
                assertThat(o.score()).isEqualTo(matcher.score(e, r));
                if (!o.planned()) {
                    assertThat(r.capacity()).as("an alternative she could get has a free place").isPositive();
                }
                appearances.merge(r.id(), 1, Integer::sum);
            }
            var planned = plan.assignment(e.id());
            if (planned.isPresent()) {
                assertThat(options.get(0).mentor()).isEqualTo(planned.get().mentor());
                assertThat(options.get(0).planned()).isTrue();
                assertThat(options.subList(1, options.size())).noneMatch(Shortlist.Option::planned)
                        .extracting(o -> o.score().total()).isSortedAccordingTo((x, y) -> y - x);
            } else {
                assertThat(options).as("seed %d: a free place for %s would have matched them", seed, e.id())
                        .isEmpty();
            }
        }
        appearances.forEach((mentor, n) -> assertThat(n).as("seed %d: %s's shortlists", seed, mentor)
                .isLessThanOrEqualTo(Shortlist.APPEARANCES_PER_PLACE * mentors.get(mentor).capacity()));
    }
}

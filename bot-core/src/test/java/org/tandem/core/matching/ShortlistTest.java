package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.core.matching.Someone.mentee;
import static org.tandem.core.matching.Someone.mentor;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planned mentor first, then the two best who still have a free place in the plan. */
class ShortlistTest {

    @Test
    void theOptimalPlanThenTheBestWithFreePlaces() {
        List<MenteeCandidate> mentees = List.of(
                mentee("eva").topics("Leadership", "Sales", "Testing").build(),
                mentee("tom").topics("Leadership").prefers(Preference.SAME_DEPARTMENT).build());
        List<MentorCandidate> mentors = List.of(
                mentor("all").expertise("Leadership", "Sales", "Testing").build(),
                mentor("two").expertise("Leadership", "Sales").build(),
                mentor("one").expertise("Leadership").department("Sales").capacity(2).build(),
                mentor("tester").expertise("Testing").build(),
                mentor("busy").expertise("Leadership", "Sales", "Testing").capacity(0).build());

        Plan plan = new Matcher(Weights.defaults(), Instance.DAY).plan(mentees, mentors, Set.of());

        assertThat(plan.shortlist("eva").options()).extracting(Shortlist.Option::mentor, Shortlist.Option::planned)
                .containsExactly(tuple("all", true), tuple("two", false), tuple("one", false));
        assertThat(plan.shortlist("tom").options()).extracting(Shortlist.Option::mentor)
                .as("'all' is taken by eva, 'busy' has no place").containsExactly("one", "two", "tester");
        assertThat(plan.shortlist("eva").options().get(1).score().reasons()).extracting(Reason::key)
                .contains("match.reason.topics");
        assertThat(plan.averageScore()).isEqualTo(plan.objective().totalScore() / 2.0);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}

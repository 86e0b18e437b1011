package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.core.matching.Someone.mentee;
import static org.tandem.core.matching.Someone.mentor;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planned mentor first, then the best others she could get: a free place before the round, none of her needs
 * failed, and no mentor on more shortlists than {@link Shortlist#APPEARANCES_PER_PLACE} per free place.
 */
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
                .as("'all' is planned for eva but still one to ask; 'busy' has no place; 'tester' covers none of"
                        + " his topics").containsExactly("one", "all", "two");
        assertThat(plan.shortlist("tom").why()).isEmpty();
        assertThat(plan.shortlist("eva").options().get(1).score().reasons()).extracting(Reason::key)
                .contains("match.reason.topics");
        assertThat(plan.averageScore()).isEqualTo(plan.objective().totalScore() / 2.0);
    }

    @Test
    void noMentorIsOnMoreThanThreeShortlistsPerPlace() {
        // everyone fits "star" best (a level ahead, not a peer); six others fit too
        List<MenteeCandidate> mentees = java.util.stream.IntStream.range(0, 7)
                .mapToObj(k -> mentee("e" + k).build()).toList();
        List<MentorCandidate> mentors = new java.util.ArrayList<>(List.of(mentor("star").build()));
        java.util.stream.IntStream.range(0, 6).forEach(k -> mentors.add(mentor("f" + k).seniority(2).build()));

        Plan plan = new Matcher(Weights.defaults(), Instance.DAY).plan(mentees, mentors, Set.of());

        java.util.Map<String, Long> appearances = plan.shortlists().values().stream()
                .flatMap(s -> s.options().stream()).collect(java.util.stream.Collectors.groupingBy(
                        Shortlist.Option::mentor, java.util.stream.Collectors.counting()));
        assertThat(appearances.get("star")).as("the favourite, bounded").isEqualTo(3L);
        assertThat(appearances.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3L));
        assertThat(plan.shortlists().values()).filteredOn(s -> s.options().size() < 3)
                .allSatisfy(s -> assertThat(s.why()).isEqualTo(Shortlist.BUSY));
    }

    @Test
    void aShortlistSaysHowFewMentorsFit() {
        List<MenteeCandidate> mentees = List.of(mentee("ana").build());
        List<MentorCandidate> mentors = List.of(mentor("a").build(), mentor("b").build(),
                mentor("finance").expertise("Finance").build());

        Shortlist list = new Matcher(Weights.defaults(), Instance.DAY).plan(mentees, mentors, Set.of())
                .shortlist("ana");

        assertThat(list.options()).extracting(Shortlist.Option::mentor).containsExactlyInAnyOrder("a", "b");
        assertThat(list.why()).isEqualTo(Shortlist.FEW);
        assertThat(list.whyArgs()).containsExactly("2");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}

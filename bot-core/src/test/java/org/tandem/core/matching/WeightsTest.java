package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void defaultsFavourTopicsAndMakeNothingAMust() {
        Weights w = Weights.defaults();
        assertThat(w.of(Criterion.TOPICS)).isEqualTo(5);
        assertThat(w.of(Criterion.FORMAT)).isEqualTo(2);
        assertThat(w.musts()).isEmpty();
    }

    @Test
    void changesMakeNewWeightsAndMissingCriteriaAreIgnored() {
        Weights w = new Weights(Map.of(Criterion.TOPICS, 10), Set.of()).withMust(Criterion.FORMAT, true);
        assertThat(w.of(Criterion.SENIORITY)).isZero();
        assertThat(w.must(Criterion.FORMAT)).isTrue();
        assertThat(w.withMust(Criterion.FORMAT, false).musts()).isEmpty();
        assertThat(w.with(Criterion.TOPICS, 0).of(Criterion.TOPICS)).isZero();
        assertThat(w.of(Criterion.TOPICS)).isEqualTo(10);
    }

    @Test
    void weightsStayBetweenZeroAndTen() {
        assertThatThrownBy(() -> Weights.defaults().with(Criterion.TOPICS, 11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weights.defaults().with(Criterion.TOPICS, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidatesAreCheckedOnTheWayIn() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThatThrownBy(() -> new MenteeCandidate("e", List.of("a", "b", "c", "d"), "", List.of("en"), 2, "",
                paris, Format.VIDEO, "", Preference.NONE)).hasMessageContaining("at most 3 topics");
        assertThatThrownBy(() -> new MentorCandidate("r", Set.of(), List.of("en"), 6, 1, "", paris, Format.VIDEO,
                "", 1)).hasMessageContaining("seniority 6");
        Matcher matcher = new Matcher(Weights.defaults(), Instance.DAY);
        MenteeCandidate e = Someone.mentee("e").build();
        assertThatThrownBy(() -> matcher.plan(List.of(e, e), List.of(), Set.of()))
                .hasMessageContaining("listed twice");
    }
}

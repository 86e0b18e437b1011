package org.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.core.matching.Someone.mentee;
import static org.tandem.core.matching.Someone.mentor;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.i18n.Texts;

/** A mentee left in the pool is told the first reason nobody fits, kindly. */
class UnmatchedTest {

    private final Matcher matcher = new Matcher(Weights.defaults(), Instance.DAY);

    @Test
    void noMentorSpeaksTheirLanguage() {
        Unmatched u = alone(matcher, mentee("joão").languages("pt", "es"), mentor("r").languages("en", "fr"));

        assertThat(u.key()).isEqualTo("match.unmatched.languages");
        assertThat(u.text(Texts.of(Locale.ENGLISH))).startsWith("No mentor speaks Portuguese, Spanish yet.");
        assertThat(u.text(Texts.of(Locale.FRENCH))).startsWith("Aucun mentor ne parle encore portugais, espagnol.");
    }

    @Test
    void noMentorButThemselves() {
        assertThat(alone(matcher, mentee("sam"), mentor("sam")).key()).isEqualTo("match.unmatched.no-mentors");
        assertThat(matcher.plan(List.of(mentee("sam").build()), List.of(), Set.of()).unmatched())
                .extracting(Unmatched::key).containsExactly("match.unmatched.no-mentors");
    }

    @Test
    void everyMentorWhoFitsWasMetBefore() {
        Plan plan = matcher.plan(List.of(mentee("e").build()), List.of(mentor("r").build()),
                Set.of(new Exclusion("e", "r")));

        assertThat(plan.unmatched()).extracting(Unmatched::key).containsExactly("match.unmatched.excluded");
    }

    @Test
    void eachMustSaysWhatIsMissing() {
        assertThat(alone(must(Criterion.TOPICS), mentee("e").topics("Finance", "Sales"), mentor("r")))
                .extracting(Unmatched::key, Unmatched::args)
                .containsExactly("match.unmatched.topics", List.of("Finance, Sales"));
        assertThat(alone(must(Criterion.SENIORITY), mentee("e").seniority(4), mentor("r").seniority(4)).key())
                .isEqualTo("match.unmatched.seniority");
        assertThat(alone(must(Criterion.DEPARTMENT), mentee("e").prefers(Preference.OTHER_DEPARTMENT)
                .department("Sales"), mentor("r").department("Sales")).key())
                .isEqualTo("match.unmatched.department.other");
        assertThat(alone(must(Criterion.DEPARTMENT), mentee("e").prefers(Preference.SAME_DEPARTMENT)
                .department("Sales"), mentor("r").department("Legal")).key())
                .isEqualTo("match.unmatched.department.same");
        assertThat(alone(must(Criterion.TIME_ZONE), mentee("e"), mentor("r").zone("Asia/Tokyo")).key())
                .isEqualTo("match.unmatched.time-zone");
        Unmatched inPerson = alone(must(Criterion.FORMAT), mentee("e").meets(Format.IN_PERSON, "Lyon"),
                mentor("r").meets(Format.EITHER, "Paris"));
        assertThat(inPerson.text(Texts.of(Locale.ENGLISH))).startsWith("No mentor can meet in person in Lyon yet.");
        assertThat(alone(must(Criterion.FORMAT), mentee("e"), mentor("r").meets(Format.IN_PERSON, "Paris")).key())
                .isEqualTo("match.unmatched.format");
    }

    @Test
    void aMustThatFailsIsAHardConstraintButAWeightIsNot() {
        Someone.Mentee e = mentee("e").topics("Finance");
        assertThat(matcher.plan(List.of(e.build()), List.of(mentor("r").build()), Set.of()).assignments())
                .hasSize(1);
        assertThat(must(Criterion.TOPICS).allowed(e.build(), mentor("r").build(), Set.of())).isFalse();
    }

    @Test
    void mentorsWhoFitAreFullOrTaken() {
        assertThat(alone(matcher, mentee("e"), mentor("r").capacity(0)).key()).isEqualTo("match.unmatched.full");

        Plan plan = matcher.plan(List.of(mentee("a").build(), mentee("b").topics("Sales").build()),
                List.of(mentor("r").capacity(1).build()), Set.of());

        assertThat(plan.assignments()).extracting(Assignment::mentee).containsExactly("a");
        assertThat(plan.unmatched()).extracting(Unmatched::mentee, Unmatched::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "match.unmatched.taken"));
        assertThat(plan.unmatched().get(0).text(Texts.of(Locale.FRENCH))).contains("Vous restez en attente");
        assertThat(plan.shortlist("b").options()).isEmpty();
    }

    private static Matcher must(Criterion c) {
        return new Matcher(Weights.defaults().withMust(c, true), Instance.DAY);
    }

    private static Unmatched alone(Matcher matcher, Someone.Mentee e, Someone.Mentor r) {
        Plan plan = matcher.plan(List.of(e.build()), List.of(r.build()), Set.of());
        assertThat(plan.assignments()).isEmpty();
        return plan.unmatched().get(0);
    }
}

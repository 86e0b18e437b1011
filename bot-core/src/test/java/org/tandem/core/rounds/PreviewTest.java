package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Objective;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.people.People;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.TestMongo;

/**
 * The preview: the mentors' load, the compromises and what one more mentor would change; the proposals, what is weak
 * as well as what is strong, compromises and weakest first, a page at a time.
 */
class PreviewTest {

    private final People people = new People(TestMongo.freshDatabase());

    private static Assignment proposal(int i, int total, boolean compromise) {
        int topics = compromise ? 0 : 12;
        List<Reason> reasons = new ArrayList<>(List.of(
                new Reason(Criterion.SENIORITY, total - topics, "match.reason.seniority.one-ahead", List.of())));
        reasons.add(compromise ? new Reason(Criterion.TOPICS, 0, "match.reason.topics.none", List.of())
                : new Reason(Criterion.TOPICS, topics, "match.reason.topics", List.of("leadership")));
        return new Assignment("test|t1|mentee" + i, "test|t1|mentor" + i, new Score(total, reasons));
    }

    @Test
    void compromisesComeFirstSayWhatIsWeakAndEveryProposalIsAPageAway() {
        List<Assignment> all = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            all.add(proposal(i, 20 + i, false));
        }
        all.add(proposal(99, 80, true));
        List<Assignment> ordered = Preview.ordered(all);
        assertThat(ordered.get(0).mentee()).as("the compromise first, whatever its score").endsWith("mentee99");
        assertThat(ordered.get(1).score().total()).as("then the weakest fit").isEqualTo(20);

        Texts t = Texts.of(Locale.ENGLISH);
        Message.Builder first = Message.builder();
        Preview.page(t, "run1", ordered, 0, people, first);
        String text = Render.text(first.build());
        assertThat(text).contains("⚠ mentee99 → mentor99 (score 80: Seniority 80) — a compromise: none of the mentee's topics",
                "• mentee0 → mentor0 (score 20: Topics 12 · Seniority 8)",
                "Proposals 1–40 of 46, compromises and the weakest fits first.", "[Next 6 proposals]");
        Block.Button next = first.build().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        assertThat(next.actionId()).isEqualTo(MatchFlow.PAGE);
        assertThat(next.value()).isEqualTo("run1:40");

        Message.Builder last = Message.builder();
        Preview.page(Texts.of(Locale.FRENCH), "run1", ordered, 40, people, last);
        assertThat(Render.text(last.build())).contains("Propositions 41 à 46 sur 46").doesNotContain("suivante");
    }

    @Test
    void theNumbersSayHowTheLoadIsSpreadHowManyAreCompromisesAndWhatOneMoreMentorWouldChange() {
        Plan plan = new Plan(List.of(proposal(1, 30, false), proposal(2, 20, true)), List.of(),
                new Objective(2, 1, 50, 0), Map.of(), List.of(1052, 150, 0, 55, 2), List.of(
                        new Plan.Wanted("negotiation", 12, 3), new Plan.Wanted("public speaking", 1, 0),
                        new Plan.Wanted("career growth", 0, 1)));

        assertThat(numbers(Locale.ENGLISH, plan)).containsExactly(
                "Mentors' load: 1,052 with none · 150 with one · 55 with three · 2 with 4",
                "⚠ 1 proposal is a compromise: it misses one of the mentee's needs, because no plan can avoid it."
                        + " It is listed first.",
                "One more mentor in *negotiation* would help: 12 mentees still in the pool chose it, and 3 others got"
                        + " a mentor who does not cover it.",
                "One more mentor in *public speaking* would help: 1 mentee still in the pool chose it.",
                "One more mentor in *career growth* would help: 1 mentee chose it and got a mentor who does not"
                        + " cover it.");
        List<String> fr = numbers(Locale.FRENCH, plan);
        assertThat(fr.get(0)).as("a French thousands separator, whichever space it is")
                .matches("Charge des mentors : 1\\h052 sans mentoré · 150 avec un · 55 avec trois · 2 avec 4");
        assertThat(fr.subList(1, 5)).containsExactly(
                "⚠ 1 proposition est un compromis : elle passe à côté d'un besoin de la personne mentorée, car"
                        + " aucun plan ne peut l'éviter. Elle est affichée en premier.",
                "Un mentor de plus en *negotiation* aiderait : 12 personnes restées dans le vivier avaient choisi ce"
                        + " sujet, et 3 autres ont reçu un mentor qui ne le couvre pas.",
                "Un mentor de plus en *public speaking* aiderait : 1 personne restée dans le vivier avait choisi ce"
                        + " sujet.",
                "Un mentor de plus en *career growth* aiderait : 1 personne avait choisi ce sujet et a reçu un mentor"
                        + " qui ne le couvre pas.");

        Plan calm = new Plan(List.of(proposal(1, 30, false)), List.of(), new Objective(1, 30), Map.of(),
                List.of(0, 3), List.of(new Plan.Wanted("negotiation", 0, 0)));
        assertThat(numbers(Locale.ENGLISH, calm)).as("nothing to say but the load").containsExactly(
                "Mentors' load: 3 with one");
        assertThat(Preview.numbers(Texts.of(Locale.ENGLISH), new Plan(List.of(), List.of(), new Objective(0, 0),
                Map.of(), List.of(), List.of()))).isEmpty();
    }

    /** The lines of {@link Preview#numbers}, as a transcript reads them. */
    private static List<String> numbers(Locale locale, Plan plan) {
        return Preview.numbers(Texts.of(locale), plan).stream()
                .map(r -> Render.text(Message.text(r))).toList();
    }
}

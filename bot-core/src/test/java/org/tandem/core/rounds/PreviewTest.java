package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.people.People;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.TestMongo;

/** The preview's proposals: what is weak as well as what is strong, compromises and weakest first, a page at a time. */
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
}

package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Render;

/**
 * {@code status} drills down with buttons (who waits, who is at risk, a programme's pairs), and {@code pairs NAME}
 * lists a programme's pairs a page at a time: names, stage, last meeting, never what anyone wrote.
 */
class ProgrammePairsTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);

    @Test
    void statusOffersButtonsThatRunPendingAtRiskAndThePairsOfTheProgramme() {
        Chat.Replies status = seeded.carol.says("status");
        assertThat(status.buttonLabels()).containsExactly("Pending", "At risk", "Pairs");

        assertThat(seeded.carol.clicksButton("Pending").text()).contains("*Waiting in Leadership*",
                "• Frank has not answered Eve yet");
        seeded.carol.says("status");
        assertThat(seeded.carol.clicksButton("At risk").text()).contains("*Pairs needing attention in Leadership*");
        seeded.carol.says("status");
        String pairs = seeded.carol.clicksButton("Pairs").text();
        assertThat(pairs).contains("*Pairs in Leadership* (3)",
                "• Alice and Bob: introduced, no meeting yet",
                "• Eve and Frank: requested, no meeting yet",
                "• Gina and Bob: proposed, no meeting yet",
                "Not listed: requests and proposals that did not lead to a pair (1)");
        // the furthest along first
        assertThat(pairs.indexOf("Alice and Bob")).isLessThan(pairs.indexOf("Eve and Frank"));
        assertThat(pairs.indexOf("Eve and Frank")).isLessThan(pairs.indexOf("Gina and Bob"));
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(pairs).doesNotContain(s));
    }

    @Test
    void aBigProgrammeIsShownAPageAtATime() {
        for (int i = 0; i < 24; i++) {
            seeded.pairs.open(seeded.program.scope(), seeded.program.id(), new PersonRef("test", Chat.TENANT,
                    "mentee" + (100 + i)), new PersonRef("test", Chat.TENANT, "mentor" + (100 + i)), 1,
                    PairStatus.PROPOSED, 10, List.of(), Optional.empty(), chat.clock().instant());
        }
        Chat.Replies first = seeded.carol.says("pairs Leadership");
        assertThat(first.text()).contains("*Pairs in Leadership* (27)", "Pairs 1 to 20 of 27.")
                .containsOnlyOnce("• Alice and Bob");
        assertThat(first.text().lines().filter(l -> l.startsWith("• ")).count()).isEqualTo(20);
        String next = Render.text(seeded.carol.clicksButton("Next 7").last());
        assertThat(next.lines().filter(l -> l.startsWith("• ")).count()).isEqualTo(7);
        assertThat(next).doesNotContain("Alice and Bob", "[Next");
    }

    @Test
    void withoutANameTheProgrammesAreOfferedAndTheFrenchWordWorks() {
        seeded.carol.submits("program.create", Forms.program("Sales mentoring"));
        Chat.Replies which = seeded.carol.says("pairs");
        assertThat(which.text()).contains("Which programme?");
        assertThat(which.buttonLabels()).contains("Leadership", "Sales mentoring");
        assertThat(seeded.carol.clicksButton("Leadership").text()).contains("*Pairs in Leadership* (3)");

        Chat.Person claire = chat.coordinator("claire").speaking(Locale.FRENCH);
        assertThat(claire.says("binômes Leadership").text()).contains("*Binômes du programme Leadership* (3)",
                "• Alice et Bob : présenté, pas encore de rencontre");
        assertThat(claire.says("aide").text()).contains("`binômes NOM`");
        assertThat(seeded.alice.says("pairs Leadership").text()).contains("is for coordinators")
                .doesNotContain("Eve");
    }
}

package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.testing.Chat;

/** {@code pair PERSON} shows stages and dates only; {@code end pair PERSON} closes a pair once, kindly. */
class PairFlowTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);

    @Test
    void aPersonsPairsWithStagesAndDatesOnly() {
        String alice = seeded.carol.says("pair alice").text();
        assertThat(alice).contains("*Alice*", "Mentee in *Leadership* since Mar 2, 2026",
                "With *Bob* (Mentor) in *Leadership*: introduced", "Proposed or requested: Mar 2, 2026",
                "Accepted: Mar 2, 2026", "Introduced: Mar 2, 2026", "Meetings logged: 0",
                "answers, reasons and reflections stay private");
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(alice).doesNotContain(s));

        String bob = seeded.carol.says("pair <@bob|Bob>").text();
        assertThat(bob).contains("With *Alice* (Mentee)", "With *Gina* (Mentee) in *Leadership*: proposed");
        String dan = seeded.carol.says("pair Dan").text();
        assertThat(dan).contains("With *Kim* (Mentor) in *Leadership*: declined", "Closed: Mar 2, 2026");
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(bob + dan).doesNotContain(s));
    }

    @Test
    void namesAreFoundByPartOrSaidToBeUnknownOrAmbiguous() {
        assertThat(seeded.carol.says("pair nobody").text()).contains("no participant called \"nobody\"");
        assertThat(seeded.carol.says("pair i").text()).contains("could be several people");
        assertThat(seeded.carol.says("pair").text()).contains("Whom do you mean?");
        assertThat(seeded.carol.says("pair vy").text()).contains("*Ivy*", "No pair yet");
        assertThat(seeded.carol.says("pair carol").text()).as("coordinators are not participants")
                .contains("no participant");
    }

    @Test
    void endingAPairAsksThenClosesItOnceAndTellsBothKindly() {
        String ask = seeded.carol.says("end pair Alice").text();
        assertThat(ask).contains("End the pair of *Alice*?", "[End Alice & Bob (Leadership)] [Keep it]");
        int mark = chat.mark();
        Chat.Pressable end = seeded.carol.button("End Alice & Bob (Leadership)");
        assertThat(seeded.carol.press(end).text())
                .contains("Ended: the pair Alice and Bob in *Leadership*. Both have been told.");
        assertThat(seeded.alice.dmsSince(mark).text()).contains("closed by the programme's coordinators",
                "Thank you for the time you gave it", "You stay enrolled");
        assertThat(seeded.bob.dmsSince(mark).text()).contains("Your mentoring pair with Alice");
        assertThat(seeded.pairs.find(seeded.aliceAndBob.id()).orElseThrow().status()).isEqualTo(PairStatus.ENDED);

        int again = chat.mark();
        assertThat(seeded.carol.press(end).text()).contains("✓ You chose: End Alice & Bob");
        assertThat(seeded.carol.clicks(end.actionId(), end.value()).text()).contains("already ended");
        assertThat(seeded.alice.dmsSince(again).text()).isEmpty();
        assertThat(seeded.carol.says("audit").text()).containsOnlyOnce("ended a pair in *Leadership* (with Alice)");
        assertThat(seeded.carol.says("end pair Alice").text()).contains("Alice has no pair under way");
    }

    @Test
    void aProposalNobodyWasToldOfIsWithdrawnSilently() {
        seeded.carol.says("end pair gina");
        int mark = chat.mark();
        assertThat(seeded.carol.clicksButton("End Gina & Bob (Leadership)").text()).contains("Withdrawn");
        assertThat(seeded.gina.dmsSince(mark).text()).isEmpty();
        assertThat(seeded.bob.dmsSince(mark).text()).isEmpty();
    }

    @Test
    void keepingChangesNothing() {
        seeded.carol.says("end pair bob");
        assertThat(seeded.carol.clicksButton("Keep it").text()).contains("Nothing changed");
        assertThat(seeded.pairs.of(seeded.bob.ref(), PairStatus.OPEN)).hasSize(2);
        assertThat(seeded.carol.says("end alice").text()).contains("type `end pair PERSON`");
        Chat.Person claire = chat.coordinator("claire").speaking(Locale.FRENCH);
        assertThat(claire.says("terminer binôme Alice").buttonLabels()).as("the French words, as help shows them")
                .contains("Arrêter Alice & Bob (Leadership)", "Le garder");
        assertThat(claire.says("terminer alice").text()).contains("tapez `terminer binôme PERSONNE`");
    }
}

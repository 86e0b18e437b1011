package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.Seed;

/** One of the two ends their mentoring: asked first, with what happens; the other told kindly. */
class EndFlowTest {

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Pairs pairs = new Pairs(chat.db());
    private Pair pair;

    @BeforeEach
    void activePair() {
        Seed.openProgramme(chat, "Leadership");
        pair = Life.active(chat, "Leadership", alice, bob);
    }

    @Test
    void endingAsksFirstSaysWhatHappensAndTellsTheOtherKindly() {
        assertThat(bob.says("goals").buttonLabels()).contains("End our mentoring");
        Chat.Replies asked = bob.clicksButton("End our mentoring");
        assertThat(asked.text()).contains("Do you really want to end your mentoring with *Alice*?",
                "I will tell Alice kindly", "You stay enrolled");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).as("nothing changes before the yes")
                .isEqualTo(PairStatus.ACTIVE);

        int mark = chat.mark();
        assertThat(bob.clicksButton("Yes, end it").text()).contains("your mentoring with Alice has ended");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ENDED);
        assertThat(alice.dmsSince(mark).text()).contains("Bob has decided to end your mentoring in *Leadership*",
                "says nothing about you", "another mentor");
        assertThat(chat.adminSince(mark).text()).contains("Bob ended their mentoring with Alice in *Leadership*");
        assertThat(alice.says("goals").text()).contains("no active mentoring pair");
    }

    @Test
    void noKeepsThePairAndAnOldButtonChangesNothing() {
        alice.says("goals");
        Chat.Pressable ask = alice.button("End our mentoring");
        alice.press(ask);
        Chat.Pressable yes = alice.button("Yes, end it");
        assertThat(alice.clicksButton("No, keep going").text()).contains("your mentoring goes on");
        assertThat(alice.press(yes).text()).contains("✓ You chose: No, keep going");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
        // someone else cannot end it
        assertThat(chat.person("eve").clicks(EndFlow.ASK, pair.id()).text()).doesNotContain("Do you really");
    }
}

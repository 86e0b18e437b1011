package org.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.Place;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/**
 * {@code forget-me} after a full life in a programme — enrolled, matched in a confirmed round, introduced, answered
 * a workshop, got a broadcast, used a command they may not, asked for their data: afterwards no document of any
 * collection holds their id, their name or their answers; their partner was told kindly; the numbers stay.
 */
class ForgetMeTest {

    static final String USER = "u-zed-4821";
    static final String NAME = "Zebulon Quartermaine";
    static final String WHY = "Zephyrine-why: mentoring saved my career";
    static final String OTHER = "Zephyrine-other: origami";

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person zed = chat.person(USER, NAME, Locale.ENGLISH).inZone("Pacific/Auckland");
    private final Pairs pairs = new Pairs(chat.db());

    @BeforeEach
    void aFullLife() {
        Seed.openProgramme(chat, "Leadership");
        // invited first, by the address the directory knows them by: the invitation is theirs too
        chat.outbox().knows("zebulon.q@example.com", new Contact(zed.ref(), NAME, true));
        carol.says("invite Leadership zebulon.q@example.com");
        chat.core().sweep();
        Seed.enrolMentor(zed, Forms.with(Forms.with(Forms.mentor(), "why", WHY), "other", OTHER));
        Seed.enrolMentee(alice, Forms.mentee());
        carol.says("match Leadership");
        carol.says("match confirm Leadership");
        alice.clicksButton("Ask " + NAME);
        zed.clicksButton("Accept");
        assertThat(pairs.of(zed.ref(), PairStatus.OPEN)).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PairStatus.INTRODUCED));
        carol.says("workshop");
        carol.submits("workshop.form", Map.of("title", "Feedback", "date", "2026-03-20", "time", "17:00", "where", "Room 4"));
        carol.says("broadcast Leadership");
        carol.submits("broadcast.form", Map.of("message", "Welcome all"));
        carol.clicksButton("Send to 2");
        chat.clock().advance(Duration.ofMinutes(1));
        chat.core().sweep();
        zed.clicksButton("I'll be there");
        zed.says("status");
        zed.says("my-data");
        zed.says("profile");
        carol.says("pair Zebulon");
        assertThat(DatabaseScan.find(chat.db(), List.of(USER, "Quartermaine", "Zephyrine"))).as("the set-up")
                .isNotEmpty();
    }

    @Test
    void nothingAboutThePersonIsLeftAnywhere() {
        assertThat(zed.says("forget-me").text()).contains("*Erase your personal data?*", "your partner is told kindly",
                "[Erase my data] [Keep my data]");
        int mark = chat.mark();
        assertThat(zed.clicksButton("Erase my data").text())
                .contains("your personal data is erased, and your pair ended");

        assertThat(DatabaseScan.find(chat.db(), List.of(USER, "Zebulon", "Quartermaine", "Zephyrine", WHY, OTHER,
                "Pacific/Auckland", "zebulon.q@example.com"))).isEmpty();
        assertThat(chat.outbox().forgotten()).containsExactly(zed.ref().key());

        assertThat(alice.dmsSince(mark).text()).contains("Your mentoring pair in *Leadership* has ended",
                "your mentor has left the programme", "nothing is needed from you").doesNotContain("Zebulon");
        assertThat(chat.adminSince(mark).text()).contains("A participant of *Leadership* erased their personal data",
                "their pair with Alice has ended");
        assertThat(carol.says("status").text()).as("aggregates stay, without identity")
                .contains("Pairs by stage: ended 1", "Mentors enrolled: 0");
        assertThat(carol.says("audit").text()).contains("a participant erased their personal data (1 pair ended)",
                "someone (data erased): tried `status`");
        assertThat(carol.says("pair alice").text()).contains("With *—* (Mentor) in *Leadership*: ended");
    }

    @Test
    void keepingChangesNothingAndAnotherChatAfterwardsStartsAfresh() {
        zed.says("forget-me");
        assertThat(zed.clicksButton("Keep my data").text()).contains("Nothing was erased");
        assertThat(pairs.of(zed.ref(), PairStatus.OPEN)).hasSize(1);

        zed.says("forget-me");
        zed.clicksButton("Erase my data");
        assertThat(zed.says("profile").text()).contains("You have not joined a programme yet");
        assertThat(zed.in(Place.DIRECT).says("my-data").text()).contains("Here is everything I store about you");
    }
}

package org.tandem.core.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.pairs.Pair;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.Seed;

/**
 * A mentee's thank-you at the close goes where the mentee offered and the mentor accepted, and nowhere else: the
 * coordinators, the programme's recognition channel, the mentor's manager; once, whatever the clicks.
 */
class RecognitionTest {

    private static final String NOTE = "Thank you Bob, you changed how I speak.";

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final ChannelRef kudos = new ChannelRef("test", Chat.TENANT, "CK", "kudos");
    private final PersonRef manager = new PersonRef("test", Chat.TENANT, "mona");
    private Pair pair;

    @BeforeEach
    void anAgreedPairInAProgrammeWithARecognitionChannel() {
        Seed.openProgramme(chat, "Leadership");
        pair = Life.agreed(chat, "Leadership", alice, bob, null);
        chat.outbox().hasChannel(kudos, List.of());
        assertThat(carol.says("kudos Leadership #kudos").text())
                .contains("Thank-you notes of *Leadership* may now be posted in #kudos");
    }

    private Block.Form closingForm() {
        return alice.clicks("reflection.write", pair.id() + ":closing:end").form();
    }

    private void thanks(List<String> share) {
        closingForm();
        alice.submits("reflection.form", Map.of("final", "More confident", "progress1", "5", "outcome1", "achieved",
                "satisfaction", "5", "thanks", NOTE, "share", share, "survey", "4"));
    }

    private List<Message> to(String destination) {
        return chat.outbox().to(destination, 0);
    }

    private long mentioning(String destination, String text) {
        return to(destination).stream().filter(m -> Render.text(m).contains(text)).count();
    }

    @Test
    void theChannelIsOfferedOnlyWhenTheProgrammeNamesOne() {
        assertThat(options(closingForm())).containsExactly("yes", "channel", "manager");
        assertThat(carol.says("kudos Leadership off").text()).contains("has no recognition channel any more");
        assertThat(options(closingForm())).containsExactly("yes", "manager");
        assertThat(carol.says("kudos Leadership #nowhere").text()).contains("I can't find the channel \"#nowhere\"");
        assertThat(carol.says("kudos Leadership").text()).contains("Which programme, and which channel?");
    }

    private static List<String> options(Block.Form form) {
        return form.inputs().stream().filter(i -> i.id().equals("share")).findFirst().orElseThrow().options()
                .stream().map(Block.Option::value).toList();
    }

    @Test
    void theMenteeSaysYesTheMentorNoAndNothingIsPostedAnywhere() {
        chat.outbox().managedBy(bob.ref(), manager);
        thanks(List.of("yes", "channel", "manager"));
        assertThat(bob.inbox().buttonLabels()).containsSubsequence("Share everywhere they chose",
                "Only with the coordinators", "Keep it between us");
        assertThat(bob.inbox().text()).contains("with the coordinators, #kudos, your manager. Do you agree?");
        assertThat(bob.clicksButton("Keep it between us").text()).contains("It stays between you two");
        assertThat(to("channel:CK")).isEmpty();
        assertThat(to(manager.key())).isEmpty();
        assertThat(mentioning("admin:" + Chat.TENANT, NOTE)).isZero();
    }

    @Test
    void bothSayYesAndTheChannelAndTheManagerGetItExactlyOnceEvenOnADoubleClick() {
        chat.outbox().managedBy(bob.ref(), manager);
        thanks(List.of("yes", "channel", "manager"));
        Chat.Pressable everywhere = bob.button("Share everywhere they chose");
        assertThat(bob.press(everywhere).text()).contains("Shared with the coordinators, #kudos, your manager.");
        bob.press(everywhere);
        bob.send(new org.tandem.core.conversation.Input.Click(everywhere.actionId(), everywhere.value()));
        assertThat(to("channel:CK")).singleElement().satisfies(m -> assertThat(Render.text(m))
                .contains("A thank-you from Alice to their mentor Bob", "Leadership", NOTE));
        assertThat(to(manager.key())).singleElement().satisfies(m -> assertThat(Render.text(m))
                .contains("Bob, whom you manage, has been a mentor in *Leadership*", NOTE));
        assertThat(mentioning("admin:" + Chat.TENANT, NOTE)).isEqualTo(1);
        assertThat(alice.inbox().text()).contains(
                "Bob agreed: your thank-you note was shared with the coordinators, #kudos, Bob's manager.");
    }

    @Test
    void theMentorMayAcceptTheCoordinatorsOnly() {
        chat.outbox().managedBy(bob.ref(), manager);
        thanks(List.of("yes", "channel", "manager"));
        bob.clicksButton("Only with the coordinators");
        assertThat(mentioning("admin:" + Chat.TENANT, NOTE)).isEqualTo(1);
        assertThat(to("channel:CK")).isEmpty();
        assertThat(to(manager.key())).isEmpty();
        assertThat(alice.inbox().text()).contains("Bob agreed: your thank-you note was shared with the coordinators.");
    }

    @Test
    void withoutAKnownManagerTheMentorIsToldAndNothingGoesOut() {
        thanks(List.of("manager"));
        assertThat(bob.inbox().buttonLabels()).containsSubsequence("Yes, share it", "Keep it between us");
        assertThat(bob.clicksButton("Yes, share it").text())
                .contains("I couldn't find your manager in the workspace's directory");
        assertThat(mentioning("admin:" + Chat.TENANT, NOTE)).isZero();
        assertThat(to("channel:CK")).isEmpty();
        assertThat(alice.inbox().text()).contains("Bob agreed, but your note could not be sent");
    }

    @Test
    void atTheCloseTheMentorGetsASummaryOfWhatTheyGaveWithoutTheMenteesWords() {
        thanks(List.of());
        long meetings = new org.tandem.core.pairs.Meetings(chat.db()).count(pair.id());
        Pair now = new org.tandem.core.pairs.Pairs(chat.db()).find(pair.id()).orElseThrow();
        int mark = chat.mark();
        alice.clicks("milestone.decide", pair.id() + ":close:" + now.rhythm().endsAt().orElseThrow());
        String summary = bob.dmsSince(mark).text();
        assertThat(summary).contains("*What you gave*: " + (meetings == 1 ? "1 meeting" : meetings + " meetings")
                        + " with Alice, about " + meetings + (meetings == 1 ? " hour" : " hours"),
                "1 mentee accompanied", "1 thank-you note received");
        assertThat(summary).doesNotContain(NOTE, "More confident");
        assertThat(alice.dmsSince(mark).text()).doesNotContain("What you gave");
    }
}

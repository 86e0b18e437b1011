package org.tandem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.ReplyChannel;
import org.tandem.core.conversation.Rich;

/**
 * What every adapter's messenger does, whatever its platform (in the manner of the Bot Framework's
 * {@code StorageBaseTests}): each adapter's test extends this class over its platform's stub and says, through the
 * hooks, how to read back what the platform was given.
 */
public abstract class MessengerContract {

    /** What the platform shows now for a message: its text, and whether anything on it can still be acted on. */
    public record Shown(String text, boolean actionable) {}

    /** The messenger under test, talking to its platform's stub. */
    protected abstract PlatformMessenger messenger();

    /** A person the platform knows, with a direct conversation with the bot. */
    protected abstract PersonRef person();

    /** Another person of the same workspace, for a group. */
    protected abstract PersonRef partner();

    /** What the platform shows for a message it was given, or empty when it has no such message. */
    protected abstract Optional<Shown> shown(MessageRef ref);

    /** The texts the platform received for a destination, oldest first. */
    protected abstract List<String> delivered(Address to);

    /** The reply channel the adapter gives an event of {@code who} in {@code place}. */
    protected abstract ReplyChannel replyChannel(PersonRef who, Place place);

    /** Makes the platform refuse every send (throttled or down), or accept them again. */
    protected abstract void platformRefuses(boolean refuses);

    /** Whether the adapter's own stores still hold anything about the person. */
    protected abstract boolean keepsAnythingAbout(PersonRef person);

    private static Message question(String text) {
        return Message.builder().text(Rich.literal(text))
                .buttons(List.of(new Block.Button("demo.go", "Go", "v"))).build();
    }

    @Test
    void itSendsToAPersonTheAdminChannelAndAGroup() {
        MessageRef toPerson = messenger().send(Address.person(person()), Message.text(Rich.literal("hello person")));
        assertThat(delivered(Address.person(person()))).anySatisfy(t -> assertThat(t).contains("hello person"));
        assertThat(shown(toPerson)).isPresent();
        messenger().send(Address.admin(person().scope()), Message.text(Rich.literal("hello coordinators")));
        assertThat(delivered(Address.admin(person().scope())))
                .anySatisfy(t -> assertThat(t).contains("hello coordinators"));
        GroupRef group = messenger().openGroup(List.of(person(), partner()), Message.text(Rich.literal("meet")));
        messenger().send(Address.group(group), Message.text(Rich.literal("hello pair")));
        assertThat(delivered(Address.group(group))).anySatisfy(t -> assertThat(t).contains("hello pair"));
    }

    @Test
    void itUpdatesAMessageInPlaceAndItsButtonsGo() {
        MessageRef ref = messenger().send(Address.person(person()), question("Shall we?"));
        assertThat(shown(ref)).hasValueSatisfying(s -> assertThat(s.actionable()).isTrue());
        assertThat(messenger().update(ref, question("Shall we?").answered(Rich.markup("Done")))).isTrue();
        assertThat(shown(ref)).hasValueSatisfying(s -> {
            assertThat(s.text()).contains("Shall we?", "Done");
            assertThat(s.actionable()).isFalse();
        });
    }

    @Test
    void anUpdateThePlatformCannotMakeSaysSoAndThrowsNothing() {
        assertThat(messenger().update(new MessageRef(messenger().platform(), "no-such-message"),
                Message.text(Rich.literal("x")))).isFalse();
    }

    @Test
    void aReplyInTheTurnGoesWhereTheEventCameFrom() {
        ReplyChannel channel = replyChannel(person(), Place.DIRECT);
        MessageRef ref = channel.reply(Message.text(Rich.literal("answered in the turn")));
        assertThat(delivered(Address.person(person())))
                .anySatisfy(t -> assertThat(t).contains("answered in the turn"));
        assertThat(channel.update(ref, Message.text(Rich.literal("changed in the turn")))).isTrue();
        assertThat(shown(ref)).hasValueSatisfying(s -> assertThat(s.text()).contains("changed in the turn"));
    }

    @Test
    void whatThePlatformRefusedIsKeptAndDeliveredLater() {
        platformRefuses(true);
        messenger().send(Address.person(person()), Message.text(Rich.literal("kept for later")));
        assertThat(delivered(Address.person(person()))).noneSatisfy(t -> assertThat(t).contains("kept for later"));
        platformRefuses(false);
        messenger().redeliver(100);
        assertThat(delivered(Address.person(person()))).anySatisfy(t -> assertThat(t).contains("kept for later"));
    }

    @Test
    void aFileReachesOnlyItsPerson() {
        FileAttachment file = new FileAttachment("data.json", "application/json",
                "{\"mine\":true}".getBytes(StandardCharsets.UTF_8));
        try {
            messenger().sendFile(Address.person(person()), file, Message.text(Rich.literal("your file")));
        } catch (UnsupportedOperationException e) {
            return;
        }
        assertThat(delivered(Address.person(person()))).anySatisfy(t -> assertThat(t).contains("your file"));
    }

    @Test
    void itForgetsWhatItKeptOfSomeoneWhoErasedTheirData() {
        platformRefuses(true);
        messenger().send(Address.person(person()), Message.text(Rich.literal("parked for them")));
        messenger().send(Address.person(partner()), Message.text(Rich.literal("about Zelda-Forgotten")));
        platformRefuses(false);
        messenger().forget(new Messenger.Forgotten(person(), "Zelda-Forgotten", Set.of()));
        assertThat(keepsAnythingAbout(person())).isFalse();
        messenger().redeliver(100);
        assertThat(delivered(Address.person(partner())))
                .noneSatisfy(t -> assertThat(t).contains("Zelda-Forgotten"));
    }
}

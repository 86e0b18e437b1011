package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.TestMongo;

/** What the web chat's messenger does beyond the contract: order kept behind a refused message, parked updates. */
class WebchatMessengerTest {

    private final RefusingDatabase db = new RefusingDatabase(TestMongo.freshDatabase());
    private final WebchatOutbox outbox = new WebchatOutbox(db.database());
    private final WebchatMessenger messenger = new WebchatMessenger(outbox, new WebchatFiles(db.database()),
            new WebchatPeople(db.database(), List.of("coordinator"), Instant.EPOCH),
            List.of("coordinator"), Clock.systemUTC());
    private final Address alice = Address.person(new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT,
            "alice"));
    private final Address bob = Address.person(new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT,
            "bob"));

    @Test
    void aLaterMessageWaitsBehindARefusedOneSoNobodyReadsThemOutOfOrder() {
        db.refuse(true);
        messenger.send(alice, text("first"));
        db.refuse(false);
        messenger.send(alice, text("second"));
        messenger.send(bob, text("for bob, nothing waits"));
        assertThat(texts("alice")).isEmpty();
        assertThat(texts("bob")).containsExactly("for bob, nothing waits");

        assertThat(messenger.redeliver(100)).isEqualTo(2);
        assertThat(texts("alice")).containsExactly("first", "second");
    }

    @Test
    void aParkedMessageCanBeUpdatedBeforeAndAfterItsDelivery() {
        db.refuse(true);
        MessageRef ref = messenger.send(alice, Message.builder().text(Rich.literal("Shall we?"))
                .buttons(List.of(new Block.Button("demo.go", "Go", "v"))).build());
        assertThat(messenger.update(ref, text("answered while waiting"))).isTrue();
        db.refuse(false);
        messenger.redeliver(100);
        assertThat(texts("alice")).containsExactly("answered while waiting");

        assertThat(messenger.update(ref, text("answered again"))).isTrue();
        assertThat(texts("alice")).containsExactly("answered again");
        List<Document> read = outbox.readable("alice", false, 0, 10);
        assertThat(read.get(0).getLong("rev")).isGreaterThan(read.get(0).getLong("seq"));
    }

    @Test
    void anUpdateTheDatabaseRefusesSaysSo() {
        MessageRef ref = messenger.send(alice, text("kept as it was"));
        db.refuse(true);
        assertThat(messenger.update(ref, text("changed"))).isFalse();
        db.refuse(false);
        assertThat(texts("alice")).containsExactly("kept as it was");
        assertThat(messenger.update(new MessageRef("slack", ref.id()), text("changed"))).isFalse();
    }

    @Test
    void aMessageUpdatedInPlaceKeepsItsPlaceAndComesAgainWithAHigherRevision() {
        MessageRef ref = messenger.send(alice, Message.builder().text(Rich.literal("Shall we?"))
                .buttons(List.of(new Block.Button("demo.go", "Go", "v"))).build());
        messenger.send(alice, text("a later one"));
        Document before = outbox.readable("alice", false, 0, 10).get(0);
        long seen = outbox.readable("alice", false, 0, 10).get(1).getLong("rev");

        assertThat(messenger.update(ref, text("✓ Gone"))).isTrue();
        List<Document> changed = outbox.readable("alice", false, seen, 10);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).getLong("seq")).isEqualTo(before.getLong("seq")).hasToString(ref.id());
        assertThat(changed.get(0).getLong("rev")).isGreaterThan(seen);
        // read again in the order of changes: the page puts it back in its place, by seq
        assertThat(texts("alice")).containsExactly("a later one", "✓ Gone");
    }

    @Test
    void aMessageItNeverGaveOrThatWasErasedCannotBeUpdated() {
        MessageRef ref = messenger.send(alice, text("for alice"));
        assertThat(messenger.update(new MessageRef(WebchatMessenger.PLATFORM, "999999"), text("x"))).isFalse();
        assertThat(messenger.update(new MessageRef(WebchatMessenger.PLATFORM, "p999"), text("x"))).isFalse();
        assertThat(messenger.update(new MessageRef(WebchatMessenger.PLATFORM, "not a number"), text("x"))).isFalse();

        messenger.forget(new Messenger.Forgotten(new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT,
                "alice"), "Alice", Set.of()));
        assertThat(messenger.update(ref, text("after the erasure"))).isFalse();
        assertThat(outbox.read(Long.parseLong(ref.id()))).isEmpty();
    }

    private static Message text(String s) {
        return Message.text(Rich.literal(s));
    }

    private List<String> texts(String user) {
        return outbox.readable(user, false, 0, 100).stream()
                .map(m -> m.getList("blocks", Document.class).get(0).getString("text")).toList();
    }
}

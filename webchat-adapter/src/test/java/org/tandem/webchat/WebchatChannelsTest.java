package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.TestMongo;

/**
 * The web chat's named channels (read by everyone, made on first use), its directory (the people it knows) and its
 * pictures (shown inline, still downloadable by their readers only), and forget-me in a channel.
 */
class WebchatChannelsTest {

    private static final Scope LOCAL = new Scope(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT);
    private static final ChannelRef KUDOS = new ChannelRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT,
            "#kudos", "kudos");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final MongoDatabase real = TestMongo.freshDatabase();
    private final RefusingDatabase db = new RefusingDatabase(real);
    private final WebchatOutbox outbox = new WebchatOutbox(db.database());
    private final WebchatFiles files = new WebchatFiles(db.database());
    private final WebchatPeople people = new WebchatPeople(db.database(), List.of("coordinator"), Instant.EPOCH);
    private final WebchatMessenger messenger = new WebchatMessenger(outbox, files, people, List.of("coordinator"),
            Clock.systemUTC());

    private static PersonRef person(String user) {
        return new PersonRef(WebchatMessenger.PLATFORM, WebchatMessenger.TENANT, user);
    }

    /** What a person reads in a conversation, block by block, in the order it was sent. */
    private List<List<Document>> read(String user, String conversation) {
        return outbox.readable(user, user.equals("coordinator"), 0, 500).stream()
                .filter(m -> m.getString("conversation").equals(conversation))
                .sorted(Comparator.comparingLong(m -> m.getLong("seq")))
                .map(m -> m.getList("blocks", Document.class)).toList();
    }

    private List<String> texts(String user, String conversation) {
        return read(user, conversation).stream().map(b -> b.get(0).getString("text")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#kudos", "kudos", "  #Kudos ", "KUDOS"})
    void aValidNameIsAChannelWithOrWithoutItsHashAndAnyCaseIsTheSameOne(String typed) {
        assertThat(messenger.channel(LOCAL, typed)).contains(KUDOS);
        assertThat(real.getCollection("webchat_channels").countDocuments()).isEqualTo(1);
    }

    @Test
    void namesOfFortyLettersDigitsDashesAndUnderscoresAreChannels() {
        assertThat(messenger.channel(LOCAL, "#team_2-b")).map(ChannelRef::id).contains("#team_2-b");
        assertThat(messenger.channel(LOCAL, "x".repeat(40))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "#", "##kudos", "two words", "#kudos!", "café", "<#C123|kudos>", "a/b",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anythingElseIsNoChannelAndNothingIsMade(String typed) {
        assertThat(messenger.channel(LOCAL, typed)).isEmpty();
        assertThat(real.getCollection("webchat_channels").countDocuments()).isZero();
    }

    @Test
    void anotherPlatformsScopeHasNoChannelsHere() {
        assertThat(messenger.channel(new Scope("slack", "T1"), "#kudos")).isEmpty();
        assertThat(messenger.lookup(new Scope("slack", "T1"), List.of("coordinator"))).isEmpty();
    }

    @Test
    void aChannelsMessageIsReadByEveryoneEvenWhoComesLaterAndItsButtonsMayBeClickedByAnyone() {
        ChannelRef kudos = messenger.channel(LOCAL, "#kudos").orElseThrow();
        MessageRef ref = messenger.send(Address.channel(kudos), Message.builder()
                .text(Rich.literal("Thank you, Bob!")).buttons(List.of(new Block.Button("demo.go", "Me too", "v")))
                .build());
        for (String user : List.of("alice", "bob", "coordinator", "zoe")) {
            assertThat(texts(user, "channel:kudos")).as(user).containsExactly("Thank you, Bob!");
            assertThat(outbox.botMessageReadable(Long.parseLong(ref.id()), "channel:kudos", user, false)).isTrue();
        }
        assertThat(outbox.botMessageReadable(Long.parseLong(ref.id()), "dm", "zoe", false))
                .as("only from where it is").isFalse();
        assertThat(messenger.update(ref, Message.text(Rich.literal("Thank you, Bob! (3 others too)")))).isTrue();
        assertThat(texts("zoe", "channel:kudos")).containsExactly("Thank you, Bob! (3 others too)");
    }

    @Test
    void anotherPlatformsChannelIsRefused() {
        assertThatThrownBy(() -> messenger.send(Address.channel(new ChannelRef("slack", "T1", "C1", "kudos")),
                Message.text(Rich.literal("x")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void peopleAreFoundByUserIdOrShownNameInAnyCaseAndAreAllAChannelsMembers() {
        people.seen("alice", null, Instant.parse("2026-03-02T09:00:00Z"));
        people.seen("bob", null, Instant.parse("2026-03-02T09:01:00Z"));
        people.seen("dana", "Dana Scully", Instant.parse("2026-03-02T09:02:00Z"));
        Map<String, Contact> found = messenger.lookup(LOCAL, List.of("ALICE", "@bob", "dana scully", "nobody",
                "Coordinator", "dana@example.com"));
        assertThat(found.keySet()).as("a user id nobody used yet is someone; an address is not a user id")
                .containsExactly("ALICE", "@bob", "dana scully", "nobody", "Coordinator");
        assertThat(found.get("ALICE")).isEqualTo(new Contact(person("alice"), "Alice", true));
        assertThat(found.get("nobody")).isEqualTo(new Contact(person("nobody"), "Nobody", true));
        assertThat(found.get("dana scully")).isEqualTo(new Contact(person("dana"), "Dana Scully", true));
        assertThat(messenger.members(KUDOS)).extracting(c -> c.person().userId())
                .containsExactly("coordinator", "alice", "bob", "dana");
    }

    @Test
    void aPngIsShownInlineWithTheMessagesWordsAsItsAltTextAndOnlyItsReadersMayHaveIt() {
        Message report = Message.builder().text(Rich.markup("*Pairs this quarter*"))
                .fields(List.of(new Block.Field("Active", "12"))).build();
        messenger.sendFile(Address.person(person("alice")), new FileAttachment("pairs.png", "image/png", PNG),
                report);
        Document image = read("alice", "dm").get(0).get(2);
        assertThat(image).containsEntry("type", "image").containsEntry("name", "pairs.png")
                .containsEntry("alt", "Pairs this quarter\nActive: 12").containsEntry("mediaType", "image/png");
        String id = image.getString("url").substring(WebchatController.FILES.length());
        assertThat(files.readable(id, "alice")).hasValueSatisfying(f -> assertThat(f.bytes()).isEqualTo(PNG));
        assertThat(files.readable(id, "bob")).isEmpty();

        messenger.sendFile(Address.person(person("alice")), new FileAttachment("pairs.csv", "text/csv",
                "a,b".getBytes(StandardCharsets.UTF_8)), report);
        assertThat(read("alice", "dm").get(1).get(2)).containsEntry("type", "file").doesNotContainKey("alt");
    }

    @Test
    void aChartInAChannelIsForEveryoneKnownWhenItWasSent() {
        people.seen("alice", null, Instant.EPOCH);
        messenger.sendFile(Address.channel(KUDOS), new FileAttachment("thanks.png", "image/png", PNG),
                Message.text(Rich.literal("This month")));
        Document image = read("zoe", "channel:kudos").get(0).get(1);
        String id = image.getString("url").substring(WebchatController.FILES.length());
        assertThat(files.readable(id, "alice")).isPresent();
        assertThat(files.readable(id, "coordinator")).isPresent();
    }

    @Test
    void forgetMeBlanksAChannelsMessagesThatQuoteThePersonWithdrawsTheirPicturesAndForgetsThemAsAPerson() {
        people.seen("bob", null, Instant.EPOCH);
        messenger.send(Address.channel(KUDOS), Message.text(Rich.literal("Thank you, Bob Martin, for the talk!")));
        messenger.send(Address.channel(KUDOS), Message.text(Rich.literal("Thank you, Carol!")));
        messenger.sendFile(Address.channel(KUDOS), new FileAttachment("bob.png", "image/png",
                "PNG Bob Martin".getBytes(StandardCharsets.UTF_8)), Message.text(Rich.literal("Bob Martin's month")));

        messenger.forget(new Messenger.Forgotten(person("bob"), "Bob Martin", Set.of(), Optional.empty()));

        List<List<Document>> shown = read("alice", "channel:kudos");
        assertThat(shown.get(0).get(0).getString("text")).isEqualTo("Thank you, " + Needles.DASH + ", for the talk!");
        assertThat(shown.get(1).get(0).getString("text")).isEqualTo("Thank you, Carol!");
        assertThat(shown.get(2).get(1)).containsEntry("type", "image").containsEntry("withdrawn", true)
                .doesNotContainKey("url");
        assertThat(shown.get(2).get(1).getString("alt")).doesNotContain("Bob Martin");
        assertThat(real.getCollection("webchat_files").countDocuments()).isZero();
        assertThat(people.all()).extracting(WebchatPeople.Person::user).doesNotContain("bob");
        assertThat(messenger.lookup(LOCAL, List.of("Bob Martin"))).as("nor the name he gave").isEmpty();
    }

    @Test
    void aChannelsMessageKeptWhileTheDatabaseRefusesGoesOutAfterSomeoneElsesErasureUnlessItQuotesThem() {
        db.refuse(true);
        messenger.send(Address.channel(KUDOS), Message.text(Rich.literal("Thank you, Carol!")));
        messenger.send(Address.channel(KUDOS), Message.text(Rich.literal("Thank you, Bob Martin!")));
        db.refuse(false);
        messenger.forget(new Messenger.Forgotten(person("bob"), "Bob Martin", Set.of(), Optional.empty()));
        assertThat(messenger.redeliver(10)).isEqualTo(1);
        assertThat(texts("alice", "channel:kudos")).containsExactly("Thank you, Carol!");
    }
}

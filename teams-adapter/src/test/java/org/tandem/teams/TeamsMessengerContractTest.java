package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContextImpl;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.ReplyChannel;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MessengerContract;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * The Teams messenger keeps the messenger contract: the real adapter, SDK and MongoDB driver, over real HTTP to a
 * stand-in for the Bot Connector. A reply in the turn goes through a real {@code TurnContext} of the SDK.
 */
class TeamsMessengerContractTest extends MessengerContract {

    private static final String TENANT = "T1";
    private static final String ADMIN = "19:admin@thread.tacv2";

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private ConnectorStub stub;
    private MongoDatabase db;
    private TeamsConversations conversations;
    private TeamsCards cards;
    private TeamsBotAdapter adapter;
    private ConnectorClients clients;
    private TeamsMessenger messenger;
    private TeamsProperties properties;

    @BeforeEach
    void start() {
        stub = new ConnectorStub();
        db = TestMongo.freshDatabase();
        properties = new TeamsProperties(true, null, null, null, List.of(), ADMIN, 2,
                Duration.ofMillis(5), Duration.ofMillis(20), null, null, null, null);
        clients = new ConnectorClients(properties);
        adapter = TeamsBotAdapter.create(clients, properties);
        conversations = new TeamsConversations(db);
        cards = new TeamsCards(db);
        Pacer pacer = new Pacer(new Pacing(new SendBudgets(db), "teams", Pacer.pace(30)));
        Delivery delivery = new Delivery(clients, pacer, new Backoff(properties.retryDelay(),
                properties.retryMaxDelay(), RandomGenerator.getDefault()), properties.retryAttempts(), clock);
        messenger = new TeamsMessenger(conversations, delivery, new Undelivered(db), cards,
                new MemberLookup(adapter, conversations, properties, clock), properties, clock);
        messenger.files(new TeamsFiles(db, new TeamsFilesProperties("https://tandem.example.com", null), clock));
        for (String user : List.of("ann", "bo")) {
            conversations.rememberPerson(TENANT, "aad-" + user, reference("a:" + user, "29:" + user, "personal"),
                    user, Locale.ENGLISH, clock.instant(), false);
        }
        conversations.rememberConversation(TENANT, ADMIN, "team-1", reference(ADMIN, null, "channel"),
                clock.instant());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ConversationReference reference(String conversation, String user, String type) {
        ConversationReference ref = new ConversationReference();
        ref.setChannelId("msteams");
        ref.setServiceUrl(stub.url());
        ref.setBot(new ChannelAccount("28:bot", "Tandem"));
        if (user != null) {
            ref.setUser(new ChannelAccount(user));
        }
        ConversationAccount c = new ConversationAccount(conversation);
        c.setTenantId(TENANT);
        c.setConversationType(type);
        ref.setConversation(c);
        return ref;
    }

    private static Message question(String text) {
        return Message.builder().text(Rich.literal(text))
                .buttons(List.of(new Block.Button("demo.go", "Go", "v"))).build();
    }

    private ConnectorStub.Shown last(String chat) {
        List<ConnectorStub.Shown> all = stub.posted(chat);
        return all.get(all.size() - 1);
    }

    @Test
    void aPairsMessageIsOneCardInEachChatANameForBothAndAnUpdateReplacesBoth() {
        GroupRef group = messenger.openGroup(List.of(person(), partner()), Message.text(Rich.literal("meet")));
        MessageRef ref = messenger.send(Address.group(group), question("Have you met?"));
        List<String> copies = TeamsRefs.cardIds(ref);
        assertThat(copies).hasSize(2);
        assertThat(last("a:ann").actionable()).isTrue();
        assertThat(last("a:bo").actionable()).isTrue();

        // a click on either copy names the message, all its copies
        String annCopy = cards.find(copies.get(0)).orElseThrow().conversationId().equals("a:ann") ? copies.get(0)
                : copies.get(1);
        Activity click = Activity.createMessageActivity();
        click.setServiceUrl(stub.url());
        ConversationAccount c = new ConversationAccount("a:ann");
        c.setTenantId(TENANT);
        c.setConversationType("personal");
        click.setConversation(c);
        Origins origins = new Origins(conversations, cards, null, properties);
        assertThat(origins.card(click, Optional.of(annCopy))).contains(ref);

        assertThat(messenger.update(ref, question("Have you met?").answered(Rich.markup("Met")))).isTrue();
        for (String chat : List.of("a:ann", "a:bo")) {
            assertThat(last(chat).text()).as(chat).contains("Have you met?", "Met");
            assertThat(last(chat).actionable()).as(chat).isFalse();
        }
        assertThat(stub.puts()).hasSize(2);
    }

    @Test
    void someoneWhoNeverWroteToTandemGetsAPersonalChatOpenedThroughTheTenantsInstallation() {
        MessageRef ref = messenger.send(Address.person(new PersonRef("teams", TENANT, "aad-cy")),
                question("Hello Cy"));
        TeamsCards.Card card = cards.find(TeamsRefs.cardIds(ref).get(0)).orElseThrow();
        assertThat(card.delivered()).isTrue();
        assertThat(card.conversationId()).startsWith("a:opened-");
        assertThat(last(card.conversationId()).text()).contains("Hello Cy");
        assertThat(conversations.person(TENANT, "aad-cy")).isPresent();
    }

    @Test
    void anUpdateTeamsRefusesSaysSoAndTheCardKeepsWhatItShowed() {
        for (int status : new int[] {404, 403, 400}) {
            MessageRef ref = messenger.send(Address.person(person()), question("Shall we? " + status));
            TeamsCards.Card card = cards.find(TeamsRefs.cardIds(ref).get(0)).orElseThrow();
            if (status == 404) {
                stub.delete(card.conversationId(), card.activityId());
            } else {
                stub.failNextUpdates("0", status);
            }
            assertThat(messenger.update(ref, question("Shall we?").answered(Rich.markup("Done")))).as("%d", status)
                    .isFalse();
            assertThat(cards.find(card.id()).orElseThrow().content()).as("%d", status).isEqualTo(card.content());
        }
        assertThat(stub.puts()).isEmpty();
    }

    @Test
    void aThrottledUpdateIsTriedAgainWhenTeamsSays() {
        MessageRef ref = messenger.send(Address.person(person()), question("Shall we?"));
        stub.failNextUpdates("0.02", 429);
        long start = System.nanoTime();
        assertThat(messenger.update(ref, question("Shall we?").answered(Rich.markup("Done")))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After: 0.02")
                .isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(stub.failedUpdates()).isEqualTo(1);
        assertThat(shown(ref)).hasValueSatisfying(s -> assertThat(s.actionable()).isFalse());
    }

    @Override
    protected PlatformMessenger messenger() {
        return messenger;
    }

    @Override
    protected PersonRef person() {
        return new PersonRef("teams", TENANT, "aad-ann");
    }

    @Override
    protected PersonRef partner() {
        return new PersonRef("teams", TENANT, "aad-bo");
    }

    @Override
    protected Optional<Shown> shown(MessageRef ref) {
        Optional<String[]> where = TeamsRefs.cardIds(ref).stream().findFirst().flatMap(cards::find).filter(TeamsCards.Card::delivered)
                .map(c -> new String[] {c.conversationId(), c.activityId()})
                .or(() -> TeamsRefs.shown(ref).map(s -> new String[] {s.conversationId(), s.activityId()}));
        return where.flatMap(w -> stub.shown(w[0], w[1])).map(s -> new Shown(s.text(), s.actionable()));
    }

    @Override
    protected List<String> delivered(Address to) {
        List<String> chats = new ArrayList<>();
        if (to instanceof Address.Person p) {
            chats.add("a:" + p.person().userId().substring("aad-".length()));
        } else if (to instanceof Address.Admin) {
            chats.add(ADMIN);
        } else if (to instanceof Address.Group g) {
            // an introduction's group is each member's personal chat
            conversations.members(g.group().id().substring(TeamsMessenger.INTRO.length()))
                    .forEach(u -> chats.add("a:" + u.substring("aad-".length())));
        }
        return chats.stream().flatMap(c -> stub.posted(c).stream()).map(ConnectorStub.Shown::text).toList();
    }

    @Override
    protected ReplyChannel replyChannel(PersonRef who, Place place) {
        String user = who.userId().substring("aad-".length());
        Activity in = Activity.createMessageActivity();
        in.setId("act-in-" + user);
        in.setChannelId("msteams");
        in.setServiceUrl(stub.url());
        in.setFrom(new ChannelAccount("29:" + user, user));
        in.getFrom().setAadObjectId(who.userId());
        in.setRecipient(new ChannelAccount("28:bot", "Tandem"));
        ConversationAccount c = new ConversationAccount("a:" + user);
        c.setConversationType("personal");
        c.setTenantId(TENANT);
        in.setConversation(c);
        in.setText("help");
        TurnContextImpl turn = new TurnContextImpl(adapter, in);
        turn.getTurnState().add(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY, clients.forServiceUrl(stub.url()));
        return new TeamsReplies(turn, messenger, who, place, Locale.ENGLISH, null);
    }

    @Override
    protected void platformRefuses(boolean refuses) {
        stub.refuse(refuses);
        if (!refuses) {
            // what was parked is due again a minute later
            clock.advance(Duration.ofMinutes(2));
        }
    }

    @Override
    protected boolean keepsAnythingAbout(PersonRef person) {
        for (String collection : List.of("teams_conversations", "teams_undelivered", "teams_cards")) {
            for (Document d : db.getCollection(collection).find()) {
                String json = d.toJson();
                if (json.contains(person.userId()) || json.contains("29:ann") || json.contains("Zelda-Forgotten")) {
                    return true;
                }
            }
        }
        return false;
    }
}

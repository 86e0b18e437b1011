package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * A person who erased their data leaves no chat reference, contact, parked message or stored file in the Teams
 * adapter, nor in what it keeps for others; what concerns only others stays.
 */
class TeamsForgetTest {

    @Test
    void theReferenceContactsIntroductionsAndParkedMessagesGo() throws InterruptedException {
        MongoDatabase db = TestMongo.freshDatabase();
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        TeamsConversations conversations = new TeamsConversations(db);
        Undelivered undelivered = new Undelivered(db);
        ConversationReference ref = new ConversationReference();
        ref.setServiceUrl("https://smba.example.com/");
        ref.setConversation(new ConversationAccount("a:una"));
        ref.setUser(new ChannelAccount("29:una"));
        conversations.rememberPerson("T1", "aad-una", ref, "Una Ferreira", Locale.ENGLISH, now, false);
        conversations.saveContact("T1", "aad-una", "una@example.org", "una@example.org");
        conversations.rememberPerson("T1", "aad-bo", ref, "Bo", Locale.ENGLISH, now, false);
        String group = conversations.openGroup("T1", List.of("aad-una", "aad-bo"), now);
        undelivered.park("T1", "person:aad-una", Activity.createMessageActivity(), "no conversation", now,
                Duration.ofMinutes(1));

        TeamsCards cards = new TeamsCards(db);
        cards.open("card-una", "T1", "person:aad-una", "a:una", null, List.of("29:una"), Locale.ENGLISH, now);
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        Pacer pacer = new Pacer(new Pacing(new SendBudgets(db, clock), "teams", Pacer.pace(30)));
        TeamsMessenger messenger = new TeamsMessenger(conversations, delivery(pacer, clock), undelivered, cards,
                members(conversations, clock), defaults(), clock);
        // what Teams' pace keeps of her chat, and of Bo's
        pacer.await("T1", "a:una", Duration.ofSeconds(1));
        pacer.await("T1", "a:bo", Duration.ofSeconds(1));
        messenger.forget(new Messenger.Forgotten(new PersonRef("teams", "T1", "aad-una"), "Una Ferreira", Set.of()));

        assertThat(conversations.person("T1", "aad-una")).isEmpty();
        assertThat(conversations.person("T1", "aad-bo")).isPresent();
        assertThat(conversations.members(group)).containsExactly("aad-bo");
        for (var d : db.getCollection("teams_conversations").find()) {
            assertThat(d.toJson()).doesNotContain("aad-una", "Una Ferreira", "una@example.org");
        }
        assertThat(db.getCollection("teams_undelivered").countDocuments()).isZero();
        assertThat(cards.find("card-una")).isEmpty();
        assertThat(db.getCollection("send_budgets").countDocuments()).as("the tenant's and Bo's chat's budgets")
                .isEqualTo(2);
    }

    @Test
    void copiesKeptForOthersThatNameOrQuoteHerGoAndTheirOwnStay() {
        MongoDatabase db = TestMongo.freshDatabase();
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        Instant now = clock.instant();
        TeamsConversations conversations = new TeamsConversations(db);
        Undelivered undelivered = new Undelivered(db);
        ConversationReference channel = new ConversationReference();
        channel.setServiceUrl("https://smba.example.com/");
        channel.setConversation(new ConversationAccount("19:lounge"));
        channel.setUser(new ChannelAccount("29:una", "Una Ferreira"));
        conversations.rememberConversation("T1", "19:lounge", null, channel, now);
        undelivered.park("T1", "person:aad-bo", TeamsMessenger.activity(Message.text(Rich.markup("*Una Ferreira* "
                + "shared: ").append(Rich.literal("I want to sail the Azores"))), Locale.ENGLISH, c -> { }),
                "HTTP 503", now, Duration.ofMinutes(1));
        undelivered.park("T1", "person:aad-bo", TeamsMessenger.activity(Message.text(Rich.markup("Your profile")),
                Locale.ENGLISH, c -> { }), "HTTP 503", now, Duration.ofMinutes(1));
        // a file kept while files had a public address: it is forgotten even once they have none
        new TeamsFiles(db, new TeamsFilesProperties("https://tandem.example.com", null), clock).link("T1",
                new FileAttachment("export.csv", "text/csv", "Programme,Person\nLeadership,Una Ferreira\n"
                        .getBytes(StandardCharsets.UTF_8)));
        TeamsCards cards = new TeamsCards(db);
        ObjectNode request = AdaptiveCards.render(Message.builder().text(Rich.markup("*Una Ferreira* asks you"))
                .buttons(List.of(new Block.Button("pairs.accept", "Accept", "p1"))).build(), TeamsTexts.of(
                Locale.ENGLISH), new AdaptiveCards.Live("card-bo", List.of("29:bo")));
        cards.open("card-bo", "T1", "person:aad-bo", "a:bo", request, List.of("29:bo"), Locale.ENGLISH, now);
        cards.open("card-bo-own", "T1", "person:aad-bo", "a:bo", null, List.of("29:bo"), Locale.ENGLISH, now);
        TeamsMessenger messenger = new TeamsMessenger(conversations, delivery(new Pacer(new Pacing(
                new SendBudgets(db, clock), "teams", Pacer.pace(30))), clock), undelivered, cards,
                members(conversations, clock), defaults(), clock);
        messenger.files(new TeamsFiles(db, new TeamsFilesProperties(null, null), clock));

        messenger.forget(new Messenger.Forgotten(new PersonRef("teams", "T1", "aad-una"), "Una Ferreira",
                Set.of("I want to sail the Azores")));

        assertThat(db.getCollection("teams_undelivered").find().into(new ArrayList<>())).singleElement()
                .satisfies(d -> assertThat(d.getString("activity")).contains("Your profile"));
        assertThat(db.getCollection("teams_files").countDocuments()).isZero();
        assertThat(cards.find("card-bo")).as("a card that names her").isEmpty();
        assertThat(cards.find("card-bo-own")).as("his own").isPresent();
        assertThat(conversations.conversation("T1", "19:lounge")).hasValueSatisfying(s -> assertThat(
                s.reference().getUser()).isNull());
    }

    /** A delivery that never reaches Teams here: forget-me only drops what its pace keeps. */
    private static Delivery delivery(Pacer pacer, MutableClock clock) {
        TeamsProperties none = new TeamsProperties(true, null, null, null, null, null, null, null, null, null, null,
                null, null);
        return new Delivery(new ConnectorClients(none), pacer, new Backoff(none.retryDelay(), none.retryMaxDelay(),
                java.util.random.RandomGenerator.getDefault()), 1, clock);
    }

    /** A member lookup that never reaches Teams: forget-me has nothing to ask it, only to drop from it. */
    private static MemberLookup members(TeamsConversations conversations, MutableClock clock) {
        return new MemberLookup(null, conversations, defaults(), clock);
    }

    private static TeamsProperties defaults() {
        return new TeamsProperties(true, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

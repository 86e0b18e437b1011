package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** A person who erased their data leaves no chat reference, contact or parked message in the Teams adapter. */
class TeamsForgetTest {

    @Test
    void theReferenceContactsIntroductionsAndParkedMessagesGo() {
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

        TeamsMessenger messenger = new TeamsMessenger(conversations, null, undelivered, null, null,
                MutableClock.at("2026-03-02T09:00:00Z"));
        messenger.forget(new Messenger.Forgotten(new PersonRef("teams", "T1", "aad-una"), "Una Ferreira", java.util.Set.of()));

        assertThat(conversations.person("T1", "aad-una")).isEmpty();
        assertThat(conversations.person("T1", "aad-bo")).isPresent();
        assertThat(conversations.members(group)).containsExactly("aad-bo");
        for (var d : db.getCollection("teams_conversations").find()) {
            assertThat(d.toJson()).doesNotContain("aad-una", "Una Ferreira", "una@example.org");
        }
        assertThat(db.getCollection("teams_undelivered").countDocuments()).isZero();
    }
}

package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a Teams message goes, as a log line says it: channels and group chats by id, a person never. */
class LoggedTest {

    @Test
    void aPersonAndTheirPersonalChatAreNeverNamed() {
        assertThat(Logged.key(TeamsConversations.personKey("tenant-1", "aad-7f3e"))).isEqualTo("person|tenant-1|*");
        assertThat(Logged.key("person:29:1Zq7")).isEqualTo("person:*");
        assertThat(Logged.key(TeamsConversations.conversationKey("tenant-1", "a:1Zq7")))
                .isEqualTo("conversation|tenant-1|a personal chat");
        assertThat(Logged.key("update:a:1Zq7")).isEqualTo("update:a personal chat");
        assertThat(Logged.key("conversation:a:1Zq7")).isEqualTo("conversation:a personal chat");
        assertThat(Logged.key("a:1Zq7")).isEqualTo("a personal chat");
        assertThat(Logged.conversation(null)).isEqualTo("a personal chat");
    }

    @Test
    void channelsGroupChatsTeamsAndTheAdminChannelAreNamedAsTheyAre() {
        assertThat(Logged.key(TeamsConversations.conversationKey("tenant-1", "19:admin@thread.tacv2")))
                .isEqualTo("conversation|tenant-1|19:admin@thread.tacv2");
        assertThat(Logged.key("update:19:pair@thread.v2")).isEqualTo("update:19:pair@thread.v2");
        assertThat(Logged.key(Outbox.CHANNEL + "19:kudos@thread.tacv2")).isEqualTo("channel:19:kudos@thread.tacv2");
        assertThat(Logged.key("team:19:team@thread.tacv2")).isEqualTo("team:19:team@thread.tacv2");
        assertThat(Logged.key("admin")).isEqualTo("admin");
    }
}

package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** A tenant is gone only when the bot is in none of its conversations; seen alive, it costs no write. */
class TenantLifecycleTest {

    /** The core's side, recorded. */
    static final class Recorded implements TenantLifecycle.Workspaces {
        final List<String> calls = new ArrayList<>();
        boolean planned;

        @Override
        public void gone(Scope scope) {
            calls.add("gone " + scope.tenant());
            planned = true;
        }

        @Override
        public void back(Scope scope) {
            calls.add("back " + scope.tenant());
            planned = false;
        }

        @Override
        public boolean planned(Scope scope) {
            calls.add("planned? " + scope.tenant());
            return planned;
        }
    }

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final TeamsConversations conversations = new TeamsConversations(TestMongo.freshDatabase());
    private final Recorded core = new Recorded();
    private final TenantLifecycle lifecycle = new TenantLifecycle(conversations, core, clock);

    @Test
    void aLiveTenantIsLookedAtOnceAndNeverWrittenFor() {
        for (int i = 0; i < 100; i++) {
            lifecycle.alive("T1");
        }
        assertThat(core.calls).containsExactly("planned? T1");
        assertThat(conversations.removedAt("T1")).isEmpty();
    }

    @Test
    void removedFromOneConversationOfSeveralIsNotGoneButFromTheLastOneItIs() {
        Instant now = clock.instant();
        conversations.rememberConversation("T1", "19:a", "19:team", reference("19:a"), now);
        conversations.rememberConversation("T1", "19:b", "19:team", reference("19:b"), now);
        conversations.rememberPerson("T1", "aad-ann", reference("a:ann"), "Ann", Locale.ENGLISH, now, false);
        // a chat Tandem opened itself rode on the team's installation: no sign the bot is installed
        conversations.rememberPerson("T1", "aad-bo", reference("a:bo"), "Bo", Locale.ENGLISH, now, true);

        conversations.markTeamStale("T1", "19:team", now);
        lifecycle.removed("T1");
        assertThat(core.calls).isEmpty();

        conversations.markStale(TeamsConversations.personKey("T1", "aad-ann"), now);
        lifecycle.removed("T1");
        assertThat(core.calls).containsExactly("gone T1");
        assertThat(conversations.removedAt("T1")).contains(now);

        lifecycle.alive("T1");
        assertThat(core.calls).containsExactly("gone T1", "planned? T1", "back T1");
        assertThat(conversations.removedAt("T1")).isEmpty();
    }

    private static ConversationReference reference(String conversation) {
        ConversationReference ref = new ConversationReference();
        ref.setServiceUrl("https://smba.example/");
        ref.setConversation(new ConversationAccount(conversation));
        ref.setBot(new ChannelAccount("28:bot"));
        return ref;
    }
}

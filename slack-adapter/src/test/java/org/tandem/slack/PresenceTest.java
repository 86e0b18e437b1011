package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.model.builtin.DefaultBot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.core.conversation.Messenger.Presence;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * Whether a workspace still has Tandem, as Slack's {@code auth.test} says over real HTTP, and the signs of life that
 * cancel its planned erasure: told to the core once, not on every call, and never for a token no longer its own.
 */
class PresenceTest {

    private final WebApiStub stub = new WebApiStub();
    private final Slack slack = Slack.getInstance(config(stub.url()));
    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final List<String> told = new ArrayList<>();
    private final Liveness liveness = new Liveness(t -> told.add("gone " + t), t -> told.add("back " + t));

    private static SlackConfig config(String url) {
        SlackConfig c = new SlackConfig();
        c.setMethodsEndpointUrlPrefix(url);
        c.setStatsEnabled(false);
        return c;
    }

    @AfterEach
    void close() throws Exception {
        stub.close();
        slack.close();
    }

    private Workspaces single() {
        return new Workspaces("xoxb-1", new Installations(db, clock, TokenCipher.NONE, liveness), liveness,
                new TokenCheck(slack), clock);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ok, INSTALLED",
        "ok@T2, REMOVED",
        "invalid_auth, REMOVED",
        "token_revoked, REMOVED",
        "account_inactive, REMOVED",
        "not_authed, REMOVED",
        "500, UNKNOWN",
        "503, UNKNOWN",
        "429:30, UNKNOWN",
        "ratelimited, UNKNOWN",
        "internal_error, UNKNOWN",
        "team_access_not_granted, UNKNOWN",
    })
    void slacksAnswerToAuthTestDecides(String answer, Presence expected) {
        stub.next(answer);
        assertThat(single().presence("T1")).isEqualTo(expected);
        assertThat(stub.calls()).as("asked once, no retries").hasSize(1);
    }

    @Test
    void slackOutOfReachIsUnknown() throws Exception {
        Slack nowhere = Slack.getInstance(config("http://127.0.0.1:1/api/"));
        Workspaces w = new Workspaces("xoxb-1", new Installations(db, clock, TokenCipher.NONE), liveness,
                new TokenCheck(nowhere), clock);
        assertThat(w.presence("T1")).isEqualTo(Presence.UNKNOWN);
        nowhere.close();
    }

    @Test
    void anOauthWorkspaceWithNoTokenKeptIsRemovedAndOneThatCannotBeReadIsUnknown() {
        TokenCipher a = TokenCipher.of(TokenCipherTest.KEY_A, List.of());
        Installations installs = new Installations(db, clock, a, liveness);
        DefaultBot bot = new DefaultBot();
        bot.setTeamId("T1");
        bot.setBotAccessToken("xoxb-installed");
        installs.saveBot(bot);
        Workspaces oauth = new Workspaces(null, installs, liveness, new TokenCheck(slack), clock);
        assertThat(oauth.presence("T7")).as("never installed").isEqualTo(Presence.REMOVED);
        stub.next("ok");
        assertThat(oauth.presence("T1")).isEqualTo(Presence.INSTALLED);
        Workspaces otherKey = new Workspaces(null, new Installations(db, clock,
                TokenCipher.of(TokenCipherTest.KEY_B, List.of())), liveness, new TokenCheck(slack), clock);
        assertThat(otherKey.presence("T1")).as("kept, but not readable here").isEqualTo(Presence.UNKNOWN);
        installs.deleteAll(null, "T1");
        assertThat(oauth.presence("T1")).as("uninstalled").isEqualTo(Presence.REMOVED);
    }

    @Test
    void callsSlackTakesAreASignOfLifeToldOnceUntilTheWorkspaceGoes() {
        Workspaces w = single();
        WebApi api = new WebApi(slack, w, d -> { });
        api.call("T1", "chat.postMessage", c -> c.chatPostMessage(r -> r.channel("U1").text("a")));
        api.call("T1", "chat.postMessage", c -> c.chatPostMessage(r -> r.channel("U1").text("b")));
        assertThat(told).containsExactly("back T1");

        w.uninstalled(null, "T1");
        assertThat(told).containsExactly("back T1", "gone T1");
        assertThat(w.botToken("T1")).as("nothing is sent there").isEmpty();
        w.worked("T1", "xoxb-1");
        assertThat(told).as("a call that started before the uninstall").hasSize(2);
    }

    @Test
    void anEventOfAWorkspaceMarkedGoneAsksAgainAtMostEveryTenMinutes() {
        Workspaces w = single();
        w.uninstalled(null, "T1");
        stub.next("token_revoked");
        w.heard("T1");
        w.heard("T1");
        assertThat(stub.calls()).hasSize(1);
        assertThat(w.botToken("T1")).isEmpty();

        clock.advance(Workspaces.RECHECK);
        stub.next("ok");
        w.heard("T1");
        assertThat(stub.calls()).hasSize(2);
        assertThat(w.botToken("T1")).as("sending again").hasValue("xoxb-1");
        assertThat(told).containsExactly("gone T1", "back T1");
        w.heard("T1");
        assertThat(stub.calls()).as("alive again: nothing more to ask").hasSize(2);
    }

    @Test
    void aConfiguredTokenThatWorksAtStartIsASignOfLifeOfItsWorkspace() {
        stub.next("ok@T5");
        single().checkConfiguredToken();
        assertThat(told).containsExactly("back T5");
        Workspaces revoked = new Workspaces("xoxb-1", new Installations(db, clock, TokenCipher.NONE), liveness,
                new TokenCheck(slack), Clock.systemUTC());
        stub.next("token_revoked");
        revoked.checkConfiguredToken();
        assertThat(told).containsExactly("back T5");
        assertThat(stub.calls()).hasSize(2);
    }
}

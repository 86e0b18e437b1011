package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Rich;

/**
 * Several workspaces: OAuth install through {@code /slack/install} and {@code /slack/oauth_redirect} with the
 * state in MongoDB, the installed workspace's own token used for its requests, and an uninstall that stops
 * all sending there.
 */
class SlackOAuthIT {

    static final String SECRET = "oauth-signing-secret";
    static final String KEY_A = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    static final String KEY_B = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dir;

    /** The app's OAuth settings with its token keys (the first one current). */
    static String[] oauth(SlackApiStub slack, String... keys) {
        List<String> p = new ArrayList<>(List.of("tandem.slack.client-id=111.222",
                "tandem.slack.client-secret=client-secret", "tandem.slack.signing-secret=" + SECRET,
                "tandem.slack.api-url=" + slack.url(), "tandem.scheduler.enabled=false"));
        if (keys.length > 0) {
            p.add("tandem.slack.token-key=" + keys[0]);
            p.add("tandem.slack.token-keys-old=" + String.join(",", List.of(keys).subList(1, keys.length)));
        }
        return p.toArray(String[]::new);
    }

    /** Installs Tandem as a person would: {@code /slack/install}, then Slack's redirect with the code and state. */
    static void install(SlackRequests req, SlackApiStub slack, String code) {
        SlackRequests.Reply start = req.get("/slack/install", null);
        Matcher url = Pattern.compile("state=([0-9a-f-]+)").matcher(start.body());
        assertThat(url.find()).as(start.body()).isTrue();
        String cookie = start.headers().get("set-cookie").get(0).split(";")[0];
        int mark = slack.size();
        assertThat(req.get("/slack/oauth_redirect?code=" + code + "&state=" + url.group(1), cookie).status())
                .isEqualTo(200);
        slack.await("oauth.v2.access", mark);
    }

    @Test
    void tokensAreReadAfterAKeyRotationAndAStartWithoutTheirKeyIsRefused() throws Exception {
        String kidA;
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), oauth(slack, KEY_A))) {
            install(new SlackRequests(app.base(), SECRET), slack, "abc");
            kidA = installation(app).get("botAccessToken", Document.class).getString("kid");
        }
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), oauth(slack, KEY_B, KEY_A))) {
            Document resealed = installation(app);
            assertThat(resealed.toJson()).doesNotContain("xoxb");
            assertThat(resealed.get("botAccessToken", Document.class).getString("kid")).as("sealed again at start")
                    .isNotEqualTo(kidA);
            int mark = slack.size();
            new SlackRequests(app.base(), SECRET).command("T2", "UNED", "DNED", "directmessage", "help", "t1");
            assertThat(slack.await("chat.postMessage", mark, c -> "UNED".equals(c.params().get("channel"))).token())
                    .isEqualTo("xoxb-installed-abc");
        }
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), oauth(slack, KEY_B))) {
            int mark = slack.size();
            new SlackRequests(app.base(), SECRET).command("T2", "UNED", "DNED", "directmessage", "help", "t2");
            assertThat(slack.await("chat.postMessage", mark, c -> "UNED".equals(c.params().get("channel"))).token())
                    .as("the old key is no longer needed").isEqualTo("xoxb-installed-abc");
        }
        try (SlackApiStub slack = new SlackApiStub()) {
            assertThatThrownBy(() -> new RunningApp(dir.resolve("tandem.mv"), oauth(slack, KEY_A)).close())
                    .as("the tokens are B's now").hasStackTraceContaining("tandem.slack.token-keys-old")
                    .hasStackTraceContaining("1 Slack workspace(s)");
            assertThatThrownBy(() -> new RunningApp(dir.resolve("tandem.mv"), oauth(slack)).close())
                    .hasStackTraceContaining("set tandem.slack.token-key to 32 random bytes in base64");
            assertThatThrownBy(() -> new RunningApp(dir.resolve("tandem.mv"), oauth(slack, "c2hvcnQ=")).close())
                    .hasStackTraceContaining("tandem.slack.token-key must be 32 bytes");
        }
    }

    static Document installation(RunningApp app) {
        return app.context().getBean(MongoDatabase.class).getCollection("slack_installations")
                .find(new Document("_id", "T:T2")).first();
    }

    @Test
    void installUseAndUninstall() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.client-id=111.222",
                     "tandem.slack.client-secret=client-secret", "tandem.slack.signing-secret=" + SECRET,
                     "tandem.slack.api-url=" + slack.url(), "tandem.slack.token-key=" + KEY_A)) {
            SlackRequests req = new SlackRequests(app.base(), SECRET);
            MongoDatabase db = app.context().getBean(MongoDatabase.class);

            SlackRequests.Reply install = req.get("/slack/install", null);
            assertThat(install.status()).isEqualTo(200);
            Matcher url = Pattern.compile("https://slack.com/oauth/v2/authorize\\?client_id=111.222&amp;scope=([^&]+)"
                    + "&amp;user_scope=&amp;state=([0-9a-f-]+)").matcher(install.body());
            assertThat(url.find()).as(install.body()).isTrue();
            assertThat(url.group(1)).contains("chat%3Awrite", "commands", "users%3Aread");
            String state = url.group(2);
            String cookie = install.headers().get("set-cookie").get(0).split(";")[0];
            assertThat(cookie).isEqualTo("slack-app-oauth-state=" + state);
            assertThat(db.getCollection("slack_oauth_states").countDocuments(new Document("_id", state))).isOne();

            assertThat(req.get("/slack/oauth_redirect?code=abc&state=forged", cookie).body())
                    .doesNotContain("Thank you");
            assertThat(slack.calls("oauth.v2.access")).isEmpty();

            SlackRequests.Reply done = req.get("/slack/oauth_redirect?code=abc&state=" + state, cookie);
            assertThat(done.status()).isEqualTo(200);
            SlackApiStub.Call access = slack.await("oauth.v2.access", 0);
            assertThat(access.params()).containsEntry("code", "abc");
            Document installed = db.getCollection("slack_installations").find(new Document("_id", "T:T2")).first();
            assertThat(installed).isNotNull();
            assertThat(installed.toJson()).as("the token is encrypted at rest").doesNotContain("xoxb");
            assertThat(installed.get("botAccessToken", Document.class)).containsKeys("kid", "iv", "ct");
            assertThat(db.getCollection("slack_oauth_states").countDocuments(new Document("_id", state))).isZero();

            int mark = slack.size();
            req.command("T2", "UNED", "DNED", "directmessage", "help", "t1");
            SlackApiStub.Call posted = slack.await("chat.postMessage", mark, c -> "UNED".equals(c.params().get("channel")));
            assertThat(posted.token()).isEqualTo("xoxb-installed-abc");

            assertThat(req.event("T3", "Ev1", "{\"type\":\"message\",\"channel\":\"DX\",\"user\":\"UX\",\"text\":\"help\","
                    + "\"ts\":\"1.1\",\"channel_type\":\"im\"}").status()).as("a workspace never installed").isEqualTo(401);

            assertThat(req.event("T2", "Ev2", "{\"type\":\"app_uninstalled\",\"event_ts\":\"1700000000.1\"}").status())
                    .isEqualTo(200);
            long until = System.currentTimeMillis() + 5000;
            while (db.getCollection("slack_installations").find(new Document("_id", "T:T2")).first()
                    .containsKey("botAccessToken") && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            Document gone = db.getCollection("slack_installations").find(new Document("_id", "T:T2")).first();
            assertThat(gone).doesNotContainKey("botAccessToken").containsKey("uninstalledAt");

            mark = slack.size();
            List<PlatformMessenger> messengers = List.copyOf(
                    app.context().getBeansOfType(PlatformMessenger.class).values());
            PlatformMessenger slackMessenger = messengers.stream().filter(m -> m.platform().equals("slack"))
                    .findFirst().orElseThrow();
            slackMessenger.send(Address.person(new PersonRef("slack", "T2", "UNED")), Message.text(Rich.markup("still there?")));
            assertThat(slack.calls().subList(mark, slack.size())).as("nothing is sent to an uninstalled workspace")
                    .isEmpty();
        }
    }
}

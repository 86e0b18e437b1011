package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;

/**
 * A live workspace is never erased. After {@code tokens_revoked} (or {@code app_uninstalled}) its erasure is planned
 * for the retention period; a sign of life cancels it (a configured token that works at start, an event handled
 * with a working token), and when it comes due Slack is asked once more ({@code auth.test}): an answering workspace
 * keeps its people, one that cannot be asked is asked again a day later, a removed one is erased. Real app, real
 * HTTP, the dev clock to reach the due date, Slack's Web API stubbed.
 */
class SlackLifecycleIT {

    static final String SECRET = "lifecycle-signing-secret";
    static final Scope T1 = new Scope("slack", "T1");

    @TempDir
    Path dir;

    String[] single(SlackApiStub slack, String token) {
        return new String[] {"tandem.slack.bot-token=" + token, "tandem.slack.signing-secret=" + SECRET,
            "tandem.slack.api-url=" + slack.url(), "tandem.scheduler.enabled=false", "tandem.dev.clock-control=true",
            "tandem.retention.closed-programmes=P1D"};
    }

    /** Alice exists in T1 (she wrote once), then Slack says the bot's token was revoked. */
    static void aliceThenRevoked(RunningApp app, SlackApiStub slack) {
        SlackRequests req = new SlackRequests(app.base(), SECRET);
        int mark = slack.size();
        req.command("T1", "UALICE", "DALICE", "directmessage", "help", "t-alice");
        slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel")));
        assertThat(req.event("T1", "EvRevoked", "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]},"
                + "\"event_ts\":\"1700000500.000100\"}").status()).isEqualTo(200);
        eventually("the erasure is planned", () -> core(app).workspacePurgePlanned(T1));
    }

    @Test
    void aRestartWithAWorkingTokenCancelsThePlannedErasureAndARevokedOneDoesNot() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), single(slack, "xoxb-old"))) {
            aliceThenRevoked(app, slack);
        }
        try (SlackApiStub slack = new SlackApiStub()) {
            slack.revoke("xoxb-old");
            try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), single(slack, "xoxb-old"))) {
                slack.awaitAnswered("auth.test", 0, c -> true);
                Thread.sleep(300);
                assertThat(core(app).workspacePurgePlanned(T1)).as("a revoked token is no sign of life").isTrue();
            }
            slack.token("xoxb-new", "T1");
            try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), single(slack, "xoxb-new"))) {
                eventually("the erasure is cancelled", () -> !core(app).workspacePurgePlanned(T1));
                assertThat(people(app)).contains("slack|T1|UALICE");
            }
        }
    }

    @Test
    void whenTheErasureComesDueSlackIsAskedAndAnUnansweredAskIsRepeatedADayLater() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), single(slack, "xoxb-1"))) {
            aliceThenRevoked(app, slack);

            slack.failing("auth.test", 500);
            int mark = slack.size();
            // a day and a half: the erasure is due after one, the ask again a day after that
            assertThat(app.post("/api/dev/clock", "{\"advance\":\"P1DT12H\"}").status()).isEqualTo(200);
            assertThat(slack.calls().subList(mark, slack.size())).as("asked once, no retries on the sweep's thread")
                    .extracting(SlackApiStub.Call::method, SlackApiStub.Call::status)
                    .containsExactly(tuple("auth.test", 500));
            assertThat(people(app)).as("nobody erased on a guess").contains("slack|T1|UALICE");
            assertThat(core(app).workspacePurgePlanned(T1)).as("asked again later").isTrue();
            assertThat(openPurges(app)).singleElement().satisfies(d -> assertThat(d.getString("_id"))
                    .startsWith("workspace.purge|slack|T1|"));

            slack.heal("auth.test");
            mark = slack.size();
            assertThat(app.post("/api/dev/clock", "{\"advance\":\"P2D\"}").status()).isEqualTo(200);
            assertThat(slack.calls("auth.test").stream().filter(SlackApiStub.Call::ok)).isNotEmpty();
            assertThat(people(app)).as("Slack answers: the workspace has Tandem").contains("slack|T1|UALICE");
            assertThat(core(app).workspacePurgePlanned(T1)).isFalse();

            // and Tandem talks to it again
            messenger(app).send(Address.person(new PersonRef("slack", "T1", "UALICE")), Message.text(Rich.markup("hello")));
            assertThat(slack.posted("UALICE", mark)).singleElement().asString().contains("hello");
        }
    }

    @Test
    void anEventHandledWithAWorkingTokenIsASignOfLife() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), single(slack, "xoxb-1"))) {
            // the revoked token was another one: the configured one still works
            aliceThenRevoked(app, slack);
            int mark = slack.size();
            new SlackRequests(app.base(), SECRET).command("T1", "UALICE", "DALICE", "directmessage", "help", "t-2");
            slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel")));
            eventually("the erasure is cancelled", () -> !core(app).workspacePurgePlanned(T1));
        }
    }

    @Test
    void aWorkspaceThatUninstalledIsStillErasedWhenItsTimeComes() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), withDevClock(SlackOAuthIT.oauth(slack,
                     SlackOAuthIT.KEY_A)))) {
            SlackRequests req = new SlackRequests(app.base(), SlackOAuthIT.SECRET);
            SlackOAuthIT.install(req, slack, "abc");
            int mark = slack.size();
            req.command("T2", "UNED", "DNED", "directmessage", "help", "t-ned");
            slack.await("chat.postMessage", mark, c -> "UNED".equals(c.params().get("channel")));
            assertThat(req.event("T2", "EvGone", "{\"type\":\"app_uninstalled\",\"event_ts\":\"1.1\"}").status())
                    .isEqualTo(200);
            Scope t2 = new Scope("slack", "T2");
            eventually("the erasure is planned", () -> core(app).workspacePurgePlanned(t2));
            assertThat(app.post("/api/dev/clock", "{\"advance\":\"P2D\"}").status()).isEqualTo(200);
            assertThat(people(app)).doesNotContain("slack|T2|UNED");
            assertThat(core(app).workspacePurgePlanned(t2)).isFalse();
        }
    }

    static String[] withDevClock(String[] properties) {
        List<String> p = new ArrayList<>(List.of(properties));
        p.add("tandem.dev.clock-control=true");
        p.add("tandem.retention.closed-programmes=P1D");
        return p.toArray(String[]::new);
    }

    static TandemCore core(RunningApp app) {
        return app.context().getBean(TandemCore.class);
    }

    static PlatformMessenger messenger(RunningApp app) {
        return app.context().getBeansOfType(PlatformMessenger.class).values().stream()
                .filter(m -> m.platform().equals("slack")).findFirst().orElseThrow();
    }

    static List<String> people(RunningApp app) {
        List<String> ids = new ArrayList<>();
        app.context().getBean(MongoDatabase.class).getCollection("people").find()
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    static List<Document> openPurges(RunningApp app) {
        List<Document> out = new ArrayList<>();
        app.context().getBean(MongoDatabase.class).getCollection("due_items")
                .find(new Document("kind", "workspace.purge").append("status", new Document("$in",
                        List.of("PENDING", "LEASED")))).into(out);
        return out;
    }

    static void eventually(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("never true: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

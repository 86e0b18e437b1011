package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * With an app id configured, /api/messages takes only requests signed by the Bot Framework, checked with keys read
 * from a local stand-in for its key server: a key server that hangs costs a request a second, not thirty, and
 * once the keys were read they keep working while it hangs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsAuthenticationIT {

    static final String APP_ID = "00000000-0000-0000-0000-000000000001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Generous: the fetch is bounded at one second here; the SDK's unbounded fetch waited 30 s and failed. */
    static final Duration FAST = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static TeamsKeyServerStub keys;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        keys = new TeamsKeyServerStub();
        keys.hang();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.app-id=" + APP_ID,
                "tandem.teams.app-password=not-a-secret", "server.address=127.0.0.1",
                "tandem.teams.signing-keys.metadata-url=" + keys.metadataUrl(),
                "tandem.teams.signing-keys.timeout=PT1S", "tandem.teams.signing-keys.refresh=PT2S");
    }

    @AfterAll
    static void stop() {
        app.close();
        keys.close();
        teams.close();
    }

    @Test
    @Order(1)
    void withNoKeysEverReadAGenuineRequestIsToldToComeBackQuickly() throws Exception {
        // many at once, as Teams posts them: they share one bounded fetch instead of queueing behind a lock
        List<Future<Timed>> many = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                many.add(callers.submit(() -> post(channelAdded("19:first@thread.tacv2"),
                        keys.bearer(APP_ID, teams.url()))));
            }
            for (Future<Timed> f : many) {
                Timed r = f.get();
                assertThat(r.took()).as("answered fast although the key server hangs").isLessThan(FAST);
                assertThat(r.response().statusCode()).isEqualTo(503);
                assertThat(r.response().headers().firstValue("Retry-After")).hasValueSatisfying(
                        s -> assertThat(Integer.parseInt(s)).isBetween(1, 300));
                assertThat(JSON.readTree(r.response().body()).at("/error").asString()).contains("try again");
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(db().getCollection("teams_conversations").countDocuments()).isZero();
        assertThat(keys.requests()).as("one fetch at a time, not one per request").isLessThan(8);
    }

    @Test
    @Order(2)
    void onceTheKeysCanBeReadGenuineRequestsAreAcceptedAndForgedOnesRefused() {
        keys.answer();
        HttpResponse<String> accepted = untilNot503(channelAdded("19:first@thread.tacv2"),
                keys.bearer(APP_ID, teams.url()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        awaitConversation("19:first@thread.tacv2");

        Instant hour = Instant.now().plusSeconds(3600);
        String url = teams.url();
        for (String forged : new String[] {
            keys.bearer(TeamsKeyServerStub.KEY_ID, TeamsKeyServerStub.ISSUER, "another-app", url, hour, true),
            keys.bearer(TeamsKeyServerStub.KEY_ID, TeamsKeyServerStub.ISSUER, APP_ID, "https://evil.example/", hour,
                    true),
            keys.bearer(TeamsKeyServerStub.KEY_ID, "https://sts.windows.net/x/", APP_ID, url, hour, true),
            keys.bearer(TeamsKeyServerStub.KEY_ID, TeamsKeyServerStub.ISSUER, APP_ID, url,
                    Instant.now().minusSeconds(3600), true),
            keys.bearer(TeamsKeyServerStub.KEY_ID, TeamsKeyServerStub.ISSUER, APP_ID, url, hour, false)}) {
            Timed r = post(channelAdded("19:forged@thread.tacv2"), forged);
            assertThat(r.response().statusCode()).as(forged).isEqualTo(401);
            assertThat(JSON.readTree(r.response().body()).at("/error").asString()).contains("token");
        }
        assertThat(db().getCollection("teams_conversations").countDocuments(
                new Document("conversationId", "19:forged@thread.tacv2"))).isZero();
    }

    @Test
    @Order(3)
    void theTokenIsCheckedBeforeTheShapeSoAStrangerLearnsNothingOfWhatWeAccept() {
        ObjectNode malformed = channelAdded("19:shape@thread.tacv2");
        malformed.putObject("text").put("a", 1);
        malformed.putArray("membersRemoved").addObject();
        Timed stranger = post(malformed, "Bearer not-a-token");
        assertThat(stranger.response().statusCode()).isEqualTo(401);
        assertThat(stranger.response().body()).doesNotContain("text", "membersRemoved");
        Timed unsigned = post(malformed, keys.bearer(TeamsKeyServerStub.KEY_ID, TeamsKeyServerStub.ISSUER, APP_ID,
                teams.url(), Instant.now().plusSeconds(3600), false));
        assertThat(unsigned.response().statusCode()).isEqualTo(401);

        Timed genuine = post(malformed, keys.bearer(APP_ID, teams.url()));
        assertThat(genuine.response().statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(genuine.response().body()).at("/error").asString()).contains("'text'");
    }

    @Test
    @Order(4)
    void whenTheKeyServerHangsAgainTheKeysReadBeforeKeepWorking() throws InterruptedException {
        keys.hang();
        int before = keys.requests();
        Thread.sleep(2500); // past tandem.teams.signing-keys.refresh: the next request asks for fresh keys
        for (int i = 0; i < 3; i++) {
            Timed r = post(channelAdded("19:second@thread.tacv2"), keys.bearer(APP_ID, teams.url()));
            assertThat(r.response().statusCode()).as(r.response().body()).isEqualTo(200);
            assertThat(r.took()).as("nobody waits for the refresh").isLessThan(Duration.ofSeconds(2));
        }
        awaitConversation("19:second@thread.tacv2");
        assertThat(keys.requests()).as("the keys were asked for again, in the background").isGreaterThan(before);

        // a key nobody knows needs the key server: it cannot be had, so Teams is asked to retry, quickly
        Timed unknown = post(channelAdded("19:third@thread.tacv2"), keys.bearer("rotated-key",
                TeamsKeyServerStub.ISSUER, APP_ID, teams.url(), Instant.now().plusSeconds(3600), true));
        assertThat(unknown.response().statusCode()).isEqualTo(503);
        assertThat(unknown.took()).isLessThan(FAST);
        assertThat(post(channelAdded("19:second@thread.tacv2"), keys.bearer(APP_ID, teams.url())).response()
                .statusCode()).as("the known key still works").isEqualTo(200);
    }

    @Test
    @Order(5)
    void aRequestWithoutAValidTokenIsRefusedAndChangesNothing() throws Exception {
        int mark = teams.mark();
        MongoDatabase db = db();
        // what the channels added before did (Tandem welcomed them, in their own turns) is not this test's
        long people = db.getCollection("people").countDocuments();
        long handled = db.getCollection("processed_events").countDocuments();
        String help = teams.text("ann", "Ann", "help").toString();
        // no token; not a JWT; a JWT this bot never got from the Bot Framework (unknown issuer, no signature)
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64("{\"iss\":\"https://example.org\","
                + "\"aud\":\"00000000-0000-0000-0000-000000000001\"}") + ".";
        for (RunningApp.Reply r : new RunningApp.Reply[] {
            app.post("/api/messages", help),
            app.post("/api/messages", help, "Authorization", "Bearer not-a-token"),
            app.post("/api/messages", help, "Authorization", "Bearer " + unsigned)}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().at("/error").asString()).contains("token");
        }
        Thread.sleep(300);
        assertThat(teams.calls().subList(mark, teams.calls().size())).filteredOn(c -> "a:ann".equals(c.conversation()))
                .isEmpty();
        assertThat(db.getCollection("people").countDocuments()).isEqualTo(people);
        assertThat(db.getCollection("people").countDocuments(new Document("userId", "aad-ann"))).isZero();
        assertThat(db.getCollection("teams_conversations").countDocuments(
                new Document("kind", "person"))).isZero();
        assertThat(db.getCollection("processed_events").countDocuments()).isEqualTo(handled);
    }

    @Test
    @Order(6)
    void theWebChatIsOffWhenTeamsIsConfigured() {
        assertThat(app.get("/api/webchat/config").status()).isEqualTo(404);
    }

    private ObjectNode channelAdded(String channel) {
        ObjectNode a = teams.activity("carol", "Carol", channel, "channel");
        a.put("type", "conversationUpdate");
        a.putArray("membersAdded").addObject().put("id", "28:bot");
        return a;
    }

    private static void awaitConversation(String id) {
        for (int i = 0; i < 500; i++) {
            if (db().getCollection("teams_conversations").countDocuments(new Document("conversationId", id))
                    > 0) {
                return;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError("the turn of " + id + " never ran");
    }

    /** Posts until the answer is not 503 (Teams' retries), at most 15 s. */
    private static HttpResponse<String> untilNot503(ObjectNode activity, String bearer) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> r;
        do {
            r = post(activity, bearer).response();
            if (r.statusCode() != 503) {
                return r;
            }
            RunningApp.pause(200);
        } while (System.nanoTime() < end);
        return r;
    }

    /** A response and how long it took. */
    record Timed(HttpResponse<String> response, Duration took) {}

    static Timed post(ObjectNode activity, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base() + "/api/messages"))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Timed(r, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static MongoDatabase db() {
        return app.db();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}

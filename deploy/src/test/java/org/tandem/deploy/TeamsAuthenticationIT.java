package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With an app id configured, /api/messages takes only requests signed by the Bot Framework. */
class TeamsAuthenticationIT {

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.app-id=00000000-0000-0000-0000-000000000001",
                "tandem.teams.app-password=not-a-secret", "server.address=127.0.0.1");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    void aRequestWithoutAValidTokenIsRefusedAndChangesNothing() throws Exception {
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
        assertThat(teams.calls()).isEmpty();
        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        assertThat(db.getCollection("people").countDocuments()).isZero();
        assertThat(db.getCollection("teams_conversations").countDocuments()).isZero();
        assertThat(db.getCollection("processed_events").countDocuments()).isZero();
    }

    @Test
    void theWebChatIsOffWhenTeamsIsConfigured() {
        assertThat(app.get("/api/webchat/config").status()).isEqualTo(404);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}

package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Teams refuses is kept and sent later, when Teams says: a {@code Retry-After} longer than
 * {@code tandem.teams.retry-max-delay} is obeyed (the message waits, parked, and nothing overtakes it), and a 500 is
 * retried and then parked, never dropped. The real app and SDK; only the Bot Connector is a stub; the dev clock
 * moves time.
 */
class TeamsDeliveryIT {

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.retry-delay=PT0.02S", "tandem.teams.retry-max-delay=PT0.1S",
                "tandem.scheduler.enabled=false", "tandem.dev.clock-control=true");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    void aLongRetryAfterIsObeyedAndNothingOvertakesTheParkedMessage() {
        String chat = "a:jo";
        int mark = teams.mark();
        post(teams.text("jo", "Jo", "help"));
        teams.awaitTo(chat, mark, "Here is what you can do");

        teams.throttleNext(chat, 120);
        mark = teams.mark();
        post(teams.text("jo", "Jo", "profile"));
        Document parked = awaitParked("person:aad-jo", 1).get(0);
        assertThat(parked.getString("reason")).contains("HTTP 429", "Retry-After 120 s");
        assertThat(Duration.between(now(), parked.getDate("dueAt").toInstant()))
                .as("due when Teams said, not after the back-off's 0.1 s").isBetween(Duration.ofSeconds(110),
                        Duration.ofSeconds(121));
        // a later answer to the same chat waits behind it instead of going first
        post(teams.text("jo", "Jo", "help"));
        awaitParked("person:aad-jo", 2);
        assertThat(callsTo(chat, mark)).as("one try, then silence until the time Teams gave").hasSize(1);

        advance("PT60S");
        assertThat(callsTo(chat, mark)).hasSize(1);
        advance("PT61S");
        List<BotConnectorStub.Call> sent = teams.sentTo(chat, mark);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).text()).contains("**Your profile**");
        assertThat(sent.get(1).text()).contains("Here is what you can do");
        assertThat(db().getCollection("teams_undelivered").countDocuments(new Document("to", "person:aad-jo")))
                .isZero();
    }

    @Test
    void aServerErrorIsRetriedThenParkedAndSentLaterNeverDropped() {
        String chat = "a:kim";
        int mark = teams.mark();
        teams.failNext(chat, 500, 500);
        post(teams.text("kim", "Kim", "help"));
        teams.awaitTo(chat, mark, "Here is what you can do");
        assertThat(callsTo(chat, mark)).extracting(BotConnectorStub.Call::status).containsExactly(500, 500, 200);

        // more 500s than tries (tandem.teams.retry-attempts, 6): parked, not lost
        teams.failNext(chat, 500, 500, 500, 500, 500, 500);
        mark = teams.mark();
        post(teams.text("kim", "Kim", "profile"));
        assertThat(awaitParked("person:aad-kim", 1).get(0).getString("reason")).isEqualTo("HTTP 500");
        assertThat(callsTo(chat, mark)).extracting(BotConnectorStub.Call::status).containsOnly(500).hasSize(6);

        advance("PT2M");
        assertThat(teams.sentTo(chat, mark)).singleElement()
                .satisfies(c -> assertThat(c.text()).contains("**Your profile**"));
        assertThat(db().getCollection("teams_undelivered").countDocuments(new Document("to", "person:aad-kim")))
                .isZero();
    }

    private static List<BotConnectorStub.Call> callsTo(String conversation, int mark) {
        List<BotConnectorStub.Call> all = teams.calls();
        return all.subList(mark, all.size()).stream().filter(c -> conversation.equals(c.conversation())).toList();
    }

    private static List<Document> awaitParked(String to, int count) {
        for (int i = 0; i < 500; i++) {
            List<Document> d = db().getCollection("teams_undelivered").find(new Document("to", to))
                    .sort(new Document("at", 1)).into(new ArrayList<>());
            if (d.size() >= count) {
                return d;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError(count + " message(s) were not parked for " + to);
    }

    private static Instant now() {
        return Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
    }

    private static void advance(String by) {
        RunningApp.Reply r = app.post("/api/dev/clock", "{\"advance\":\"" + by + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static MongoDatabase db() {
        return app.db();
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
    }

}

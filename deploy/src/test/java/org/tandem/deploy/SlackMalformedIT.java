package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Correctly signed requests to {@code /slack/events} that Slack would never send: each is a 400 with a JSON
 * reason, one line in the log (no stack trace), no call to Slack and no change in the database. Then a few
 * hundred seeded random mutations of Slack's own payloads: never a 5xx, never a stack trace.
 */
class SlackMalformedIT {

    static final String SECRET = "malformed-signing-secret";
    static final String USER = "\"user\":{\"id\":\"UEVE\",\"team_id\":\"T1\"}";
    static final String DEEP = "[".repeat(10_000) + "]".repeat(10_000);

    @TempDir
    static Path dir;
    static SlackApiStub slack;
    static RunningApp app;
    static SlackRequests req;
    static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackApiStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                "tandem.slack.admin-channel=CADMIN", "tandem.scheduler.enabled=false",
                // the one line a refusal is worth is at INFO
                "logging.level.org.tandem.slack.SlackEventsServlet=INFO");
        req = new SlackRequests(app.base(), SECRET);
        logs.start();
        root().addAppender(logs);
    }

    @AfterAll
    static void stop() {
        root().detachAppender(logs);
        app.close();
        slack.close();
    }

    static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "a payload that is not JSON      | payload=not%20json",
        "a payload that is a JSON array  | payload=%5B1%2C2%5D",
        "a payload of type null          | payload=%7B%22type%22%3Anull%7D",
        "a bad escape in the form        | payload=%zz",
        "a JSON body that is an array    | [{\"type\":\"event_callback\",\"team_id\":\"T1\"}]",
        "an event callback without event | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\"}",
        "an event of type null           | {\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":{\"type\":null}}",
        "a command without a user        | command=%2Fmentor&team_id=T1&text=join&trigger_id=t",
    })
    void malformedBodiesAreRefusedWithAReason(String what, String body) {
        assertRefused(what, body, body.startsWith("[") || body.startsWith("{") ? "application/json"
                : "application/x-www-form-urlencoded");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "block_actions without a user   | {\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"trigger_id\":\"t\",\"actions\":[{\"action_id\":\"intake.role#1\",\"value\":\"mentee\"}]}",
        "block_actions, user a string   | {\"type\":\"block_actions\",\"user\":\"UEVE\",\"actions\":[{\"action_id\":\"a\"}]}",
        "an action without its id       | {\"type\":\"block_actions\"," + USER + ",\"actions\":[{\"value\":\"x\"}]}",
        "view_submission without a view | {\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"}," + USER + "}",
        "view values that are a list    | {\"type\":\"view_submission\"," + USER + ",\"view\":{\"id\":\"V1\",\"callback_id\":\"intake.mentee\",\"state\":{\"values\":[]}}}",
        "a user id that is an object    | {\"type\":\"view_submission\",\"user\":{\"id\":{\"x\":1}},\"view\":{\"id\":\"V1\"}}",
    })
    void malformedPayloadsAreRefusedWithAReason(String what, String json) {
        assertRefused(what, payload(json), "application/x-www-form-urlencoded");
    }

    @Test
    void deepNestingIsRefused() {
        assertRefused("10,000 nested arrays as a payload", payload(DEEP), "application/x-www-form-urlencoded");
        assertRefused("10,000 nested arrays as an event", "{\"type\":\"event_callback\",\"team_id\":\"T1\","
                + "\"event\":" + DEEP + "}", "application/json");
        assertRefused("10,000 nested objects in a view", payload("{\"type\":\"view_submission\"," + USER
                + ",\"view\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"),
                "application/x-www-form-urlencoded");
    }

    @Test
    void anEventBoltCannotReadIntoItsTypeIsRefused() {
        // the shape is right, but "user" must be a string: Bolt reads the event into MessageEvent on dispatch
        assertRefused("a message whose user is an object", "{\"type\":\"event_callback\",\"team_id\":\"T1\","
                + "\"event_id\":\"Ev9\",\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":{\"id\":1},"
                + "\"text\":\"help\",\"channel\":\"DEVE\",\"ts\":\"1.2\"}}", "application/json");
    }

    void assertRefused(String what, String body, String contentType) {
        String before = snapshot();
        int calls = slack.size();
        int logged = logs.list.size();
        SlackRequests.Reply r = req.post(body, contentType, Instant.now());
        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.headers().get("content-type")).as(what).anySatisfy(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.json().at("/error").asString()).as(what).isNotBlank();
        RunningApp.pause(150);
        List<ILoggingEvent> lines = ours(logs.list.subList(logged, logs.list.size()));
        assertThat(lines).as(what + ": one line").singleElement().satisfies(e -> {
            assertThat(e.getLoggerName()).endsWith("SlackEventsServlet");
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).contains(r.json().at("/error").asString());
        });
        assertThat(slack.calls().subList(calls, slack.size())).as(what + ": nothing sent").isEmpty();
        assertThat(snapshot()).as(what + ": nothing stored").isEqualTo(before);
    }

    /** Seeded mutations of Slack's payloads (fields dropped, retyped, nested, cut), signed: nothing is a 5xx. */
    @Test
    void seededGarbageIsNeverAServerError() {
        Random random = new Random(20261201L);
        int logged = logs.list.size();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String body = garbage(random, i);
            String type = body.startsWith("{") || body.startsWith("[") ? "application/json"
                    : "application/x-www-form-urlencoded";
            SlackRequests.Reply r = req.post(body, type, Instant.now());
            outcomes.add(r.status() + " " + body.substring(0, Math.min(120, body.length())));
            assertThat(r.status()).as("#" + i + ": " + body.substring(0, Math.min(300, body.length())))
                    .isBetween(200, 499);
            if (r.status() >= 400) {
                assertThat(r.json().at("/error").asString()).as("#" + i).isNotBlank();
            }
        }
        RunningApp.pause(1500); // the work after an ack, for the ones that were fine
        assertThat(ours(logs.list.subList(logged, logs.list.size()))).as(String.join("\n", outcomes))
                .noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(outcomes).as("the seed reaches both kinds").anyMatch(o -> o.startsWith("200"))
                .anyMatch(o -> o.startsWith("400"));
    }

    static String garbage(Random random, int i) {
        return switch (i % 6) {
            case 0 -> payload(mutate(random, blockActions()).toString());
            case 1 -> payload(mutate(random, viewSubmission()).toString());
            case 2 -> mutate(random, event()).toString();
            case 3 -> command(random);
            case 4 -> cut(random, payload(mutate(random, blockActions()).toString()));
            default -> noise(random);
        };
    }

    static JsonObject blockActions() {
        return JsonParser.parseString("{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"t\"},"
                + USER + ",\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\",\"container\":{\"type\":\"message\","
                + "\"message_ts\":\"1.2\",\"channel_id\":\"DEVE\"},\"channel\":{\"id\":\"DEVE\",\"name\":\"directmessage\"},"
                + "\"actions\":[{\"action_id\":\"nobody.knows#1\",\"block_id\":\"b\",\"value\":\"v\",\"type\":\"button\","
                + "\"action_ts\":\"1.3\"}]}").getAsJsonObject();
    }

    static JsonObject viewSubmission() {
        return JsonParser.parseString("{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"}," + USER + ","
                + "\"trigger_id\":\"1.2.4\",\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"nobody.knows\","
                + "\"private_metadata\":\"dm\",\"hash\":\"h\",\"state\":{\"values\":{\"b\":{\"a\":{\"type\":\"plain_text_input\","
                + "\"value\":\"x\"}}}}}}").getAsJsonObject();
    }

    static JsonObject event() {
        return JsonParser.parseString("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
                + "\"event_id\":\"EvF\",\"event_time\":1,\"authorizations\":[{\"team_id\":\"T1\",\"user_id\":\"UBOT\"}],"
                + "\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"DEVE\",\"user\":\"UEVE\","
                + "\"text\":\"help\",\"ts\":\"1.5\"}}").getAsJsonObject();
    }

    /** Replaces, drops or deepens one to three members anywhere in the tree. */
    static JsonElement mutate(Random random, JsonObject root) {
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            JsonObject at = root;
            while (random.nextInt(3) > 0) {
                List<Map.Entry<String, JsonElement>> objects = at.entrySet().stream()
                        .filter(e -> e.getValue().isJsonObject()).toList();
                if (objects.isEmpty()) {
                    break;
                }
                at = objects.get(random.nextInt(objects.size())).getValue().getAsJsonObject();
            }
            List<String> names = new ArrayList<>(new TreeMap<>(at.asMap()).keySet());
            if (names.isEmpty()) {
                continue;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(8)) {
                case 0 -> at.remove(name);
                case 1 -> at.add(name, JsonNull.INSTANCE);
                case 2 -> at.add(name, new JsonPrimitive(random.nextInt()));
                case 3 -> at.add(name, new JsonPrimitive(noise(random)));
                case 4 -> at.add(name, new JsonArray());
                case 5 -> at.add(name, new JsonObject());
                case 6 -> at.add(name, JsonParser.parseString("[".repeat(70) + "]".repeat(70)));
                default -> at.add(name, new JsonPrimitive(random.nextBoolean()));
            }
        }
        return random.nextInt(10) == 0 ? new JsonArray() : root;
    }

    static String command(Random random) {
        Map<String, String> f = new TreeMap<>(Map.of("team_id", "T1", "user_id", "UEVE", "command", "/mentor",
                "channel_id", "DEVE", "channel_name", "directmessage", "text", "help", "trigger_id", "1.2.5"));
        List<String> names = new ArrayList<>(f.keySet());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(3)) {
            case 0 -> f.remove(name);
            case 1 -> f.put(name, noise(random));
            default -> f.put(name, "");
        }
        return f.entrySet().stream().map(e -> e.getKey() + "=" + (random.nextInt(8) == 0 ? e.getValue()
                : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))).reduce((a, b) -> a + "&" + b).orElse("");
    }

    static String cut(Random random, String s) {
        return s.substring(0, 1 + random.nextInt(s.length() - 1));
    }

    static String noise(Random random) {
        String alphabet = "{}[]\":,=&%+ abcxyz019\\/\u00e9\u0000\n";
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(60);
        for (int k = 0; k < n; k++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Tandem's and Bolt's lines (not the database driver's or the web server's). */
    static List<ILoggingEvent> ours(List<ILoggingEvent> events) {
        return new ArrayList<>(events).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                // Slack's request path (Bolt); not a Socket Mode client another test's app may have left retrying
                .filter(e -> e.getLoggerName().startsWith("org.tandem") || e.getLoggerName().startsWith("com.slack")
                        && !e.getLoggerName().startsWith("com.slack.api.socket_mode"))
                .toList();
    }

    /** Every document of every collection, as JSON, to see that nothing changed. */
    static String snapshot() {
        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        db.listCollectionNames().into(names);
        names.sort(null);
        for (String name : names) {
            out.append(name).append(':');
            db.getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> out.append(d.toJson()));
            out.append('\n');
        }
        return out.toString();
    }

}

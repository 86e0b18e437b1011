package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed activities on {@code /api/messages}, over real HTTP into the real app and SDK: each is a 400 with a JSON
 * error, one line in the log (no stack trace), and no change anywhere; never a 401 or a 500 for what is only bad
 * input. Table-driven for the cases that were found, then seeded random garbage made from a genuine activity.
 */
class TeamsMalformedIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;
    static ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.scheduler.enabled=false");
        // after the start: Spring Boot sets logging up afresh while it starts
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        app.close();
        teams.close();
    }

    @BeforeEach
    void clearLog() {
        log.list.clear();
    }

    static List<Arguments> malformed() {
        return List.of(
                bad("text as an object", a -> a.putObject("text").put("a", 1), "'text' must be a string"),
                bad("text as a list", a -> a.putArray("text").add("help"), "'text' must be a string"),
                bad("serviceUrl as an object", a -> a.putObject("serviceUrl").put("u", 1), "'serviceUrl'"),
                bad("conversation as a list", a -> a.putArray("conversation").add(1), "'conversation' must be"),
                bad("a bad timestamp", a -> a.put("timestamp", "yesterday"), "'timestamp' must be"),
                bad("membersRemoved: [{}]", a -> {
                    a.put("type", "conversationUpdate");
                    a.putArray("membersRemoved").addObject();
                }, "'membersRemoved[0].id' must be present"),
                bad("membersAdded: [null]", a -> {
                    a.put("type", "conversationUpdate");
                    a.putArray("membersAdded").addNull();
                }, "'membersAdded[0]' must be an object"),
                bad("no sender", a -> a.remove("from"), "no 'from'"),
                bad("a mention that is a string", a -> a.withArray("entities").addObject().put("type", "mention")
                        .put("mentioned", "28:bot"), "'entities[1].mentioned' must be an object"),
                bad("a submit field named $where", a -> a.putObject("value").put("$where", "1")
                        .putObject("tandem").put("form", "intake.mentee"), "no card of ours"),
                bad("not JSON", null, "malformed JSON"),
                bad("a JSON list", a -> { }, "must be a JSON object"),
                bad("nested a thousand times deep", a -> { }, "malformed JSON"));
    }

    private static Arguments bad(String what, Consumer<ObjectNode> change, String error) {
        return Arguments.of(what, change, error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachIsA400WithAJsonErrorAOneLineLogAndNoChange(String what, Consumer<ObjectNode> change, String error) {
        int mark = teams.mark();
        long before = stored();
        ObjectNode a = teams.text("hank", "Hank", "help");
        String body;
        if (change == null) {
            body = "{\"type\":";
        } else if (what.equals("a JSON list")) {
            body = "[" + a + "]";
        } else if (what.startsWith("nested")) {
            body = "[".repeat(1200) + "]".repeat(1200);
        } else {
            change.accept(a);
            body = a.toString();
        }
        RunningApp.Reply r = app.post("/api/messages", body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/error").asString()).contains(error);
        List<ILoggingEvent> lines = new ArrayList<>(log.list);
        assertThat(lines).as("one line, no stack trace").singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).contains(error).doesNotContain("\n");
        });
        RunningApp.pause(200);
        assertThat(teams.calls().subList(mark, teams.calls().size())).as("nothing was sent").isEmpty();
        assertThat(stored()).as("nothing was stored").isEqualTo(before);
    }

    @Test
    void aLocaleThatIsNoLanguageTagFallsBackToEnglishAndTheTurnIsAnswered() {
        int mark = teams.mark();
        ObjectNode a = teams.text("ivy", "Ivy", "help");
        a.put("locale", "!!");
        a.remove("entities");
        RunningApp.Reply r = app.post("/api/messages", a.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        teams.awaitTo("a:ivy", mark, "Here is what you can do");
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void seededGarbageIsNeverA5xxAndNeverFailsATurn() {
        long seed = Long.getLong("tandem.garbage.seed", 20261201L);
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ObjectNode a = i % 3 == 0 ? teams.text("gus" + i, "Gus", "help")
                    : teams.activity("gus" + i, "Gus", i % 3 == 1 ? "19:garbage@thread.tacv2" : "a:gus" + i,
                    i % 3 == 1 ? "channel" : "personal");
            if (i % 3 == 2) {
                a.put("type", "conversationUpdate");
                a.putArray("membersAdded").addObject().put("id", "28:bot");
            }
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mutate(a, random);
            }
            bodies.add(random.nextInt(20) == 0 ? truncate(a.toString(), random) : a.toString());
        }
        for (String body : bodies) {
            RunningApp.Reply r = app.post("/api/messages", body);
            assertThat(r.status()).as("seed %d: %s -> %s", seed, body, r.body()).isIn(200, 400);
            if (r.status() == 400) {
                assertThat(r.json().at("/error").isString()).as(r.body()).isTrue();
            }
        }
        quiesce();
        assertThat(log.list).as("seed %d: no turn failed, no stack trace", seed)
                .filteredOn(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null)
                .extracting(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? ""
                        : e.getThrowableProxy().getMessage()))
                .isEmpty();
    }

    /** Replaces, removes or adds one field somewhere in the activity, with a value of any JSON type. */
    private static void mutate(ObjectNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>(target.propertyNames());
        int what = random.nextInt(10);
        if (names.isEmpty() || what == 0) {
            target.set(randomName(random), randomValue(random, 0));
        } else if (what == 1) {
            target.remove(names.get(random.nextInt(names.size())));
        } else {
            target.set(names.get(random.nextInt(names.size())), randomValue(random, 0));
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode o) {
            into.add(o);
        }
        node.forEach(child -> collect(child, into));
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt());
            case 3 -> f.numberNode(random.nextDouble() * 1e12);
            case 4 -> f.stringNode(randomString(random));
            case 5 -> f.stringNode(List.of("", " ", "!!", "2026-13-45T99:99:99Z", "http://", "a:x", "19:x",
                    "<at>Tandem</at>", "message", "conversationUpdate", "installationUpdate", "remove", "{{DATE(x)}}",
                    "\u0000", "x".repeat(5000)).get(random.nextInt(15)));
            case 6 -> {
                ObjectNode o = f.objectNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    o.set(randomName(random), randomValue(random, depth + 1));
                }
                yield o;
            }
            case 7 -> {
                ArrayNode arr = f.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    arr.add(randomValue(random, depth + 1));
                }
                yield arr;
            }
            default -> f.objectNode().put("id", randomString(random));
        };
    }

    private static String randomName(Random random) {
        return List.of("id", "type", "text", "value", "tandem", "from", "conversation", "locale", "tenantId",
                "membersRemoved", "entities", "name", "$where", "a.b", randomString(random)).get(random.nextInt(15));
    }

    private static String randomString(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            b.append((char) (random.nextInt(2) == 0 ? 'a' + random.nextInt(26) : 32 + random.nextInt(0x2000)));
        }
        return b.toString();
    }

    private static String truncate(String body, Random random) {
        return body.substring(0, random.nextInt(body.length()));
    }

    /** Waits until every accepted turn has run. */
    private static void quiesce() {
        ThreadPoolExecutor turns = app.context().getBean("teamsTurns", ThreadPoolExecutor.class);
        for (int i = 0; i < 1500 && (turns.getActiveCount() > 0 || !turns.getQueue().isEmpty()); i++) {
            RunningApp.pause(20);
        }
        RunningApp.pause(300);
    }

    private static long stored() {
        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        long n = 0;
        for (String c : db.listCollectionNames()) {
            n += db.getCollection(c).countDocuments();
        }
        return n;
    }

}

package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The web chat API end to end: the real application, real HTTP, the embedded MongoDB on a file. */
class WebchatApiIT {

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"));
        openProgramme(app, "Leadership");
    }

    /** A coordinator creates and opens a programme, through the web chat like a person would. */
    static void openProgramme(RunningApp app, String name) {
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"coordinator\",\"conversation\":\"admin\","
                + "\"form\":{\"id\":\"program.create\",\"values\":{\"name\":\"" + name + "\","
                + "\"topics\":\"leadership, public speaking\",\"cadence\":\"biweekly\",\"duration\":\"6\","
                + "\"matching\":\"mentee-chooses\",\"capacity\":\"2\",\"languages\":[\"en\",\"fr\"],"
                + "\"workStart\":\"09:30\",\"workEnd\":\"17:00\","
                + "\"workDays\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]}}}").status())
                .isEqualTo(202);
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"coordinator\",\"conversation\":\"admin\","
                + "\"text\":\"program open " + name + "\"}").status()).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthIsUpWithTheDatabase() {
        RunningApp.Reply health = app.management("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/mongoHealth/status").asString()).isEqualTo("UP");
    }

    @Test
    void thePageIsServed() {
        RunningApp.Reply page = app.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Tandem");
        assertThat(app.get("/webchat/app.js").body()).contains("/api/webchat/inbound");
    }

    @Test
    void aMentorEnrolsInFrenchThroughTheApi() {
        long after = lastSeq("zoe");
        RunningApp.Reply accepted = app.post("/api/webchat/inbound",
                "{\"user\":\"zoe\",\"name\":\"Zoé\",\"locale\":\"fr\",\"text\":\"join\"}");
        assertThat(accepted.status()).isEqualTo(202);
        List<JsonNode> replies = messages("zoe", after);
        JsonNode buttons = findBlock(replies, "buttons");
        assertThat(buttons.at("/buttons/0/label").asString()).isEqualTo("Mentoré");

        String id = buttons.at("/buttons/1/id").asString();
        String value = buttons.at("/buttons/1/value").asString();
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"zoe\",\"locale\":\"fr\",\"action\":{\"id\":\""
                + id + "\",\"value\":\"" + value + "\"}}").status()).isEqualTo(202);
        JsonNode form = findBlock(messages("zoe", after), "form");
        assertThat(form.at("/id").asString()).isEqualTo("intake.mentor");
        assertThat(form.at("/title").asString()).isEqualTo("Vous, en tant que mentor — Leadership");
        enrolMentor(app, "zoe", "fr");
        app.post("/api/webchat/inbound", "{\"user\":\"zoe\",\"locale\":\"fr\",\"text\":\"profile\"}");
        List<JsonNode> all = messages("zoe", after);
        assertThat(all.get(all.size() - 1).toString()).contains("*Leadership* — Mentor", "\"Service\"",
                "\"Engineering\"");
    }

    @Test
    void theOutboxShowsBothSidesInOrderAndOnlyToTheirReaders() {
        long after = lastSeq("yann");
        app.post("/api/webchat/inbound", "{\"user\":\"yann\",\"text\":\"help\"}");
        List<JsonNode> mine = messages("yann", after);
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).at("/from").asString()).isEqualTo("yann");
        assertThat(mine.get(1).at("/seq").asLong()).isGreaterThan(mine.get(0).at("/seq").asLong());
        assertThat(messages("xavier", after)).isEmpty();
    }

    @Test
    void onlyCoordinatorsTalkInTheAdminChannel() {
        long after = lastSeq("coordinator");
        assertThat(app.post("/api/webchat/inbound",
                "{\"user\":\"coordinator\",\"conversation\":\"admin\",\"text\":\"help\"}").status()).isEqualTo(202);
        assertThat(messages("coordinator", after)).anySatisfy(m ->
                assertThat(m.at("/conversation").asString()).isEqualTo("admin"));
        RunningApp.Reply refused = app.post("/api/webchat/inbound",
                "{\"user\":\"mallory\",\"conversation\":\"admin\",\"text\":\"help\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error").asString()).contains("only coordinators");
        assertThat(messages("mallory", 0)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "malformed JSON          | {\"user\":                                         | 400 | malformed JSON",
        "not an object           | [1,2]                                              | 400 | JSON object",
        "text is a number        | {\"user\":\"ann\",\"text\":5}                      | 400 | 'text' must be a string",
        "user missing            | {\"text\":\"help\"}                                | 400 | 'user' is required",
        "user with markup        | {\"user\":\"<b>\",\"text\":\"help\"}               | 400 | 'user' must be",
        "unknown field           | {\"user\":\"ann\",\"text\":\"a\",\"x\":1}          | 400 | unknown field 'x'",
        "two inputs              | {\"user\":\"ann\",\"text\":\"a\",\"action\":{}}    | 400 | exactly one",
        "unknown action          | {\"user\":\"ann\",\"action\":{\"id\":\"x.y\"}}     | 400 | unknown action id 'x.y'",
        "unknown form            | {\"user\":\"ann\",\"form\":{\"id\":\"f\",\"values\":{}}} | 400 | unknown form id 'f'",
        "form value is an object | {\"user\":\"ann\",\"form\":{\"id\":\"f\",\"values\":{\"a\":{}}}} | 400 | string or a list",
        "bad locale              | {\"user\":\"ann\",\"locale\":\"??\",\"text\":\"a\"} | 400 | 'locale'",
        "bad time zone           | {\"user\":\"ann\",\"timeZone\":\"Mars/Base\",\"text\":\"a\"} | 400 | 'timeZone'",
        "bad conversation        | {\"user\":\"ann\",\"conversation\":\"x\",\"text\":\"a\"} | 400 | 'conversation'",
        "duplicate key           | {\"user\":\"ann\",\"user\":\"bob\",\"text\":\"a\"} | 400 | malformed JSON",
        "not in the group        | {\"user\":\"ann\",\"conversation\":\"group:g99\",\"text\":\"a\"} | 403 | not in group:g99",
        "message with a text     | {\"user\":\"ann\",\"message\":1,\"text\":\"a\"} | 400 | 'message' goes with",
        "message is a string     | {\"user\":\"ann\",\"message\":\"1\",\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message is a fraction   | {\"user\":\"ann\",\"message\":1.5,\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message is negative     | {\"user\":\"ann\",\"message\":-3,\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message is huge         | {\"user\":\"ann\",\"message\":1e400,\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message is null         | {\"user\":\"ann\",\"message\":null,\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message is zero         | {\"user\":\"ann\",\"message\":0,\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message beyond a long   | {\"user\":\"ann\",\"message\":123456789012345678901234,\"action\":{\"id\":\"intake.role\"}} | 400 | 'message' must be",
        "message is an object    | {\"user\":\"ann\",\"message\":{\"seq\":1},\"form\":{\"id\":\"f\",\"values\":{}}} | 400 | 'message' must be",
        "message does not exist  | {\"user\":\"ann\",\"message\":987654321,\"action\":{\"id\":\"intake.role\"}} | 400 | no message of Tandem's",
        "arrived is false        | {\"user\":\"ann\",\"arrived\":false}         | 400 | 'arrived' must be true",
        "arrived is a string     | {\"user\":\"ann\",\"arrived\":\"yes\"}     | 400 | 'arrived' must be true",
        "arrived is null         | {\"user\":\"ann\",\"arrived\":null}          | 400 | 'arrived' must be true",
        "arrived with a text     | {\"user\":\"ann\",\"arrived\":true,\"text\":\"a\"} | 400 | exactly one",
        "arrived on a message    | {\"user\":\"ann\",\"arrived\":true,\"message\":3} | 400 | 'message' goes with",
        "arrived in admin        | {\"user\":\"ann\",\"conversation\":\"admin\",\"arrived\":true} | 403 | only coordinators",
        "arrived in a group      | {\"user\":\"ann\",\"conversation\":\"group:g1\",\"arrived\":true} | 400 | direct conversation",
    })
    void badInputGetsAClearErrorAndChangesNothing(String what, String body, int status, String error) {
        long before = lastSeq("ann");
        RunningApp.Reply r = app.post("/api/webchat/inbound", body);
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.json().at("/error").asString()).as(what).contains(error);
        assertThat(messages("ann", before)).as(what).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an operator           | $where",
        "a dotted path         | a.b",
        "a NUL                 | a\\u0000b",
        "a space               | a b",
        "not ASCII             | préférence",
        "too long              | a123456789b123456789c123456789d123456789e123456789f123456789g1234",
        "a name the form lacks | bogus",
    })
    void aFormFieldNoFormDeclaresIsRefusedAndNeverStored(String what, String field) {
        app.post("/api/webchat/inbound", "{\"user\":\"fiona\",\"text\":\"join\"}");
        app.post("/api/webchat/inbound", "{\"user\":\"fiona\",\"action\":{\"id\":\"intake.role\","
                + "\"value\":\"mentee\"}}");
        long before = lastSeq("fiona");
        RunningApp.Reply r = app.post("/api/webchat/inbound", "{\"user\":\"fiona\",\"form\":{\"id\":"
                + "\"intake.mentee\",\"values\":{\"topic1\":\"leadership\",\"hopes\":\"Grow\","
                + "\"languages\":[\"en\"],\"timeZone\":\"Europe/Paris\",\"department\":\"Ops\","
                + "\"seniority\":\"junior\",\"format\":\"video\",\"" + field + "\":\"planted-4417\"}}}");
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().at("/error").asString()).as(what).containsAnyOf("field name", "no such field");
        assertThat(messages("fiona", before)).as(what).isEmpty();
        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        assertThat(StoredCopies.inDatabase(db, List.of("planted-4417"))).as(what).isEmpty();
    }

    @Test
    void aClickOrASubmissionComesFromAMessageOfTandemsThatThePersonReadsThere() {
        app.post("/api/webchat/inbound", "{\"user\":\"gina\",\"text\":\"join\"}");
        List<JsonNode> hers = messages("gina", 0);
        long echo = hers.get(0).at("/seq").asLong();
        long roles = hers.get(hers.size() - 1).at("/seq").asLong();
        long admins = messages("coordinator", 0).stream().filter(m -> m.at("/from").isMissingNode())
                .findFirst().orElseThrow().at("/seq").asLong();
        String click = ",\"action\":{\"id\":\"intake.role\",\"value\":\"mentee\"}}";
        String form = ",\"form\":{\"id\":\"intake.mentee\",\"values\":{}}}";
        for (String refused : List.of(
                "{\"user\":\"hugo\",\"message\":" + roles + click,            // someone else's
                "{\"user\":\"hugo\",\"message\":" + roles + form,
                "{\"user\":\"gina\",\"message\":" + echo + click,             // what she typed
                "{\"user\":\"gina\",\"message\":" + admins + click,           // the admin channel's
                "{\"user\":\"coordinator\",\"message\":" + admins + click)) { // not where it was posted
            long before = lastSeq("gina");
            RunningApp.Reply r = app.post("/api/webchat/inbound", refused);
            assertThat(r.status()).as(refused + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().at("/error").asString()).as(refused).contains("no message of Tandem's");
            assertThat(messages("gina", before)).as(refused).isEmpty();
        }
        RunningApp.Reply taken = app.post("/api/webchat/inbound", "{\"user\":\"gina\",\"message\":" + roles
                + click);
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        assertThat(taken.json().at("/replies").size()).as(taken.body()).isEqualTo(1);
        assertThat(findBlock(messages("gina", roles), "form").at("/id").asString()).isEqualTo("intake.mentee");
    }

    @Test
    void aMegabyteOfTextIsRefused() {
        long before = lastSeq("ann");
        RunningApp.Reply r = app.post("/api/webchat/inbound",
                "{\"user\":\"ann\",\"text\":\"" + "a".repeat(1_000_000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().at("/error").asString()).contains("larger than 64 KiB");
        RunningApp.Reply tooLong = app.post("/api/webchat/inbound",
                "{\"user\":\"ann\",\"text\":\"" + "a".repeat(4001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/error").asString()).contains("longer than 4000");
        assertThat(messages("ann", before)).isEmpty();
    }

    @Test
    void aPersonOpeningTheirConversationIsWelcomedOnceWithOneButtonToStart() {
        RunningApp.Reply first = app.post("/api/webchat/inbound", "{\"user\":\"wendy\",\"arrived\":true}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().at("/replies").size()).isEqualTo(1);
        List<JsonNode> hers = messages("wendy", 0);
        assertThat(hers).hasSize(1);
        assertThat(hers.get(0).at("/from").isMissingNode()).as("nothing is shown as typed by her").isTrue();
        assertThat(hers.get(0).at("/conversation").asString()).isEqualTo("dm");
        assertThat(hers.get(0).toString()).contains("Welcome to Tandem, Wendy");
        JsonNode buttons = findBlock(hers, "buttons").at("/buttons");
        assertThat(buttons.size()).isEqualTo(1);
        assertThat(buttons.get(0).at("/value").asString()).isEqualTo("join");

        RunningApp.Reply again = app.post("/api/webchat/inbound", "{\"user\":\"wendy\",\"arrived\":true}");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().at("/replies").size()).isZero();
        assertThat(messages("wendy", 0)).hasSize(1);

        // in her language, from the start
        app.post("/api/webchat/inbound", "{\"user\":\"xena\",\"locale\":\"fr\",\"arrived\":true}");
        assertThat(messages("xena", 0).toString()).contains("Bienvenue dans Tandem, Xena");
        // a coordinator opening an empty #admin is shown where to begin, once
        RunningApp.Reply admin = app.post("/api/webchat/inbound",
                "{\"user\":\"coordinator\",\"conversation\":\"admin\",\"arrived\":true}");
        assertThat(admin.status()).isEqualTo(202);
        assertThat(admin.json().at("/replies").size()).isEqualTo(1);
        assertThat(app.get("/api/webchat/outbox?user=coordinator").json().at("/messages").toString())
                .contains("See the templates");
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"coordinator\",\"conversation\":\"admin\","
                + "\"arrived\":true}").json().at("/replies").size()).isZero();
        // a request that says no language leaves hers as it was
        app.post("/api/webchat/inbound", "{\"user\":\"xena\",\"text\":\"help\"}");
        assertThat(messages("xena", 0).toString()).contains("Voici ce que vous pouvez faire");
    }

    @Test
    void theOutboxSaysTheLanguageThePersonChoseAndTheirGroups() {
        assertThat(app.get("/api/webchat/outbox?user=lena").json().at("/locale").asString()).isEqualTo("en");
        app.post("/api/webchat/inbound", "{\"user\":\"lena\",\"text\":\"language fr\"}");
        assertThat(app.get("/api/webchat/outbox?user=lena").json().at("/locale").asString()).isEqualTo("fr");
        // what the page reports afterwards does not undo her choice
        app.post("/api/webchat/inbound", "{\"user\":\"lena\",\"locale\":\"en\",\"text\":\"help\"}");
        RunningApp.Reply after = app.get("/api/webchat/outbox?user=lena&after=" + lastSeq("lena"));
        assertThat(after.json().at("/locale").asString()).isEqualTo("fr");
        assertThat(after.json().at("/messages").size()).as("no message after the last").isZero();
        app.post("/api/webchat/inbound", "{\"user\":\"lena\",\"text\":\"langue en\"}");
        assertThat(app.get("/api/webchat/outbox?user=lena").json().at("/locale").asString()).isEqualTo("en");
        assertThat(app.get("/api/webchat/outbox?user=lena").json().at("/groups").isObject()).isTrue();
        assertThat(app.get("/api/webchat/outbox?user=lena").json().at("/groups").size()).isZero();
    }

    @Test
    void theOutboxRefusesBadQueries() {
        assertThat(app.get("/api/webchat/outbox").status()).isEqualTo(400);
        assertThat(app.get("/api/webchat/outbox?user=ann&after=-1").status()).isEqualTo(400);
        assertThat(app.get("/api/webchat/outbox?user=ann&after=abc").json().at("/error").asString())
                .contains("'after'");
    }

    /** Submits the mentor questionnaire and consents (the person has clicked the Mentor role). */
    static void enrolMentor(RunningApp app, String user, String locale) {
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"" + user + "\",\"locale\":\"" + locale + "\","
                + "\"form\":{\"id\":\"intake.mentor\",\"values\":{\"topics\":[\"leadership\"],"
                + "\"seniority\":\"senior\",\"years\":\"12\",\"department\":\"Engineering\","
                + "\"languages\":[\"fr\"],\"timeZone\":\"Europe/Paris\",\"format\":\"video\","
                + "\"capacity\":\"2\"}}}").status()).isEqualTo(202);
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"" + user + "\",\"locale\":\"" + locale + "\","
                + "\"action\":{\"id\":\"intake.consent\",\"value\":\"yes\"}}").status()).isEqualTo(202);
    }

    @Test
    void aReportComesWithItsChartsAsPicturesOnlyCoordinatorsMayHave() throws Exception {
        long after = lastSeq("coordinator");
        assertThat(app.post("/api/webchat/inbound", "{\"user\":\"coordinator\",\"conversation\":\"admin\","
                + "\"text\":\"report Leadership\"}").status()).isEqualTo(202);
        List<JsonNode> shown = messages("coordinator", after);
        assertThat(shown.get(1).toString()).contains("Results of Leadership");
        JsonNode image = findBlock(shown.subList(0, 3), "image");
        assertThat(image.at("/alt").asString()).contains("How far people came", "Enrolled: ");
        String url = image.at("/url").asString();
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.base() + url + "?user=coordinator")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(picture.getWidth()).isEqualTo(800);
        assertThat(app.get(url + "?user=mallory").status()).as("a participant may not have it").isEqualTo(404);
        assertThat(findBlock(shown, "file").at("/name").asString()).endsWith(".csv");
    }

    private static long lastSeq(String user) {
        List<JsonNode> all = messages(user, 0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).at("/seq").asLong();
    }

    static List<JsonNode> messages(String user, long after) {
        RunningApp.Reply r = app.get("/api/webchat/outbox?user=" + user + "&after=" + after);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().at("/messages").forEach(out::add);
        return out;
    }

    static JsonNode findBlock(List<JsonNode> messages, String type) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (JsonNode b : messages.get(i).at("/blocks")) {
                if (b.at("/type").asString().equals(type)) {
                    return b;
                }
            }
        }
        throw new AssertionError("no " + type + " block in " + messages);
    }
}

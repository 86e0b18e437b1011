package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Files and erasure through the web chat API: an export reaches the coordinators only, a person's data reaches
 * that person only, and after {@code forget-me} nothing of what she wrote or of who she is is left: not in any
 * collection (the web chat's included), not in her mentor's copies, not in a stored file, not in the raw bytes of
 * the embedded database's file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebchatPrivacyIT {

    static final String USER = "zimmer7";
    static final String NAME = "Alice Zimmerbrook";
    static final String HOPES = "Zimmer-secret: run the Berlin office";
    static final String GOAL = "Zimmer-goal: chair the Hamburg board";
    static final String EMAIL = "zimmer.private@example.org";
    static final String REFLECTION = "Zimmer-takeaway: ask for feedback weekly";
    /** What must be gone after her erasure, wherever Tandem stored it. */
    static final List<String> HERS = List.of(USER, "Zimmerbrook", HOPES, GOAL, EMAIL, REFLECTION);

    @TempDir
    static Path dir;

    static RunningApp app;
    static WebchatClient chat;
    static String exportUrl;

    @BeforeAll
    static void aWholePairUntilAReflection() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
        chat = new WebchatClient(app).named(USER, NAME).named("quast4", "Bruno Quast");
        WebchatApiIT.openProgramme(app, "Leadership");
        chat.say(USER, "join");
        chat.click(USER, "intake.role", "mentee");
        chat.post(USER, "\"form\":{\"id\":\"intake.mentee\",\"values\":{\"topic1\":\"leadership\","
                + "\"hopes\":\"" + HOPES + "\",\"languages\":[\"en\"],\"timeZone\":\"Europe/Berlin\","
                + "\"department\":\"Sales\",\"seniority\":\"junior\",\"format\":\"video\",\"preference\":\"none\"}}");
        chat.click(USER, "intake.consent", "yes");
        assertThat(chat.text(USER)).contains("You are enrolled in *Leadership*");
        chat.say("quast4", "join");
        chat.click("quast4", "intake.role", "mentor");
        chat.post("quast4", "\"form\":{\"id\":\"intake.mentor\",\"values\":{\"topics\":[\"leadership\"],"
                + "\"seniority\":\"senior\",\"years\":\"12\",\"department\":\"Sales\",\"languages\":[\"en\"],"
                + "\"timeZone\":\"Europe/Paris\",\"format\":\"video\",\"capacity\":\"2\"}}");
        chat.click("quast4", "intake.consent", "yes");
        chat.say("quast4", "profile");

        chat.admin("match");
        chat.admin("match confirm Leadership");
        chat.click(USER, "shortlist.choose", chat.button(USER, "shortlist.choose"));
        chat.click("quast4", "request.accept", chat.button("quast4", "request.accept"));
        String group = chat.lastConversation(USER, "group:");
        String pair = chat.button(USER, "intro.met");
        chat.post(USER, "\"conversation\":\"" + group + "\",\"text\":\"Looking forward to it, Bruno\"");
        chat.post(USER, "\"conversation\":\"" + group + "\",\"action\":{\"id\":\"intro.met\",\"value\":\"" + pair
                + "\"}");
        chat.click(USER, "click.answer", pair + ":0:yes");
        chat.click("quast4", "click.answer", pair + ":0:yes");
        chat.click(USER, "agreement.draft", pair);
        chat.post(USER, "\"form\":{\"id\":\"agreement.form\",\"values\":{\"goal1\":\"" + GOAL + "\","
                + "\"measure1\":\"The board says so\",\"cadence\":\"biweekly\",\"format\":\"video\","
                + "\"contact\":\"" + EMAIL + "\",\"confidential\":[\"yes\"]}}");
        chat.click("quast4", "agreement.confirm", chat.button("quast4", "agreement.confirm"));

        String now = chat.advanceAndExpect("P17D", USER, "Have you met");
        chat.click(USER, "checkin.answer", chat.button(USER, "checkin.answer").replaceAll(":[a-z-]+$", ":met"));
        chat.post(USER, "\"form\":{\"id\":\"checkin.met-form\",\"values\":{\"date\":\"" + now.substring(0, 10)
                + "\"}}");
        chat.click(USER, "reflection.write", chat.button(USER, "reflection.write"));
        chat.post(USER, "\"form\":{\"id\":\"reflection.form\",\"values\":{\"takeaway\":\"" + REFLECTION
                + "\",\"progress1\":\"2\"}}");
        chat.say(USER, "journal");
        assertThat(chat.text(USER)).contains(REFLECTION);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void anExportReachesTheCoordinatorsOnly() {
        long after = chat.last("coordinator");
        chat.admin("export Leadership");
        JsonNode file = WebchatClient.lastBlock(chat.messages("coordinator", after), "file");
        assertThat(file.at("/name").asString()).startsWith("tandem-leadership-").endsWith(".csv");
        exportUrl = file.at("/url").asString();
        HttpResponse<String> csv = get(exportUrl + "?user=coordinator");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(csv.body()).contains("Programme,Person", NAME, "Bruno Quast").doesNotContain(HOPES, "Sales");
        assertThat(get(exportUrl + "?user=" + USER).statusCode()).isEqualTo(404);
        assertThat(get(exportUrl + "?user=mallory").statusCode()).isEqualTo(404);
        assertThat(get(exportUrl).statusCode()).isEqualTo(400);
        assertThat(get("/api/webchat/files/f0123?user=coordinator").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aPersonsDataReachesThemOnly() {
        long after = chat.last(USER);
        chat.say(USER, "my-data");
        String url = WebchatClient.lastBlock(chat.messages(USER, after), "file").at("/url").asString();
        HttpResponse<String> json = get(url + "?user=" + USER);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).contains(HOPES, GOAL, EMAIL, REFLECTION, "\"displayName\": \"" + NAME + "\"");
        assertThat(get(url + "?user=coordinator").statusCode()).isEqualTo(404);
        assertThat(get(url + "?user=quast4").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void forgetMeLeavesNothingOfHerAnywhere() {
        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        String mentor = chat.text("quast4");
        assertThat(mentor).as("her mentor's copies quote her").contains(HOPES, GOAL, EMAIL, "Zimmerbrook");
        assertThat(StoredCopies.inDatabase(db, List.of(HOPES, GOAL, EMAIL, REFLECTION)))
                .as("the scan sees what is stored").hasSizeGreaterThanOrEqualTo(4);
        assertThat(StoredCopies.inFiles(dir, List.of(HOPES, GOAL, EMAIL, REFLECTION)))
                .as("and what the embedded file holds").hasSize(4);

        long mentorRead = chat.last("quast4");
        long coordinatorRead = chat.last("coordinator");
        chat.say(USER, "forget-me");
        chat.click(USER, "forget.confirm", "yes");
        app.context().getBean(EmbeddedMongo.class).awaitRewrites(Duration.ofSeconds(20));

        assertThat(chat.messages(USER, 0)).as("the confirmation, read once").singleElement().satisfies(m ->
                assertThat(m.toString()).contains("your personal data is erased"));
        assertThat(chat.messages(USER, 0)).as("and not kept").isEmpty();
        assertThat(StoredCopies.inDatabase(db, HERS)).as("no collection, no stored file").isEmpty();
        assertThat(StoredCopies.inDatabase(db, List.of("Europe/Berlin"))).as("her profile's choices, in the core")
                .allSatisfy(hit -> assertThat(hit).startsWith("webchat_outbox"));
        assertThat(StoredCopies.inFiles(dir, HERS)).as("not in the embedded file's bytes").isEmpty();

        String mentorNow = chat.text("quast4");
        assertThat(mentorNow).as("her mentor's copies").doesNotContain(HOPES, GOAL, EMAIL, "Zimmerbrook",
                "Looking forward").contains("—");
        assertThat(chat.messages("quast4", mentorRead).toString()).as("polling on, the page gets them again")
                .contains("\"text\":\"—, meet Bruno Quast, your mentor. Bruno Quast, meet —.\"",
                        "\"from\":\"—\",", "\"label\":\"How we reach each other\",\"value\":\"—\"");
        assertThat(mentorNow).as("his own profile, not about her, keeps his department")
                .contains("\"label\":\"Department\",\"value\":\"Sales\"");
        JsonNode export = WebchatClient.lastBlock(chat.messages("coordinator", coordinatorRead), "file");
        assertThat(export.at("/withdrawn").asBoolean()).as("the export that listed her is withdrawn").isTrue();
        assertThat(export.has("url")).isFalse();
        assertThat(chat.text("coordinator")).doesNotContain("Zimmerbrook");
        assertThat(get(exportUrl + "?user=coordinator").statusCode()).as("and its file is gone").isEqualTo(404);
    }

    @Test
    @Order(4)
    void theAppWorksOnAfterTheRewrite() {
        long after = chat.last("quast4");
        chat.say("quast4", "profile");
        assertThat(chat.messages("quast4", after).toString()).contains("Mentor", "Sales");
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

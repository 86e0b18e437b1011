package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Files and erasure through the web chat API: an export reaches the coordinators only, a person's data reaches
 * that person only, and after {@code forget-me} neither the core nor the web chat's own store keeps their name or
 * answers.
 */
class WebchatPrivacyIT {

    static final String HOPES = "Zimmer-secret: run the Berlin office";

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
        WebchatApiIT.openProgramme(app, "Leadership");
        post("{\"user\":\"zimmer7\",\"name\":\"Alice Zimmerbrook\",\"text\":\"join\"}");
        post("{\"user\":\"zimmer7\",\"action\":{\"id\":\"intake.role\",\"value\":\"mentee\"}}");
        post("{\"user\":\"zimmer7\",\"form\":{\"id\":\"intake.mentee\",\"values\":{\"topic1\":\"leadership\","
                + "\"hopes\":\"" + HOPES + "\",\"languages\":[\"en\"],\"timeZone\":\"Europe/Berlin\","
                + "\"department\":\"Sales\",\"seniority\":\"junior\",\"format\":\"video\","
                + "\"preference\":\"none\"}}}");
        post("{\"user\":\"zimmer7\",\"action\":{\"id\":\"intake.consent\",\"value\":\"yes\"}}");
        assertThat(text(messages("zimmer7", 0))).contains("You are enrolled in *Leadership*");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anExportReachesTheCoordinatorsOnly() {
        long after = last("coordinator");
        post("{\"user\":\"coordinator\",\"conversation\":\"admin\",\"text\":\"export Leadership\"}");
        JsonNode file = findBlock(messages("coordinator", after), "file");
        assertThat(file.at("/name").asString()).startsWith("tandem-leadership-").endsWith(".csv");
        String url = file.at("/url").asString();
        HttpResponse<String> csv = get(url + "?user=coordinator");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(csv.body()).contains("Programme,Person", "Alice Zimmerbrook").doesNotContain(HOPES, "Sales");
        assertThat(get(url + "?user=zimmer7").statusCode()).isEqualTo(404);
        assertThat(get(url + "?user=mallory").statusCode()).isEqualTo(404);
        assertThat(get(url).statusCode()).isEqualTo(400);
        assertThat(get("/api/webchat/files/f0123?user=coordinator").statusCode()).isEqualTo(404);
    }

    @Test
    void aPersonsDataReachesThemOnlyAndForgetMeLeavesNothing() {
        long after = last("zimmer7");
        post("{\"user\":\"zimmer7\",\"text\":\"my-data\"}");
        JsonNode file = findBlock(messages("zimmer7", after), "file");
        String url = file.at("/url").asString();
        HttpResponse<String> json = get(url + "?user=zimmer7");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).contains(HOPES, "\"displayName\": \"Alice Zimmerbrook\"");
        assertThat(get(url + "?user=coordinator").statusCode()).isEqualTo(404);

        post("{\"user\":\"zimmer7\",\"text\":\"forget-me\"}");
        post("{\"user\":\"zimmer7\",\"action\":{\"id\":\"forget.confirm\",\"value\":\"yes\"}}");
        assertThat(get(url + "?user=zimmer7").statusCode()).isEqualTo(404);
        List<JsonNode> left = messages("zimmer7", 0);
        assertThat(left).as("the confirmation, read once").singleElement().satisfies(m ->
                assertThat(m.toString()).contains("your personal data is erased"));
        assertThat(messages("zimmer7", 0)).as("and not kept").isEmpty();

        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        List<String> hits = new ArrayList<>();
        for (String collection : db.listCollectionNames()) {
            for (Document d : db.getCollection(collection).find()) {
                String s = d.toJson();
                if (s.contains("Zimmerbrook") || s.contains("Zimmer-secret") || s.contains("Europe/Berlin")
                        || s.contains("zimmer7")) {
                    hits.add(collection + ": " + s);
                }
            }
        }
        assertThat(hits).isEmpty();
        assertThat(text(messages("coordinator", 0))).doesNotContain("Zimmerbrook");
    }

    private static List<JsonNode> messages(String user, long after) {
        RunningApp.Reply r = app.get("/api/webchat/outbox?user=" + user + "&after=" + after);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().at("/messages").forEach(out::add);
        return out;
    }

    private static JsonNode findBlock(List<JsonNode> messages, String type) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (JsonNode b : messages.get(i).at("/blocks")) {
                if (b.at("/type").asString().equals(type)) {
                    return b;
                }
            }
        }
        throw new AssertionError("no " + type + " block in " + messages);
    }

    private static void post(String body) {
        assertThat(app.post("/api/webchat/inbound", body).status()).as(body).isEqualTo(202);
    }

    private static long last(String user) {
        List<JsonNode> all = messages(user, 0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).at("/seq").asLong();
    }

    private static String text(List<JsonNode> messages) {
        return messages.toString();
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

package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Files on Teams: an export in the admin channel and a person's data in their personal chat arrive as a card with a
 * download link; the link serves the file, an unknown one answers 404. The real app and SDK, a Bot Connector stub.
 */
class TeamsFilesIT {

    static final String TENANT = BotConnectorStub.TENANT;
    static final String ADMIN = "19:admin@thread.tacv2";
    static final String PUBLIC = "https://tandem.example.com";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=aad-carol", "tandem.teams.files.base-url=" + PUBLIC + "/",
                "tandem.scheduler.enabled=false");
        int mark = teams.mark();
        ObjectNode here = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(here, "admin here");
        post(here);
        teams.awaitTo(ADMIN, mark, "now the admin channel");
        ObjectNode create = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(create, "program create");
        post(create);
        BotConnectorStub.Call form = teams.awaitTo(ADMIN, mark, "New programme");
        ObjectNode save = teams.activity("carol", "Carol", ADMIN, "channel");
        ObjectNode value = (ObjectNode) form.action("Save").at("/data").deepCopy();
        Forms.program("Leadership").forEach((k, v) -> value.put(k, v instanceof java.util.List<?> l
                ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        save.set("value", value);
        post(save);
        teams.awaitTo(ADMIN, mark, "Programme **Leadership** created");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    void anExportIsADownloadLinkInTheAdminChannel() {
        int mark = teams.mark();
        ObjectNode export = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(export, "export");
        post(export);
        BotConnectorStub.Call card = teams.awaitTo(ADMIN, mark, "Export of");
        String url = link(card, "Download tandem-leadership-");
        assertThat(url).startsWith(PUBLIC + "/api/teams/files/");
        HttpResponse<String> csv = get(url.substring(PUBLIC.length()));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(csv.body()).contains("Programme,Person");
        assertThat(get("/api/teams/files/0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(404);
        assertThat(get("/api/teams/files/not-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void aReportsChartsAreImagesInTheirCardsThatTheLinkServesAsPng() throws Exception {
        int mark = teams.mark();
        ObjectNode report = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(report, "report Leadership");
        post(report);
        teams.awaitTo(ADMIN, mark, "Results of Leadership");
        // the first card with a picture: the funnel's (the summary before it has none)
        BotConnectorStub.Call funnel = teams.await(mark, c -> ADMIN.equals(c.conversation()) && c.card() != null
                && c.card().toString().contains("\"Image\""));
        assertThat(funnel.text()).contains("How far people came");
        String image = null;
        for (var b : funnel.card().at("/body")) {
            if (b.at("/type").asString().equals("Image")) {
                image = b.at("/url").asString();
                assertThat(b.at("/altText").asString()).contains("How far people came");
            }
        }
        assertThat(image).as("an Image in " + funnel.card()).startsWith(PUBLIC + "/api/teams/files/");
        assertThat(link(funnel, "Download report-leadership-")).isEqualTo(image);
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.base() + image.substring(PUBLIC.length()))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(picture.getWidth()).isEqualTo(800);
        assertThat(picture.getHeight()).isEqualTo(450);
        assertThat(funnel.card().toString().length()).as("a card far under Teams' 28 KB").isLessThan(28_000);
        teams.awaitTo(ADMIN, mark, "Objectives at the close");
    }

    @Test
    void aPersonsDataIsADownloadLinkInTheirPersonalChat() {
        int mark = teams.mark();
        post(teams.text("alice", "Alice", "my-data"));
        BotConnectorStub.Call card = teams.awaitTo("a:alice", mark, "everything I store about you");
        String url = link(card, "Download tandem-my-data-");
        HttpResponse<String> json = get(url.substring(PUBLIC.length()));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"displayName\": \"Alice\"");
    }

    private static String link(BotConnectorStub.Call card, String titleStart) {
        for (var b : card.card().at("/body")) {
            for (var a : b.at("/actions")) {
                if (a.at("/type").asString().equals("Action.OpenUrl") && a.at("/title").asString().startsWith(titleStart)) {
                    return a.at("/url").asString();
                }
            }
        }
        throw new AssertionError("no download link in " + card.card());
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
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

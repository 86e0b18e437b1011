package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.TestMongo;

/**
 * Files go to Slack with the real SDK's {@code files.uploadV2} (get an upload URL, upload, complete in the
 * channel), against a local stand-in for the Web API: a person's file lands in their DM, an export in the admin
 * channel, each after its message.
 */
class SlackFilesTest {

    private HttpServer server;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<String, String>> params = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<byte[]> uploads = Collections.synchronizedList(new ArrayList<>());
    private SlackMessenger messenger;

    @BeforeEach
    void stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/api/", ex -> {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            calls.add(method);
            params.put(method, form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String body = switch (method) {
                case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D42\"}}";
                case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"D42\",\"ts\":\"1.1\"}";
                case "files.getUploadURLExternal" -> "{\"ok\":true,\"file_id\":\"F1\",\"upload_url\":\"" + base
                        + "/upload/F1\"}";
                case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            };
            reply(ex, body);
        });
        server.createContext("/upload/", ex -> {
            calls.add("upload");
            uploads.add(ex.getRequestBody().readAllBytes());
            reply(ex, "OK");
        });
        server.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(base + "/api/");
        WebApi api = new WebApi(Slack.getInstance(config), t -> Optional.of("xoxb-test"), d -> { });
        MongoDatabase db = TestMongo.freshDatabase();
        SlackStores stores = new SlackStores(new PendingForms(db, Clock.systemUTC()),
                new Undelivered(db, Clock.systemUTC()), new AdminChannels(db, "C0ADMIN"),
                new Installations(db, Clock.systemUTC(), TokenCipher.NONE));
        messenger = new SlackMessenger(api, stores, p -> Locale.ENGLISH, t -> Messenger.Presence.UNKNOWN,
                new ResponseUrls(Slack.getInstance(config), base + "/api/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static final FileAttachment CSV = new FileAttachment("tandem-leadership-2026-03-02.csv", "text/csv",
            "Programme,Person\r\nLeadership,Alice\r\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void aPersonsFileLandsInTheirDirectMessageAfterTheMessage() {
        messenger.sendFile(Address.person(new PersonRef("slack", "T1", "U7")), CSV, Message.text(Rich.markup("Your data")));
        assertThat(calls).containsSubsequence("chat.postMessage", "conversations.open", "files.getUploadURLExternal",
                "upload", "files.completeUploadExternal");
        assertThat(params.get("conversations.open")).containsEntry("users", "U7");
        assertThat(params.get("files.getUploadURLExternal")).containsEntry("filename", CSV.name())
                .containsEntry("length", Integer.toString(CSV.size()));
        assertThat(params.get("files.completeUploadExternal")).containsEntry("channel_id", "D42");
        assertThat(String.join("", uploads.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList()))
                .contains("Leadership,Alice");
    }

    @Test
    void anExportLandsInTheAdminChannel() {
        messenger.sendFile(Address.admin(new Scope("slack", "T1")), CSV, Message.text(Rich.markup("Export")));
        assertThat(params.get("chat.postMessage")).containsEntry("channel", "C0ADMIN");
        assertThat(params.get("files.completeUploadExternal")).containsEntry("channel_id", "C0ADMIN");
        assertThat(calls).doesNotContain("conversations.open");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }
}

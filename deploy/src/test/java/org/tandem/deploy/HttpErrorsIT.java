package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error answers JSON, never an HTML page, and input is never a 500: requests that Tomcat refuses before
 * Spring sees them (sent over a raw socket, since an HTTP client would clean them up), and Spring's own error
 * paths.
 */
class HttpErrorsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A raw HTTP/1.1 exchange: status, headers (lower-case names) and body. */
    record Raw(int status, String head, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an encoded slash in the path      | GET /api/webchat/files/a%2Fb?user=ann HTTP/1.1",
        "an encoded NUL in the path        | GET /api/webchat/files/a%00b?user=ann HTTP/1.1",
        "a bad percent-encoding            | GET /api/webchat/%zz HTTP/1.1",
        "a path that climbs out            | GET /../../etc/passwd HTTP/1.1",
        "a control character in the target | GET /a\u0001b HTTP/1.1",
        "a malformed request line          | GET / HTTP/1.1 x",
    })
    void aRequestTomcatRefusesGetsAJsonError(String what, String requestLine) {
        Raw r = raw(requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertJsonError(what, r, 400);
    }

    @Test
    void eachRefusalIsOneLineInTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        root.setLevel(Level.INFO);
        try {
            raw("GET /a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        } finally {
            root.setLevel(before);
            root.detachAppender(log);
        }
        assertThat(log.list).as("%s", log.list).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLoggerName()).endsWith("JsonErrorReportValve");
            assertThat(e.getThrowableProxy()).isNull();
            assertThat(e.getFormattedMessage()).doesNotContain("\n");
        });
    }

    @Test
    void aHugeUrlOrHeaderGetsAJsonError() {
        assertJsonError("huge URL", raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"), 400);
        assertJsonError("huge header", raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an unknown route                 | GET    | /nope                  | text/html        | | 404",
        "an unknown API route             | GET    | /api/webchat/nope      | application/json | | 404",
        "a wrong method                   | DELETE | /api/webchat/inbound   | text/html        | | 405",
        "a wrong method on the page       | POST   | /                      | text/html        | | 405",
        "an unsupported media type        | POST   | /api/webchat/inbound   | application/json | text/plain | 415",
        "a page asked for in XML          | GET    | /                      | application/xml  | | 406",
        "a missing static resource        | GET    | /webchat/nope.js       | */*              | | 404",
    })
    void springsErrorPathsAnswerJson(String what, String method, String path, String accept, String contentType,
                                     int status) {
        String body = "{\"user\":\"ann\",\"text\":\"help\"}";
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: "
                + accept + "\r\nConnection: close\r\n");
        if (contentType != null) {
            req.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ")
                    .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
        } else {
            req.append("\r\n");
        }
        assertJsonError(what, raw(req.toString()), status);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        assertJsonError("malformed JSON", raw(post("/api/dev/clock", "{\"advance\":")), 400);
        // bytes that are not UTF-8 at all
        assertJsonError("not UTF-8", raw(post("/api/webchat/inbound", "{\"user\":\"ann\",\"text\":\"\u00c3(\"}")),
                400);
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void theHealthEndpointStillAnswers() {
        assertThat(app.management("/actuator/health").status()).isEqualTo(200);
    }

    private static void assertJsonError(String what, Raw r, int status) {
        assertThat(r.status()).as(what + ": " + r.head() + r.body()).isEqualTo(status);
        assertThat(r.head().toLowerCase(Locale.ROOT)).as(what).contains("content-type: application/json");
        assertThat(r.body()).as(what).doesNotContainIgnoringCase("<html");
        assertThat(r.json().at("/error").asString()).as(what + ": " + r.body()).isNotBlank();
    }

    /** Sends the bytes as they are, and reads the whole answer (the server closes the connection). */
    static Raw raw(String request) {
        URI base = URI.create(app.base());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            // one byte, one char, so that chunk sizes (in bytes) count right; the body is decoded at the end
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            int status = head.isEmpty() ? -1 : Integer.parseInt(head.split(" ")[1]);
            return new Raw(status, head, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}

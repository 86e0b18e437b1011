package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** The real application on a random port, started and stopped by a test, talked to over real HTTP. */
final class RunningApp implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String management;

    RunningApp(Path dataFile, String... properties) {
        // the management port random too, so that tests (and two replicas) never meet on 8081
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--tandem.mongodb.data-file=" + dataFile));
        for (String p : properties) {
            args.add("--" + p);
        }
        if (args.stream().noneMatch(a -> a.startsWith("--tandem.mongodb.uri="))) {
            // the embedded database, whatever the environment says, unless the caller names a server
            args.add("--tandem.mongodb.uri=");
        }
        if (args.stream().noneMatch(a -> a.startsWith("--tandem.demo.seed="))) {
            // tests start from an empty workspace unless they ask for the demo
            args.add("--tandem.demo.seed=false");
        }
        this.context = new SpringApplicationBuilder(TandemApplication.class).run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = "http://127.0.0.1:" + port;
        this.management = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port");
    }

    /** {@code http://127.0.0.1:<management port>}: Actuator's health and meters. */
    String managementBase() {
        return management;
    }

    /** A GET on the management port, e.g. {@code /actuator/health}. */
    Reply management(String path) {
        return send(HttpRequest.newBuilder(URI.create(management + path)).GET().build());
    }

    /** {@code http://127.0.0.1:<port>}. */
    String base() {
        return base;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** The application's database, to look at what it stored. */
    MongoDatabase db() {
        return context.getBean(MongoDatabase.class);
    }

    /** Posts a Teams activity to {@code /api/messages}, which must take it (200). */
    void activity(ObjectNode activity) {
        Reply r = post("/api/messages", activity.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Waits a moment (for what the application does after it answered). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response: status and body. */
    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST with extra headers, given as name, value, name, value… */
    Reply post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

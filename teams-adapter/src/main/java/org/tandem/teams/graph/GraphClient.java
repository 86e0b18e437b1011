package org.tandem.teams.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.meetings.OnlineCalendar.Unavailable;
import org.tandem.core.meetings.OnlineCalendar.Unavailable.Reason;

/**
 * One call to Graph as the app: with its token (fetched anew once when Graph answers 401), times in UTC and ids that
 * do not change when an event moves ({@code Prefer} headers), a 429 waited out as its {@code Retry-After} says at
 * most {@value #RETRIES} times and {@link #MOST_WAIT} in all. What Graph refuses is an {@link Unavailable}: 401 again
 * or 403 is {@code FORBIDDEN}, 429 beyond that {@code THROTTLED}, anything else (404, 5xx, the network)
 * {@code FAILED}. Messages and logs name the call and Graph's error code, never a token, a body or an address.
 */
final class GraphClient {

    static final int RETRIES = 2;
    static final Duration MOST_WAIT = Duration.ofSeconds(10);
    /** The wait after a 429 that says no {@code Retry-After} (or one in a form other than seconds). */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(GraphClient.class);

    /** How the client waits out a 429 (tests record the waits instead). */
    interface Pause {
        Pause SLEEP = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final GraphTokens tokens;
    private final String api;
    private final Duration timeout;
    private final Pause pause;

    GraphClient(HttpClient http, GraphTokens tokens, GraphProperties properties, Pause pause) {
        this.http = http;
        this.tokens = tokens;
        this.api = properties.apiUrl();
        this.timeout = properties.timeout();
        this.pause = pause;
    }

    JsonNode get(String what, String path) throws Unavailable {
        return send(what, "GET", path, null, false);
    }

    /** A GET of something that may not exist: Graph's 404 is an answer (none), not a failure. */
    Optional<JsonNode> find(String what, String path) throws Unavailable {
        return Optional.ofNullable(send(what, "GET", path, null, true));
    }

    JsonNode post(String what, String path, JsonNode body) throws Unavailable {
        return send(what, "POST", path, body, false);
    }

    JsonNode patch(String what, String path, JsonNode body) throws Unavailable {
        return send(what, "PATCH", path, body, false);
    }

    /** An id as one segment of a path (event ids may hold '/', '+' and '='). */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A body as JSON; an empty or unreadable one as an empty object. */
    static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            JsonNode tree = JSON.readTree(body);
            return tree == null ? object() : tree;
        } catch (JsonProcessingException e) {
            return object();
        }
    }

    /** An error code as Graph or the identity platform gives it, fit for a log line. */
    static String safe(String code) {
        String s = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** {@code absent}: a 404 answers null. */
    private JsonNode send(String what, String method, String path, JsonNode body, boolean absent)
            throws Unavailable {
        boolean renewed = false;
        int throttled = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            String token = tokens.current();
            HttpResponse<String> r = exchange(what, method, path, body, token);
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                return json(r.body());
            }
            if (status == 404 && absent) {
                return null;
            }
            if (status == 401 && !renewed) {
                tokens.refused(token);
                renewed = true;
                continue;
            }
            String code = safe(json(r.body()).path("error").path("code").asText(""));
            if (status == 429) {
                Duration wait = retryAfter(r);
                if (throttled == RETRIES || waited.plus(wait).compareTo(MOST_WAIT) > 0) {
                    throw refused(Reason.THROTTLED, what, status, code);
                }
                throttled++;
                waited = waited.plus(wait);
                await(what, wait);
                continue;
            }
            throw refused(status == 401 || status == 403 ? Reason.FORBIDDEN : Reason.FAILED, what, status, code);
        }
    }

    private HttpResponse<String> exchange(String what, String method, String path, JsonNode body, String token)
            throws Unavailable {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Prefer", "outlook.timezone=\"UTC\"").header("Prefer", "IdType=\"ImmutableId\"");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("Microsoft Graph did not answer {}: {}", what, e.getClass().getSimpleName());
            throw new Unavailable(Reason.FAILED, "Graph did not answer " + what + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Reason.FAILED, "interrupted during " + what);
        }
    }

    private void await(String what, Duration wait) throws Unavailable {
        log.info("Microsoft Graph throttles {}: trying again in {} ms", what, wait.toMillis());
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Reason.FAILED, "interrupted while waiting to retry " + what);
        }
    }

    private static Duration retryAfter(HttpResponse<String> r) {
        String value = r.headers().firstValue("Retry-After").orElse("").strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }

    private static Unavailable refused(Reason reason, String what, int status, String code) {
        String message = "Graph answered " + status + (code.isEmpty() ? "" : " " + code) + " to " + what;
        log.warn("Microsoft Graph: {} ({})", message, reason);
        return new Unavailable(reason, message);
    }
}

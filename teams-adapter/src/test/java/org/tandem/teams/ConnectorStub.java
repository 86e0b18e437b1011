package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.testing.RateLimits;

/**
 * A small stand-in for Microsoft's Bot Connector, for the adapter's own tests over real HTTP: it keeps what each
 * conversation shows (a POST adds an activity, a reply too, a PUT replaces one it has and answers 404 for one it has
 * not), and can be told to answer 503 to every send, to fail the next updates with a status (a 429 with its
 * Retry-After), or that a person deleted an activity. It can also keep Teams' limits on sends ({@link #limit}), and
 * fail the next sends with a status. The application's tests use a fuller one.
 */
final class ConnectorStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(?:/([^/]+))?");

    /** One activity as the conversation shows it now. */
    record Shown(String conversation, String id, JsonNode body) {
        /** Every TextBlock's text, one per line. */
        String text() {
            List<String> lines = new ArrayList<>();
            body.at("/attachments/0/content/body").forEach(b -> {
                if (b.path("type").asText().equals("TextBlock")) {
                    lines.add(b.path("text").asText());
                }
            });
            return String.join("\n", lines);
        }

        /** Whether anything on the card can be acted on (an input, an action other than a link). */
        boolean actionable() {
            for (JsonNode b : body.at("/attachments/0/content/body")) {
                if (b.path("type").asText().startsWith("Input.")) {
                    return true;
                }
                for (JsonNode a : b.path("actions")) {
                    if (!a.path("type").asText().equals("Action.OpenUrl")) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** One send (a POST of an activity) as the stub answered it, with when (System.nanoTime()). */
    record Call(String conversation, int status, long at) {}

    private final HttpServer server;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    private final List<Shown> posted = new ArrayList<>();
    private final List<String> puts = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean refusing;
    private final Deque<Integer> failUpdates = new ConcurrentLinkedDeque<>();
    private volatile String retryAfter = "0";
    private final Deque<Integer> failSends = new ConcurrentLinkedDeque<>();
    private volatile String sendRetryAfter = "0";
    private volatile RateLimits limits;
    private final List<Call> calls = new ArrayList<>();

    ConnectorStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v3/conversations", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every send answers 503 from now on (or no longer). */
    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** The next updates (PUT) answer these statuses, in order; a 429 says {@code Retry-After: retryAfter}. */
    void failNextUpdates(String retryAfter, Integer... statuses) {
        this.retryAfter = retryAfter;
        failUpdates.addAll(List.of(statuses));
    }

    /**
     * From now on, a send over Teams' limits (so many a second to the tenant — the stub serves one, so every send
     * counts — and 7 a second to one conversation, each with a burst) is answered 429 with {@code Retry-After: 1},
     * and counted.
     */
    RateLimits limit(int perSecond, int burst, int conversationBurst) {
        limits = new RateLimits(perSecond, Duration.ofSeconds(1), burst, 7, Duration.ofSeconds(1), conversationBurst);
        return limits;
    }

    /** The next sends (POST) answer these statuses, in order; a 429 says {@code Retry-After: retryAfter}. */
    void failNextSends(String retryAfter, Integer... statuses) {
        this.sendRetryAfter = retryAfter;
        failSends.addAll(List.of(statuses));
    }

    /** Every send so far, as answered, oldest first. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The activity is gone (a person deleted it): a PUT of it answers 404 from now on. */
    void delete(String conversation, String id) {
        shown.remove(conversation + "/" + id);
    }

    /** What a conversation received, oldest first (replies included), as each shows now. */
    synchronized List<Shown> posted(String conversation) {
        return posted.stream().filter(p -> p.conversation().equals(conversation)).map(p -> shown.get(key(p)))
                .toList();
    }

    Optional<Shown> shown(String conversation, String id) {
        return Optional.ofNullable(shown.get(conversation + "/" + id));
    }

    private int failedUpdates;

    /** How many updates were answered with a stubbed failure. */
    synchronized int failedUpdates() {
        return failedUpdates;
    }

    /** The activities replaced, as {@code conversation/id}. */
    synchronized List<String> puts() {
        return List.copyOf(puts);
    }

    private synchronized void record(String conversation, int status) {
        calls.add(new Call(conversation, status, System.nanoTime()));
    }

    private static String key(Shown s) {
        return s.conversation() + "/" + s.id();
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        byte[] raw = x.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        Matcher m = ACTIVITIES.matcher(path);
        int status = 200;
        String answer;
        if (m.matches()) {
            // a channel's thread is part of its conversation
            String conversation = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).split(";messageid=")[0];
            if (refusing) {
                status = 503;
                answer = "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"stubbed 503\"}}";
            } else if (x.getRequestMethod().equals("PUT") && !failUpdates.isEmpty()) {
                status = failUpdates.poll();
                if (status == 429) {
                    x.getResponseHeaders().add("Retry-After", retryAfter);
                }
                synchronized (this) {
                    failedUpdates++;
                }
                answer = "{\"error\":{\"code\":\"Stubbed\",\"message\":\"stubbed " + status + "\"}}";
            } else if (x.getRequestMethod().equals("PUT")) {
                String id = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
                if (shown.replace(conversation + "/" + id, new Shown(conversation, id, body)) == null) {
                    status = 404;
                    answer = "{\"error\":{\"code\":\"ActivityNotFoundInConversation\",\"message\":\"Unknown activity\"}}";
                } else {
                    synchronized (this) {
                        puts.add(conversation + "/" + id);
                    }
                    answer = "{\"id\":\"" + id + "\"}";
                }
            } else if (x.getRequestMethod().equals("POST") && !failSends.isEmpty()) {
                status = failSends.poll();
                if (status == 429) {
                    x.getResponseHeaders().add("Retry-After", sendRetryAfter);
                }
                answer = "{\"error\":{\"code\":\"Stubbed\",\"message\":\"stubbed " + status + "\"}}";
                record(conversation, status);
            } else if (x.getRequestMethod().equals("POST") && limits != null && limits.retryAfter(conversation) > 0) {
                status = 429;
                x.getResponseHeaders().add("Retry-After", "1");
                answer = "{\"error\":{\"code\":\"Throttled\",\"message\":\"over the tenant's rate\"}}";
                record(conversation, status);
            } else {
                String id = "act-" + ids.incrementAndGet();
                record(conversation, 200);
                Shown s = new Shown(conversation, id, body);
                shown.put(key(s), s);
                synchronized (this) {
                    posted.add(s);
                }
                answer = "{\"id\":\"" + id + "\"}";
            }
        } else if (path.equals("/v3/conversations") && x.getRequestMethod().equals("POST")) {
            answer = "{\"id\":\"a:opened-" + ids.incrementAndGet() + "\"}";
        } else {
            status = 404;
            answer = "{\"error\":{\"code\":\"NotFound\"}}";
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

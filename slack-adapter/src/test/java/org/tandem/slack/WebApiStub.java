package org.tandem.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.tandem.core.testing.RateLimits;

/**
 * Slack's Web API on 127.0.0.1, for the messenger's tests: answers as Slack does, or with a scripted failure (an HTTP
 * status, or an error in an HTTP 200 answer), and records every call. It keeps what was posted, as Slack shows it:
 * {@code chat.postMessage} to a user id lands in their DM ({@code D…}), {@code chat.update} changes a message it
 * has ({@code message_not_found} otherwise), {@code views.open} / {@code views.update} keep a modal until it is
 * closed ({@code not_found} after); files are taken and forgotten; what is posted to a response URL
 * ({@link #hook}) is kept as it came. An {@code ok} answer is of workspace T1; {@code ok@T2} is of another.
 */
final class WebApiStub implements AutoCloseable {

    /**
     * One call: its channel, text and blocks, the HTTP status it got, whether Slack took it, method and ts, and when
     * it came (System.nanoTime).
     */
    record Call(String channel, String text, String blocks, int status, boolean ok, String method, String ts,
                long at) {
        Call(String channel, String text, String blocks, int status, boolean ok, String method, String ts) {
            this(channel, text, blocks, status, ok, method, ts, System.nanoTime());
        }
    }


    /** What Slack shows for a message or a view now. */
    record Shown(String text, String blocks) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<String> script = new ArrayDeque<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, Shown> messages = new ConcurrentHashMap<>();
    private final Map<String, Shown> views = new ConcurrentHashMap<>();
    private final List<JsonObject> hooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile String otherwise = "ok";
    private volatile long delayMillis;
    private volatile RateLimits limits;

    WebApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.createContext("/upload/", ex -> {
            ex.getRequestBody().readAllBytes();
            send(ex, 200, "OK");
        });
        server.createContext("/hooks/", ex -> {
            hooks.add(JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject());
            send(ex, 200, "ok");
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A {@code response_url} that comes back here (the API's origin, which Tandem accepts). */
    String hook(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /** What was posted to the response URLs, in order. */
    List<JsonObject> hooked() {
        return List.copyOf(hooks);
    }

    /**
     * How the next calls are answered, one each, before {@link #otherwise}: {@code ok}, an HTTP status such as
     * {@code 500}, {@code 429:30} (with Retry-After), or a Slack error such as {@code channel_not_found}.
     */
    synchronized void next(String... answers) {
        script.addAll(List.of(answers));
    }

    /** How every call is answered once the script is used up. */
    void otherwise(String answer) {
        otherwise = answer;
    }

    /** Every call of {@code method} is answered {@code ok:false} with this error (HTTP 200), as Slack refuses. */
    void error(String method, String error) {
        errors.put(method, error);
    }

    /**
     * From now on, a message over Slack's limits (so many a minute to the workspace, one a second to a channel, each
     * with a burst) is answered 429 with the Retry-After of its next token, and counted.
     */
    RateLimits limit(int perMinute, int burst, int channelBurst) {
        limits = new RateLimits(perMinute, Duration.ofMinutes(1), burst, 1, Duration.ofSeconds(1), channelBurst);
        return limits;
    }

    /** Each answer waits this long (so that two callers overlap). */
    void delay(long millis) {
        delayMillis = millis;
    }

    /** The person closed a modal: Slack cannot update it any more. */
    void closeView(String id) {
        views.remove(id);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> delivered() {
        return calls.stream().filter(Call::ok).toList();
    }

    /** The messages Slack took for a channel (a user id: their DM), oldest first. */
    List<Call> posted(String channel) {
        return delivered().stream().filter(c -> c.method().equals("chat.postMessage")
                && channel.equals(c.channel())).toList();
    }

    /** What a message shows now ({@code channel} as Slack answered it: {@code D…} for a DM). */
    Optional<Shown> message(String channel, String ts) {
        return Optional.ofNullable(messages.get(channel + "/" + ts));
    }

    Optional<Shown> view(String id) {
        return Optional.ofNullable(views.get(id));
    }

    private synchronized String answer() {
        String next = script.poll();
        return next != null ? next : otherwise;
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> p = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String answer = errors.getOrDefault(method, answer());
        RateLimits l = limits;
        if (l != null && method.equals("chat.postMessage") && answer.startsWith("ok")) {
            long wait = l.retryAfter(String.valueOf(p.get("channel")));
            if (wait > 0) {
                answer = "429:" + wait;
            }
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (answer.matches("\\d{3}(:\\d+)?")) {
            String[] status = answer.split(":");
            calls.add(new Call(p.get("channel"), p.get("text"), p.get("blocks"), Integer.parseInt(status[0]), false,
                    method, p.get("ts")));
            if (status.length > 1) {
                ex.getResponseHeaders().add("Retry-After", status[1]);
            }
            send(ex, Integer.parseInt(status[0]), "{\"ok\":false,\"error\":\"stubbed\"}");
            return;
        }
        boolean ok = answer.equals("ok") || answer.startsWith("ok@");
        String team = answer.startsWith("ok@") ? answer.substring(3) : "T1";
        JsonObject body = ok ? ok(method, p, team) : refusal(answer);
        boolean took = body.get("ok").getAsBoolean();
        String ts = body.has("ts") ? body.get("ts").getAsString() : p.get("ts");
        calls.add(new Call(p.get("channel"), p.get("text"), p.get("blocks"), 200, took, method, ts));
        send(ex, 200, body.toString());
    }

    /** Slack's answer when it takes the call (or, for a message or view it has not, its refusal). */
    private JsonObject ok(String method, Map<String, String> p, String team) {
        JsonObject r = new JsonObject();
        r.addProperty("ok", true);
        String channel = p.get("channel");
        switch (method) {
            case "chat.postMessage" -> {
                String dm = channel != null && channel.startsWith("U") ? "D" + channel.substring(1) : channel;
                String ts = "1700000000." + String.format("%06d", seq.incrementAndGet());
                messages.put(dm + "/" + ts, new Shown(p.get("text"), p.get("blocks")));
                r.addProperty("channel", dm);
                r.addProperty("ts", ts);
            }
            case "chat.update" -> {
                if (messages.replace(channel + "/" + p.get("ts"), new Shown(p.get("text"), p.get("blocks"))) == null) {
                    return refusal("message_not_found");
                }
                r.addProperty("channel", channel);
                r.addProperty("ts", p.get("ts"));
            }
            case "chat.postEphemeral" -> r.addProperty("message_ts", "1700000000."
                    + String.format("%06d", seq.incrementAndGet()));
            case "files.getUploadURLExternal" -> {
                r.addProperty("file_id", "F" + seq.incrementAndGet());
                r.addProperty("upload_url", url().replace("/api/", "/upload/") + r.get("file_id").getAsString());
            }
            case "files.completeUploadExternal" -> r.add("files", new JsonArray());
            case "conversations.open" -> {
                JsonObject c = new JsonObject();
                String users = p.getOrDefault("users", "");
                c.addProperty("id", users.contains(",") ? "G" + Math.abs(users.hashCode()) : "D" + users.substring(1));
                r.add("channel", c);
            }
            case "views.open", "views.publish", "views.update" -> {
                String id = method.equals("views.update") ? p.get("view_id") : "V" + seq.incrementAndGet();
                if (method.equals("views.update") && !views.containsKey(id)) {
                    return refusal("not_found");
                }
                views.put(id, new Shown(null, p.get("view")));
                JsonObject v = new JsonObject();
                v.addProperty("id", id);
                r.add("view", v);
            }
            default -> {
                r.addProperty("channel", channel);
                r.addProperty("ts", "1700000000." + seq.incrementAndGet());
                r.addProperty("team_id", team);
                r.addProperty("user_id", "UBOT");
            }
        }
        return r;
    }

    private static JsonObject refusal(String error) {
        JsonObject r = new JsonObject();
        r.addProperty("ok", false);
        r.addProperty("error", error);
        return r;
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

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package org.tandem.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.tandem.core.testing.RateLimits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Slack's Web API: answers the methods Tandem calls the way Slack does, records every call
 * (method, token, parameters, time, answer), keeps what each posted message shows after its {@code chat.update}s,
 * and can answer the next call of a method with HTTP 429 + Retry-After, or every message to a channel with an error
 * status until it heals.
 * Real HTTP on 127.0.0.1; the app reaches it through {@code tandem.slack.api-url}.
 */
final class SlackApiStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One call as received, and how it was answered: an HTTP status, Slack's error when it said {@code ok:false},
     * and the answer it took (where a message landed: {@code channel} and {@code ts}).
     */
    record Call(String method, String token, Map<String, String> params, Instant at, int status, String error,
                JsonNode answer) {

        Call(String method, String token, Map<String, String> params, Instant at, int status) {
            this(method, token, params, at, status, null, null);
        }

        Call(String method, String token, Map<String, String> params, Instant at, int status, String error) {
            this(method, token, params, at, status, error, null);
        }

        /** Slack took it. */
        boolean ok() {
            return status == 200 && error == null;
        }

        JsonNode json(String param) {
            return JSON.readTree(params.get(param));
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Long> slowed = new ConcurrentHashMap<>();
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, String> teamOfToken = new ConcurrentHashMap<>();
    private final Map<String, String> revoked = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> channels = new ConcurrentHashMap<>();
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();
    private volatile int hookStatus = 200;
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final Map<String, String> shown = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile String socketUrl;
    private final Map<String, String> uploadNames = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private volatile RateLimits limits;

    /**
     * A file shared with {@code files.uploadV2} as the SDK does it: an upload URL asked for its name
     * ({@code files.getUploadURLExternal}), the bytes sent there, then completed into a channel
     * ({@code files.completeUploadExternal}).
     */
    record Upload(String fileId, String filename, String channel, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    SlackApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.createContext("/hooks/", this::hook);
        server.createContext("/upload/", this::upload);
        server.start();
    }

    /** A command's {@code response_url} that comes back here (same origin as the API, which Tandem accepts). */
    String hooks() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/commands/T1/1/x";
    }

    /** The base URL to give as {@code tandem.slack.api-url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A person {@code users.info} knows. */
    void user(String id, String displayName, String locale, String tz) {
        user(id, displayName, locale, tz, null);
    }

    /** The same, with the work address Slack shows an app with {@code users:read.email} (null: none). */
    void user(String id, String displayName, String locale, String tz, String email) {
        ObjectNode u = JSON.createObjectNode().put("id", id).put("name", id.toLowerCase()).put("real_name", displayName)
                .put("tz", tz).put("locale", locale);
        ObjectNode profile = u.putObject("profile").put("display_name", displayName).put("real_name", displayName);
        if (email != null) {
            profile.put("email", email);
        }
        users.put(id, u);
    }

    /** Which workspace a token belongs to ({@code auth.test}); unknown tokens are of T1. */
    void token(String token, String team) {
        teamOfToken.put(token, team);
    }

    /** A conversation as {@code conversations.info} describes it to Tandem (unknown ones: {@code channel_not_found}). */
    void channel(String id, boolean isPrivate, boolean tandemIsMember, boolean sharedWithAnotherOrg, String... people) {
        channels.put(id, JSON.createObjectNode().put("id", id).put("is_channel", true).put("is_private", isPrivate)
                .put("is_member", tandemIsMember).put("is_ext_shared", sharedWithAnotherOrg).put("is_im", false)
                .put("is_mpim", false));
        members.put(id, List.of(people));
    }

    /** Every {@code method} call about {@code channel} is answered {@code ok:false} with this error (HTTP 200). */
    void error(String method, String channel, String error) {
        errors.put(method + "|" + channel, error);
    }

    /** How the {@code response_url} answers (Slack: 200, or 404 once it expired). */
    void hookStatus(int status) {
        this.hookStatus = status;
    }

    /** Every call with this token is refused as Slack refuses a revoked one ({@code token_revoked}). */
    void revoke(String token) {
        revoked.put(token, "token_revoked");
    }

    /** Every call of {@code method} is answered with this HTTP status until {@link #heal} of the method. */
    void failing(String method, int status) {
        failing.put(method, status);
    }

    /**
     * From now on, a {@code chat.postMessage} over these limits (Slack's: so many a minute to the workspace, one a
     * second to a channel, each with a burst) is answered 429 with the Retry-After of its next token, and counted.
     */
    RateLimits limit(int perMinute, int burst, int channelBurst) {
        limits = new RateLimits(perMinute, Duration.ofMinutes(1), burst, 1, Duration.ofSeconds(1), channelBurst);
        return limits;
    }

    /** The next call of {@code method} is answered 429 with this Retry-After. */
    /** Answers every call of {@code method} only after {@code millis} (0: at once again), as a slow Slack would. */
    void slow(String method, long millis) {
        if (millis <= 0) {
            slowed.remove(method);
        } else {
            slowed.put(method, millis);
        }
    }

    void rateLimitNext(String method, int retryAfterSeconds) {
        rateLimited.put(method, retryAfterSeconds);
    }

    /** Every {@code chat.postMessage} to a channel (a user id for a DM) is answered with this status until healed. */
    void refuse(String channel, int status) {
        refused.put(channel, status);
    }

    /** Heals a channel (see {@link #refuse}) or a method (see {@link #failing}). */
    void heal(String channelOrMethod) {
        refused.remove(channelOrMethod);
        failing.remove(channelOrMethod);
    }

    /** Where {@code apps.connections.open} sends a Socket Mode client. */
    void socketModeUrl(String url) {
        this.socketUrl = url;
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    int size() {
        return calls.size();
    }

    /** Waits until a call Slack took after {@code from} matches (the work happens after Slack's ack). */
    Call await(String method, int from, Predicate<Call> match) {
        return awaitAnswered(method, from, c -> c.ok() && match.test(c));
    }

    /** Waits until a call after {@code from} matches, whatever it was answered. */
    Call awaitAnswered(String method, int from, Predicate<Call> match) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            List<Call> all = calls();
            for (int i = from; i < all.size(); i++) {
                Call c = all.get(i);
                if (c.method().equals(method) && match.test(c)) {
                    return c;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + method + " call matched after #" + from + "; calls: "
                + calls().subList(Math.min(from, calls.size()), calls.size()));
    }

    Call await(String method, int from) {
        return await(method, from, c -> true);
    }

    /** The messages posted to a channel (a user id for a DM) after {@code from}, as their blocks' JSON text. */
    List<String> posted(String channel, int from) {
        List<Call> all = calls();
        List<String> out = new ArrayList<>();
        for (int i = from; i < all.size(); i++) {
            Call c = all.get(i);
            if (c.method().equals("chat.postMessage") && c.ok() && channel.equals(c.params().get("channel"))) {
                out.add(c.params().get("blocks"));
            }
        }
        return out;
    }

    /** The files shared in a channel (a DM's {@code D…} id), in the order they were completed. */
    List<Upload> uploads(String channel) {
        return uploads.stream().filter(u -> channel.equals(u.channel())).toList();
    }

    /** The blocks a message posted here shows now, after the updates it was given ({@code channel} as answered). */
    JsonNode shown(String channel, String ts) {
        String blocks = shown.get(channel + "/" + ts);
        if (blocks == null) {
            throw new AssertionError("no message " + ts + " in " + channel);
        }
        return JSON.readTree(blocks);
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        Map<String, String> params = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (token == null) {
            token = params.get("token");
        }
        for (String json : new String[] {"blocks", "view"}) {
            // the client's Gson writes & as \u0026: read it back so that tests see the text Slack would show
            params.computeIfPresent(json, (k, v) -> JSON.readTree(v).toString());
        }
        Long slowBy = slowed.get(method);
        if (slowBy != null) {
            try {
                Thread.sleep(slowBy);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer retryAfter = rateLimited.remove(method);
        if (retryAfter != null) {
            calls.add(new Call(method, token, params, Instant.now(), 429));
            ex.getResponseHeaders().add("Retry-After", Integer.toString(retryAfter));
            send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        RateLimits l = limits;
        long throttledFor = l != null && method.equals("chat.postMessage")
                ? l.retryAfter(params.getOrDefault("channel", "")) : 0;
        if (throttledFor > 0) {
            calls.add(new Call(method, token, params, Instant.now(), 429));
            ex.getResponseHeaders().add("Retry-After", Long.toString(throttledFor));
            send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        Integer failure = failing.get(method);
        if (failure != null) {
            calls.add(new Call(method, token, params, Instant.now(), failure));
            send(ex, failure, "{\"ok\":false,\"error\":\"internal_error\"}");
            return;
        }
        if (token != null && revoked.containsKey(token)) {
            calls.add(new Call(method, token, params, Instant.now(), 200, revoked.get(token)));
            send(ex, 200, "{\"ok\":false,\"error\":\"" + revoked.get(token) + "\"}");
            return;
        }
        String error = errors.get(method + "|" + params.getOrDefault("channel", ""));
        if (error != null) {
            calls.add(new Call(method, token, params, Instant.now(), 200, error));
            send(ex, 200, "{\"ok\":false,\"error\":\"" + error + "\"}");
            return;
        }
        Integer refusal = method.equals("chat.postMessage") ? refused.get(params.getOrDefault("channel", "")) : null;
        if (refusal != null) {
            calls.add(new Call(method, token, params, Instant.now(), refusal));
            send(ex, refusal, "{\"ok\":false,\"error\":\"internal_error\"}");
            return;
        }
        ObjectNode answer = answer(method, token, params);
        calls.add(new Call(method, token, params, Instant.now(), 200, null, answer));
        send(ex, 200, answer.toString());
    }

    private ObjectNode answer(String method, String token, Map<String, String> p) {
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        String team = token == null ? "T1" : teamOfToken.getOrDefault(token, "T1");
        switch (method) {
            case "auth.test" -> ok.put("url", "https://tandem-test.slack.com/").put("team", "Tandem test")
                    .put("user", "tandem").put("team_id", team).put("user_id", "UBOT").put("bot_id", "BBOT");
            case "users.lookupByEmail" -> users.values().stream()
                    .filter(u -> p.getOrDefault("email", "").equalsIgnoreCase(u.at("/profile/email").asString("")))
                    .findFirst().ifPresentOrElse(u -> ok.set("user", u),
                            () -> ok.put("ok", false).put("error", "users_not_found"));
            case "users.info" -> ok.set("user", users.getOrDefault(p.get("user"),
                    JSON.createObjectNode().put("id", p.get("user")).put("name", p.get("user"))));
            case "chat.postMessage" -> {
                String channel = p.get("channel");
                String ts = "1700000000." + String.format("%06d", seq.incrementAndGet());
                String landed = channel.startsWith("U") ? "D" + channel.substring(1) : channel;
                ok.put("channel", landed).put("ts", ts);
                ok.putObject("message").put("ts", ts).put("text", p.getOrDefault("text", ""));
                shown.put(landed + "/" + ts, p.getOrDefault("blocks", "[]"));
            }
            case "chat.update" -> {
                ok.put("channel", p.get("channel")).put("ts", p.get("ts"));
                shown.computeIfPresent(p.get("channel") + "/" + p.get("ts"), (k, v) -> p.getOrDefault("blocks", "[]"));
            }
            case "chat.postEphemeral" -> ok.put("message_ts", "1700000000." + String.format("%06d", seq.incrementAndGet()));
            case "conversations.info" -> {
                ObjectNode c = channels.get(p.getOrDefault("channel", ""));
                if (c == null) {
                    return JSON.createObjectNode().put("ok", false).put("error", "channel_not_found");
                }
                ok.set("channel", c);
            }
            case "conversations.members" -> {
                ArrayNode list = ok.putArray("members");
                members.getOrDefault(p.getOrDefault("channel", ""), List.of()).forEach(list::add);
                ok.putObject("response_metadata").put("next_cursor", "");
            }
            // a DM with one person is D + their id, as Slack answers it; a group DM is G + a hash of its members
            case "conversations.open" -> ok.putObject("channel").put("id", p.get("users").contains(",")
                    ? "G" + Math.abs(p.get("users").hashCode()) : "D" + p.get("users").substring(1));
            case "files.getUploadURLExternal" -> {
                String id = "F" + seq.incrementAndGet();
                uploadNames.put(id, p.getOrDefault("filename", ""));
                ok.put("file_id", id).put("upload_url", url().replace("/api/", "/upload/") + id);
            }
            case "files.completeUploadExternal" -> {
                ArrayNode done = ok.putArray("files");
                for (JsonNode f : JSON.readTree(p.getOrDefault("files", "[]"))) {
                    String id = f.at("/id").asString();
                    uploads.add(new Upload(id, uploadNames.get(id), p.get("channel_id"),
                            uploaded.getOrDefault(id, new byte[0])));
                    done.addObject().put("id", id).put("title", f.at("/title").asString(""));
                }
            }
            case "views.open", "views.publish" -> ok.putObject("view").put("id", "V" + seq.incrementAndGet());
            case "oauth.v2.access" -> {
                // a code that names a workspace (T3) installs there; any other, in T2
                String installed = p.get("code").matches("T[0-9A-Z]+") ? p.get("code") : "T2";
                ok.put("app_id", "A1").put("access_token", "xoxb-installed-" + p.get("code"))
                        .put("token_type", "bot").put("scope", "chat:write,commands").put("bot_user_id", "UBOT2");
                ok.putObject("team").put("id", installed).put("name", "Workspace " + installed);
                ok.putObject("authed_user").put("id", "UINSTALLER");
                teamOfToken.put("xoxb-installed-" + p.get("code"), installed);
            }
            case "apps.connections.open" -> ok.put("url", socketUrl);
            default -> { }
        }
        return ok;
    }

    /** A POST to a response_url: recorded as method {@code response_url}, its JSON's members as parameters. */
    private void hook(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("path", ex.getRequestURI().getPath());
        body.properties().forEach(e -> params.put(e.getKey(), e.getValue().isString() ? e.getValue().asString()
                : e.getValue().toString()));
        calls.add(new Call("response_url", null, params, Instant.now(), hookStatus));
        send(ex, hookStatus, hookStatus == 200 ? "ok" : "expired_url");
    }

    /** The bytes of a file sent to its upload URL (raw, or as the one part of a multipart body). */
    private void upload(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/upload/".length());
        byte[] body = ex.getRequestBody().readAllBytes();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        uploaded.put(id, type != null && type.startsWith("multipart/") ? part(body, type) : body);
        calls.add(new Call("upload", null, Map.of("file_id", id), Instant.now(), 200));
        send(ex, 200, "OK - " + body.length);
    }

    /** The content of the first part of a multipart body. */
    private static byte[] part(byte[] body, String type) {
        String boundary = "--" + type.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n", text.indexOf(boundary)) + 4;
        int end = text.indexOf("\r\n" + boundary, start);
        return text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isBlank()) {
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
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
    }
}

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
import java.util.Locale;
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
 *
 * <p>It also knows a workspace's people and channels, when a test gives them ({@link #user}, {@link #channel}), and
 * answers the directory's methods as Slack does: {@code conversations.info / list / join / members},
 * {@code users.info / list / lookupByEmail / profile.get}, with Slack's refusals ({@code channel_not_found},
 * {@code is_archived}, {@code method_not_supported_for_channel_type}, {@code users_not_found},
 * {@code user_not_found}) and its pages ({@code limit}, {@code cursor}, {@code response_metadata.next_cursor}, at
 * most {@link #pageSize} a page). A message to a channel it knows needs Tandem in it ({@code not_in_channel} for a
 * public one, {@code channel_not_found} for a private one, {@code is_archived}). Each call's parameters are kept
 * ({@link #params}).
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

    /** A channel of the workspace: whether Tandem is in it changes when it joins. */
    static final class Channel {
        final String id;
        final String name;
        final boolean isPrivate;
        final boolean archived;
        volatile boolean member;
        final List<String> members;

        Channel(String id, String name, boolean isPrivate, boolean archived, boolean member, List<String> members) {
            this.id = id;
            this.name = name;
            this.isPrivate = isPrivate;
            this.archived = archived;
            this.member = member;
            this.members = List.copyOf(members);
        }
    }

    /** A person (or a bot) of the workspace, with their custom profile fields. */
    record User(String id, String email, String displayName, String realName, boolean bot, boolean deleted,
                Map<String, String> fields) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<String> script = new ArrayDeque<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, Shown> messages = new ConcurrentHashMap<>();
    private final Map<String, Shown> views = new ConcurrentHashMap<>();
    private final List<JsonObject> hooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<String> userOrder = new CopyOnWriteArrayList<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, Map<String, String>>> params = new CopyOnWriteArrayList<>();
    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 1000;
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
            uploads.add(ex.getRequestBody().readAllBytes());
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

    /** The workspace has this channel (in this order in {@code conversations.list}), with these members. */
    Channel channel(String id, String name, boolean isPrivate, boolean archived, boolean member, String... members) {
        Channel c = new Channel(id, name, isPrivate, archived, member, List.of(members));
        channels.put(id, c);
        order.add(id);
        return c;
    }

    /** The workspace has this person (or bot), listed in this order by {@code users.list}. */
    void user(String id, String email, String displayName, String realName, boolean bot, boolean deleted,
              Map<String, String> fields) {
        users.put(id, new User(id, email, displayName, realName, bot, deleted, Map.copyOf(fields)));
        userOrder.add(id);
    }

    /** Someone invited Tandem into a channel. */
    void invite(String channel) {
        channels.get(channel).member = true;
    }

    /** Whether Tandem is in a channel now. */
    boolean member(String channel) {
        return channels.get(channel).member;
    }

    /** Slack answers at most this many a page, whatever the {@code limit} asked (it may give fewer). */
    void pageSize(int size) {
        pageSize = size;
    }

    /** The parameters of every call of {@code method}, in order. */
    List<Map<String, String>> params(String method) {
        return params.stream().filter(e -> e.getKey().equals(method)).map(Map.Entry::getValue).toList();
    }

    /** The files' bytes as they were uploaded, in order. */
    List<byte[]> uploads() {
        return List.copyOf(uploads);
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
        params.add(Map.entry(method, p));
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
                Optional<String> notHere = notHere(channel);
                if (notHere.isPresent()) {
                    return refusal(notHere.get());
                }
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
            case "files.completeUploadExternal" -> {
                Optional<String> notHere = notHere(p.get("channel_id"));
                if (notHere.isPresent()) {
                    return refusal(notHere.get());
                }
                r.add("files", new JsonArray());
            }
            case "conversations.info" -> {
                Channel c = channels.get(String.valueOf(channel));
                if (c == null || c.isPrivate && !c.member) {
                    return refusal("channel_not_found");
                }
                r.add("channel", json(c));
            }
            case "conversations.join" -> {
                Channel c = channels.get(String.valueOf(channel));
                if (c == null) {
                    return refusal("channel_not_found");
                }
                if (c.archived) {
                    return refusal("is_archived");
                }
                if (c.isPrivate) {
                    return refusal(c.member ? "already_in_channel" : "method_not_supported_for_channel_type");
                }
                c.member = true;
                r.add("channel", json(c));
            }
            case "conversations.list" -> {
                String types = p.getOrDefault("types", "public_channel");
                boolean excludeArchived = "true".equals(p.get("exclude_archived")) || "1".equals(p.get("exclude_archived"));
                List<JsonObject> listed = order.stream().map(channels::get)
                        .filter(c -> c.isPrivate ? types.contains("private_channel") && c.member
                                : types.contains("public_channel"))
                        .filter(c -> !(excludeArchived && c.archived)).map(WebApiStub::json).toList();
                page(r, "channels", listed, p);
            }
            case "conversations.members" -> {
                Channel c = channels.get(String.valueOf(channel));
                if (c == null || c.isPrivate && !c.member) {
                    return refusal("channel_not_found");
                }
                page(r, "members", c.members, p);
            }
            case "users.lookupByEmail" -> {
                String email = p.getOrDefault("email", "");
                Optional<User> u = users.values().stream().filter(x -> x.email() != null
                        && x.email().equalsIgnoreCase(email)).findFirst();
                if (u.isEmpty()) {
                    return refusal("users_not_found");
                }
                r.add("user", json(u.get(), false));
            }
            case "users.info" -> {
                User u = users.get(String.valueOf(p.get("user")));
                if (u == null) {
                    return refusal("user_not_found");
                }
                r.add("user", json(u, false));
            }
            case "users.list" -> page(r, "members", userOrder.stream().map(id -> json(users.get(id), false)).toList(),
                    p);
            case "users.profile.get" -> {
                User u = users.get(String.valueOf(p.get("user")));
                if (u == null) {
                    return refusal("user_not_found");
                }
                r.add("profile", json(u, true).getAsJsonObject("profile"));
            }
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

    /** What Slack says to a message for a channel it knows that Tandem cannot post in; empty when it can. */
    private Optional<String> notHere(String channel) {
        Channel c = channel == null ? null : channels.get(channel);
        if (c == null || c.member) {
            return Optional.empty();
        }
        if (c.archived) {
            return Optional.of("is_archived");
        }
        return Optional.of(c.isPrivate ? "channel_not_found" : "not_in_channel");
    }

    /** One page of {@code items} from the {@code cursor} (an offset here; opaque to the client), as Slack pages. */
    private <T> void page(JsonObject r, String field, List<T> items, Map<String, String> p) {
        int from = p.get("cursor") == null || p.get("cursor").isBlank() ? 0
                : Integer.parseInt(p.get("cursor").substring("next_".length()));
        int limit = p.get("limit") == null ? 100 : Integer.parseInt(p.get("limit"));
        int to = Math.min(items.size(), from + Math.min(limit, pageSize));
        JsonArray a = new JsonArray();
        for (T item : items.subList(from, to)) {
            if (item instanceof JsonObject o) {
                a.add(o);
            } else {
                a.add(String.valueOf(item));
            }
        }
        r.add(field, a);
        JsonObject meta = new JsonObject();
        meta.addProperty("next_cursor", to < items.size() ? "next_" + to : "");
        r.add("response_metadata", meta);
    }

    private static JsonObject json(Channel c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id);
        o.addProperty("name", c.name);
        o.addProperty("name_normalized", c.name);
        o.addProperty("is_channel", !c.isPrivate);
        o.addProperty("is_group", c.isPrivate);
        o.addProperty("is_private", c.isPrivate);
        o.addProperty("is_archived", c.archived);
        o.addProperty("is_member", c.member);
        o.addProperty("is_im", false);
        o.addProperty("is_mpim", false);
        return o;
    }

    /** A user as Slack shows them; only {@code users.profile.get} has the custom fields. */
    private static JsonObject json(User u, boolean withFields) {
        JsonObject profile = new JsonObject();
        profile.addProperty("display_name", u.displayName() == null ? "" : u.displayName());
        profile.addProperty("real_name", u.realName());
        if (u.email() != null) {
            profile.addProperty("email", u.email());
        }
        if (withFields) {
            JsonObject fields = new JsonObject();
            u.fields().forEach((id, value) -> {
                JsonObject f = new JsonObject();
                f.addProperty("value", value);
                f.addProperty("alt", "");
                fields.add(id, f);
            });
            profile.add("fields", fields);
        }
        JsonObject o = new JsonObject();
        o.addProperty("id", u.id());
        o.addProperty("team_id", "T1");
        o.addProperty("name", u.id().toLowerCase(Locale.ROOT));
        o.addProperty("real_name", u.realName());
        o.addProperty("deleted", u.deleted());
        o.addProperty("is_bot", u.bot());
        o.add("profile", profile);
        return o;
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

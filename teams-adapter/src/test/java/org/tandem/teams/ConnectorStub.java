package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.testing.RateLimits;

/**
 * A small stand-in for Microsoft's Bot Connector, for the adapter's own tests over real HTTP: it keeps what each
 * conversation shows (a POST adds an activity, a reply too, a PUT replaces one it has and answers 404 for one it has
 * not), and can be told to answer 503 to every send, to fail the next updates with a status (a 429 with its
 * Retry-After), or that a person deleted an activity. It can also keep Teams' limits on sends ({@link #limit}), and
 * fail the next sends with a status. It knows teams too: their rosters, a page at a time with continuation tokens as
 * Teams pages them, their channels, and a new thread in a channel (createConversation). The application's tests use
 * a fuller one.
 */
final class ConnectorStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(?:/([^/]+))?");
    private static final Pattern PAGED_MEMBERS = Pattern.compile("/v3/conversations/([^/]+)/pagedmembers");
    private static final Pattern CHANNELS = Pattern.compile("/v3/teams/([^/]+)/conversations");
    /** How many members a page of a roster holds here (Teams' own pages are larger): paging is exercised. */
    static final int PAGE = 2;

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
    private final Map<String, List<JsonNode>> rosters = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> channels = new ConcurrentHashMap<>();
    private final List<JsonNode> threads = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private final Deque<Integer> failReads = new ConcurrentLinkedDeque<>();

    ConnectorStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v3/conversations", this::handle);
        server.createContext("/v3/teams", this::handle);
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

    /**
     * A member of a team, as Teams lists them in its roster ({@code pagedmembers}): their Teams id, Entra object id,
     * name, e-mail and UPN.
     */
    void member(String team, String teamsId, String aadObjectId, String name, String email, String upn) {
        ObjectNode m = JSON.createObjectNode().put("id", teamsId).put("name", name).put("aadObjectId", aadObjectId)
                .put("email", email).put("userPrincipalName", upn).put("givenName", name.split(" ")[0])
                .put("tenantId", "T1").put("userRole", "user");
        rosters.computeIfAbsent(team, t -> new CopyOnWriteArrayList<>()).add(m);
    }

    /** A channel of a team; {@code name} null for the General channel, which Teams lists without one. */
    void channel(String team, String id, String name) {
        ObjectNode c = JSON.createObjectNode().put("id", id);
        if (name != null) {
            c.put("name", name);
        }
        channels.computeIfAbsent(team, t -> new CopyOnWriteArrayList<>()).add(c);
    }

    /** The next reads (a roster's page, a channel list) answer these statuses, in order. */
    void failNextReads(Integer... statuses) {
        failReads.addAll(List.of(statuses));
    }

    /** Every read of a roster page or a channel list, as {@code path?query}. */
    synchronized List<String> reads() {
        return List.copyOf(reads);
    }

    /** The bodies of the conversations created in a channel (a new thread each), oldest first. */
    synchronized List<JsonNode> threads() {
        return List.copyOf(threads);
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
        } else if (path.equals("/v3/conversations") && x.getRequestMethod().equals("POST")
                && body.at("/channelData/channel/id").isTextual()) {
            String[] result = thread(x, body);
            status = Integer.parseInt(result[0]);
            answer = result[1];
        } else if (path.equals("/v3/conversations") && x.getRequestMethod().equals("POST")) {
            answer = "{\"id\":\"a:opened-" + ids.incrementAndGet() + "\"}";
        } else if (x.getRequestMethod().equals("GET") && (PAGED_MEMBERS.matcher(path).matches()
                || CHANNELS.matcher(path).matches())) {
            String[] result = read(path, x.getRequestURI().getRawQuery());
            status = Integer.parseInt(result[0]);
            answer = result[1];
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

    /**
     * A new thread in a channel (createConversation with the channel in its channel data), answered as Teams does:
     * the thread's id ({@code <channel>;messageid=<post>}) and the post's; 404 for a channel of no team it knows.
     * It is a send like any other: refused, failed or throttled as they are.
     */
    private String[] thread(HttpExchange x, JsonNode body) {
        String channel = body.at("/channelData/channel/id").asText();
        synchronized (this) {
            threads.add(body);
        }
        if (refusing) {
            return new String[] {"503", "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"stubbed 503\"}}"};
        }
        if (!failSends.isEmpty()) {
            int status = failSends.poll();
            if (status == 429) {
                x.getResponseHeaders().add("Retry-After", sendRetryAfter);
            }
            record(channel, status);
            return new String[] {String.valueOf(status), "{\"error\":{\"code\":\"Stubbed\",\"message\":\"stubbed "
                    + status + "\"}}"};
        }
        if (channels.values().stream().flatMap(List::stream).noneMatch(c -> c.path("id").asText().equals(channel))
                || !body.path("isGroup").asBoolean(false)) {
            record(channel, 404);
            return new String[] {"404", "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation "
                    + "not found.\"}}"};
        }
        String id = "act-" + ids.incrementAndGet();
        record(channel, 200);
        Shown s = new Shown(channel, id, body.path("activity"));
        shown.put(key(s), s);
        synchronized (this) {
            posted.add(s);
        }
        return new String[] {"201", JSON.createObjectNode().put("id", channel + ";messageid=" + id)
                .put("activityId", id).toString()};
    }

    /** A page of a team's roster (from the continuation token's place) or a team's channels; 404 for no team. */
    private String[] read(String path, String query) {
        synchronized (this) {
            reads.add(path + (query == null ? "" : "?" + query));
        }
        if (!failReads.isEmpty()) {
            return new String[] {String.valueOf(failReads.poll()), "{\"error\":{\"code\":\"Stubbed\"}}"};
        }
        Matcher members = PAGED_MEMBERS.matcher(path);
        if (members.matches()) {
            List<JsonNode> roster = rosters.get(URLDecoder.decode(members.group(1), StandardCharsets.UTF_8));
            if (roster == null) {
                return new String[] {"404", "{\"error\":{\"code\":\"ConversationNotFound\"}}"};
            }
            int from = 0;
            for (String p : query == null ? new String[0] : query.split("&")) {
                if (p.startsWith("continuationToken=")) {
                    String token = URLDecoder.decode(p.substring("continuationToken=".length()),
                            StandardCharsets.UTF_8);
                    from = Integer.parseInt(token.substring("page-".length()));
                }
            }
            ObjectNode page = JSON.createObjectNode();
            page.putArray("members").addAll(roster.subList(from, Math.min(from + PAGE, roster.size())));
            if (from + PAGE < roster.size()) {
                page.put("continuationToken", "page-" + (from + PAGE));
            }
            return new String[] {"200", page.toString()};
        }
        Matcher teamChannels = CHANNELS.matcher(path);
        teamChannels.matches();
        List<JsonNode> list = channels.get(URLDecoder.decode(teamChannels.group(1), StandardCharsets.UTF_8));
        if (list == null) {
            return new String[] {"404", "{\"error\":{\"code\":\"TeamNotFound\"}}"};
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("conversations").addAll(list);
        return new String[] {"200", answer.toString()};
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

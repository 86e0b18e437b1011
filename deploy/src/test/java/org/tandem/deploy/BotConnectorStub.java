package org.tandem.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.testing.RateLimits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Microsoft's Bot Connector service: records every call to {@code /v3/conversations…}, answers
 * like Teams does, and can be told to fail the next sends (429, 403…). Only Microsoft is a stub in the Teams tests.
 */
final class BotConnectorStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(?:/([^/]+))?");
    private static final Pattern MEMBER = Pattern.compile("/v3/conversations/([^/]+)/members/([^/]+)");
    private static final Pattern PAGED_MEMBERS = Pattern.compile("/v3/conversations/([^/]+)/pagedmembers");

    /** One call: method, conversation, the status we answered, the body, and the activity id we answered. */
    record Call(String method, String path, String conversation, int status, JsonNode body, String answeredId,
                long at) {
        Call(String method, String path, String conversation, int status, JsonNode body, String answeredId) {
            this(method, path, conversation, status, body, answeredId, System.nanoTime());
        }

        boolean isSentActivity() {
            return method.equals("POST") && conversation != null && status == 200 && !isTyping();
        }

        /** A typing indicator (no message: Teams shows the bot typing until its next message). */
        boolean isTyping() {
            return method.equals("POST") && "typing".equals(body.at("/type").asString());
        }

        /** An activity replaced in place (the Bot Connector's {@code updateActivity}). */
        boolean isUpdate() {
            return method.equals("PUT") && conversation != null && status == 200;
        }

        /** The Adaptive Card of a sent activity. */
        JsonNode card() {
            return body.at("/attachments/0/content");
        }

        /** Every TextBlock's text, one per line. */
        String text() {
            List<String> lines = new ArrayList<>();
            card().at("/body").forEach(b -> {
                if (b.at("/type").asString().equals("TextBlock")) {
                    lines.add(b.at("/text").asString());
                }
                if (b.at("/type").asString().equals("FactSet")) {
                    b.at("/facts").forEach(f -> lines.add(f.at("/title").asString() + ": " + f.at("/value").asString()));
                }
            });
            return String.join("\n", lines);
        }

        /** The Action.Submit (or OpenUrl) with this title. */
        JsonNode action(String title) {
            for (JsonNode b : card().at("/body")) {
                for (JsonNode a : b.at("/actions")) {
                    if (a.at("/title").asString().equals(title)) {
                        return a;
                    }
                }
            }
            throw new AssertionError("no action '" + title + "' in " + card());
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> members = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Conversations the bot was removed from: Teams answers 403 to anything about them. */
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private volatile RateLimits limits;

    BotConnectorStub() {
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

    /** A stubbed failure: its status, and the Retry-After header it carries (null for none). */
    private record Failure(int status, String retryAfter) {}

    /** The next sends to a conversation answer these statuses, in order (a 429 says Retry-After: 0). */
    void failNext(String conversation, Integer... statuses) {
        Deque<Failure> next = failures.computeIfAbsent(conversation, c -> new ArrayDeque<>());
        for (int status : statuses) {
            next.add(new Failure(status, status == 429 ? "0" : null));
        }
    }

    /** The next send to a conversation is throttled (429) with Teams asking to wait this many seconds. */
    void throttleNext(String conversation, int retryAfterSeconds) {
        failures.computeIfAbsent(conversation, c -> new ArrayDeque<>())
                .add(new Failure(429, String.valueOf(retryAfterSeconds)));
    }

    /**
     * From now on, a send (a POST of an activity) over these limits (Teams': so many a second to the tenant, which is
     * every send here, and 7 a second to one conversation, each with a burst) is answered 429 with the Retry-After of
     * its next token, and counted.
     */
    RateLimits limit(int perSecond, int burst, int conversationBurst) {
        limits = new RateLimits(perSecond, Duration.ofSeconds(1), burst, 7, Duration.ofSeconds(1), conversationBurst);
        return limits;
    }

    /** The bot is no longer in a conversation (removed, uninstalled): from now on Teams answers it 403. */
    void removeBot(String conversation) {
        removed.add(conversation);
    }

    /** What the member lookup answers for a user, by their Teams id or their Entra object id. */
    void member(String teamsId, String aadObjectId, String name, String upn) {
        Map<String, String> m = Map.of("id", teamsId, "aadObjectId", aadObjectId, "name", name,
                "userPrincipalName", upn, "email", upn);
        members.put(teamsId, m);
        members.put(aadObjectId, m);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    int mark() {
        return calls().size();
    }

    /** The member lookups of a person (by their Teams id) after a mark, whatever Teams answered. */
    List<Call> memberLookups(String memberId, int mark) {
        List<Call> all = calls();
        return all.subList(Math.min(mark, all.size()), all.size()).stream().filter(c -> c.method().equals("GET")
                && URLDecoder.decode(c.path(), StandardCharsets.UTF_8).endsWith("/members/" + memberId)).toList();
    }

    /** Activities sent to a conversation after a mark. */
    List<Call> sentTo(String conversation, int mark) {
        List<Call> all = calls();
        return all.subList(mark, all.size()).stream()
                .filter(c -> c.isSentActivity() && conversation.equals(c.conversation())).toList();
    }

    /** Waits until a sent activity after the mark matches. */
    Call await(int mark, Predicate<Call> what) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            List<Call> all = calls();
            for (Call c : all.subList(Math.min(mark, all.size()), all.size())) {
                if (c.isSentActivity() && what.test(c)) {
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
        throw new AssertionError("nothing matching arrived; calls since the mark: " + calls().subList(mark,
                calls().size()));
    }

    /** The sent activities after the mark to a conversation that contain a text (no waiting). */
    List<Call> callsTo(String conversation, int mark, String containing) {
        List<Call> all = calls();
        return all.subList(Math.min(mark, all.size()), all.size()).stream()
                .filter(c -> c.isSentActivity() && conversation.equals(c.conversation()) && c.text().contains(containing))
                .toList();
    }

    /** The tenant of the activities these builders make. */
    static final String TENANT = "tenant-1";

    private final java.util.concurrent.atomic.AtomicInteger inbound = new java.util.concurrent.atomic.AtomicInteger();

    /** An Activity as Teams posts it to this stub's bot, from a user in a conversation. */
    tools.jackson.databind.node.ObjectNode activity(String user, String name, String conversation, String type) {
        tools.jackson.databind.node.ObjectNode a = JSON.createObjectNode();
        a.put("type", "message");
        a.put("id", "act-in-" + inbound.incrementAndGet());
        a.put("channelId", "msteams");
        a.put("serviceUrl", url());
        a.put("locale", "en-US");
        a.putObject("from").put("id", "29:" + user).put("name", name).put("aadObjectId", "aad-" + user);
        a.putObject("recipient").put("id", "28:bot").put("name", "Tandem");
        a.putObject("conversation").put("id", conversation).put("conversationType", type).put("tenantId", TENANT);
        a.putArray("entities").addObject().put("type", "clientInfo").put("locale", "en-US")
                .put("timezone", "Europe/Paris");
        return a;
    }

    /** Text typed in a person's personal chat with the bot. */
    tools.jackson.databind.node.ObjectNode text(String user, String name, String text) {
        tools.jackson.databind.node.ObjectNode a = activity(user, name, "a:" + user, "personal");
        a.put("text", text);
        return a;
    }

    /** Makes an activity a mention of the bot (as in a channel). */
    static void mention(tools.jackson.databind.node.ObjectNode a, String text) {
        a.put("text", "<at>Tandem</at> " + text);
        a.withArray("entities").addObject().put("type", "mention").put("text", "<at>Tandem</at>")
                .putObject("mentioned").put("id", "28:bot").put("name", "Tandem");
    }

    /** What Teams posts when an Action.Submit of a card is clicked (where the card is): its data. */
    tools.jackson.databind.node.ObjectNode click(String user, String name, Call card, JsonNode action) {
        tools.jackson.databind.node.ObjectNode a = activity(user, name, card.conversation(),
                card.conversation().startsWith("19:") ? "channel" : "personal");
        a.put("replyToId", "act-x");
        a.set("value", action.at("/data").deepCopy());
        return a;
    }

    /**
     * What Teams posts when an {@code Action.Execute} of a card is clicked (Universal Actions): an
     * {@code adaptiveCard/action} invoke on the card's activity, the action's data with the inputs' values.
     */
    tools.jackson.databind.node.ObjectNode invoke(String user, String name, Call card, JsonNode action,
                                                  Map<String, Object> values) {
        tools.jackson.databind.node.ObjectNode a = activity(user, name, card.conversation(),
                card.conversation().startsWith("19:") ? "channel" : "personal");
        a.put("type", "invoke");
        a.put("name", "adaptiveCard/action");
        a.put("replyToId", card.answeredId());
        tools.jackson.databind.node.ObjectNode execute = a.putObject("value").put("trigger", "manual")
                .putObject("action");
        execute.put("type", "Action.Execute").put("verb", action.at("/verb").asString());
        tools.jackson.databind.node.ObjectNode data = (tools.jackson.databind.node.ObjectNode) action.at("/data")
                .deepCopy();
        values.forEach((k, v) -> data.put(k, v instanceof List<?> l
                ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        execute.set("data", data);
        return a;
    }

    /** What Teams posts when a person who may act on a card sees it: the card's {@code refresh} action. */
    tools.jackson.databind.node.ObjectNode refresh(String user, String name, Call card) {
        tools.jackson.databind.node.ObjectNode a = invoke(user, name, card, card.card().at("/refresh/action"),
                Map.of());
        ((tools.jackson.databind.node.ObjectNode) a.get("value")).put("trigger", "automatic");
        return a;
    }

    /** The card a sent activity shows now: the body of its last update (PUT), else as it was sent. */
    JsonNode shownNow(Call sent) {
        JsonNode now = sent.card();
        for (Call c : calls()) {
            if (c.isUpdate() && sent.conversation().equals(c.conversation())
                    && sent.answeredId().equals(c.answeredId())) {
                now = c.card();
            }
        }
        return now;
    }

    /** The updates (PUT) of a sent activity after a mark. */
    List<Call> updatesOf(Call sent, int mark) {
        List<Call> all = calls();
        return all.subList(Math.min(mark, all.size()), all.size()).stream().filter(c -> c.isUpdate()
                && sent.conversation().equals(c.conversation()) && sent.answeredId().equals(c.answeredId())).toList();
    }

    /** What Teams posts when a card's form is submitted: the action's data and the inputs' values. */
    tools.jackson.databind.node.ObjectNode submit(String user, String name, String conversation, String type,
                                                  JsonNode action, java.util.Map<String, Object> values) {
        tools.jackson.databind.node.ObjectNode a = activity(user, name, conversation, type);
        tools.jackson.databind.node.ObjectNode value = (tools.jackson.databind.node.ObjectNode) action.at("/data")
                .deepCopy();
        values.forEach((k, v) -> value.put(k, v instanceof List<?> l
                ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        a.set("value", value);
        return a;
    }

    /** Waits until an activity of a conversation, sent or replaced after the mark, contains a text. */
    Call awaitShown(String conversation, int mark, String containing) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            List<Call> all = calls();
            for (Call c : all.subList(Math.min(mark, all.size()), all.size())) {
                if ((c.isSentActivity() || c.isUpdate()) && conversation.equals(c.conversation())
                        && c.text().contains(containing)) {
                    return c;
                }
            }
            RunningApp.pause(20);
        }
        throw new AssertionError("nothing showing '" + containing + "' in " + conversation + "; calls since the mark: "
                + calls().subList(mark, calls().size()));
    }

    Call awaitTo(String conversation, int mark, String containing) {
        return await(mark, c -> conversation.equals(c.conversation()) && c.text().contains(containing));
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        byte[] raw = x.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        Matcher activities = ACTIVITIES.matcher(path);
        Matcher member = MEMBER.matcher(path);
        Matcher paged = PAGED_MEMBERS.matcher(path);
        int status = 200;
        String retryAfter = null;
        long throttledFor = 0;
        String answer;
        String conversation = null;
        String answeredId = null;
        if (activities.matches() || paged.matches()) {
            conversation = URLDecoder.decode((activities.matches() ? activities : paged).group(1),
                    StandardCharsets.UTF_8);
            Deque<Failure> next = failures.get(conversation);
            Failure failure = next == null || removed.contains(conversation) ? null : next.poll();
            if (removed.contains(conversation)) {
                status = 403;
                answer = "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part "
                        + "of the conversation roster.\"}}";
            } else if (failure != null) {
                status = failure.status();
                retryAfter = failure.retryAfter();
                answer = "{\"error\":{\"code\":\"Failure\",\"message\":\"stubbed " + status + "\"}}";
            } else if (activities.matches() && x.getRequestMethod().equals("POST") && limits != null
                    && (throttledFor = limits.retryAfter(conversation)) > 0) {
                status = 429;
                retryAfter = Long.toString(throttledFor);
                answer = "{\"error\":{\"code\":\"Throttled\",\"message\":\"over the tenant's rate\"}}";
            } else if (paged.matches()) {
                answer = "{\"members\":[{\"id\":\"29:someone\",\"name\":\"Someone\"}]}";
            } else {
                // a reply (POST …/activities/{replyToId}) is a new activity; an update (PUT) keeps its id
                answeredId = x.getRequestMethod().equals("PUT")
                        ? URLDecoder.decode(activities.group(2), StandardCharsets.UTF_8) : "act-" + ids.incrementAndGet();
                answer = JSON.writeValueAsString(Map.of("id", answeredId));
            }
        } else if (member.matches()) {
            Map<String, String> m = members.get(URLDecoder.decode(member.group(2), StandardCharsets.UTF_8));
            status = m == null ? 404 : 200;
            answer = m == null ? "{\"error\":{\"code\":\"NotFound\"}}" : JSON.writeValueAsString(m);
        } else if (path.equals("/v3/conversations") && x.getRequestMethod().equals("POST")) {
            answer = "{\"id\":\"a:opened-" + ids.incrementAndGet() + "\"}";
        } else {
            status = 404;
            answer = "{}";
        }
        synchronized (this) {
            calls.add(new Call(x.getRequestMethod(), path, conversation, status, body, answeredId));
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            x.getResponseHeaders().add("Retry-After", retryAfter);
        }
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Enrols a person from their personal chat as a new user would: join, a role, the questionnaire, consent. */
    void enrol(RunningApp app, String user, String name, String role, String formTitle, Map<String, Object> answers) {
        String chat = "a:" + user;
        int mark = mark();
        app.activity(text(user, name, "join"));
        Call roles = awaitTo(chat, mark, "Would you like to be mentored");
        mark = mark();
        app.activity(click(user, name, roles, roles.action(role)));
        Call form = awaitTo(chat, mark, formTitle);
        mark = mark();
        app.activity(submit(user, name, chat, "personal", form.action("Next"), answers));
        Call consent = awaitTo(chat, mark, "Do you agree?");
        mark = mark();
        app.activity(click(user, name, consent, consent.action("I agree")));
        awaitTo(chat, mark, "You are enrolled");
    }
}

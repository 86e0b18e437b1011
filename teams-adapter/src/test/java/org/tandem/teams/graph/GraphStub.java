package org.tandem.teams.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small stand-in for the Microsoft identity platform's token endpoint and for the part of Microsoft Graph that Tandem
 * calls, over real HTTP, answering in Graph's shapes: it issues tokens for the right client-credentials form only,
 * refuses a request without a token it issued (401), knows some users, answers free/busy from the items it is given,
 * keeps the events it is asked to create (one per {@code transactionId}, as Graph does), moves and cancels them, and
 * answers whom a user reports to ({@code /users/{id}/manager}: 404 for no one). It can be told to answer the next calls
 * with a status (a 429 with its Retry-After, a 403) and to forget the tokens it issued (they expire early), and it
 * records every call.
 */
public final class GraphStub implements AutoCloseable {

    public static final String TENANT = "9f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    static final String CLIENT = "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091";
    static final String SECRET = "s3cr3t~value";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER = Pattern.compile("/v1\\.0/users/([^/]+)");
    private static final Pattern MANAGER = Pattern.compile("/v1\\.0/users/([^/]+)/manager");
    private static final Pattern SCHEDULE = Pattern.compile("/v1\\.0/users/([^/]+)/calendar/getSchedule");
    private static final Pattern EVENTS = Pattern.compile("/v1\\.0/users/([^/]+)/events");
    private static final Pattern EVENT = Pattern.compile("/v1\\.0/users/([^/]+)/events/([^/]+)");
    private static final Pattern CANCEL = Pattern.compile("/v1\\.0/users/([^/]+)/events/([^/]+)/cancel");

    /** One call as the stub saw it: the raw path (ids encoded), the query, the headers that matter, the body. */
    public record Call(String method, String path, String query, String authorization, List<String> prefer, JsonNode body,
                Map<String, String> form) {}

    /** A user Graph knows. */
    record User(String id, String mail, String upn, String name) {}

    /** A scripted answer to the next Graph call: a status, with a Retry-After when not null. */
    record Failure(int status, String retryAfter, String code) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> items = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private final Map<String, String> byTransaction = new HashMap<>();
    private final Set<String> noMailbox = ConcurrentHashMap.newKeySet();
    private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();
    private final AtomicInteger eventIds = new AtomicInteger();
    private final Map<String, String> managers = new ConcurrentHashMap<>();
    private final Map<String, String> contacts = new ConcurrentHashMap<>();

    public GraphStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Graph's directory of people (managers) over this stub, as the Teams adapter is given it. */
    public GraphDirectory directory() {
        GraphProperties p = properties();
        HttpClient http = HttpClient.newHttpClient();
        return new GraphPeople(new GraphClient(http, new GraphTokens(http, p, Clock.systemUTC()), p, d -> { }),
                p.tenantId());
    }

    GraphProperties properties() {
        return new GraphProperties(null, TENANT, CLIENT, SECRET, base() + "/", base() + "/v1.0", null);
    }

    void user(String id, String mail, String upn, String name) {
        users.put(id, new User(id, mail, upn, name));
    }

    /** Graph knows {@code managerId} as the manager of {@code userId}. */
    public void manager(String userId, String managerId) {
        managers.put(userId, managerId);
    }

    /** The manager of {@code userId} is an organisational contact (someone outside the tenant). */
    void contactManager(String userId, String contactId) {
        contacts.put(userId, contactId);
    }

    /** A free/busy item of a person's calendar (by address), times as Graph gives them with the UTC preference. */
    void item(String address, String status, String start, String end) {
        ObjectNode item = JSON.createObjectNode().put("isPrivate", false).put("status", status)
                .put("subject", "Private matter").put("location", "Room 4");
        item.putObject("start").put("dateTime", start + ".0000000").put("timeZone", "UTC");
        item.putObject("end").put("dateTime", end + ".0000000").put("timeZone", "UTC");
        items.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(item);
    }

    /** Graph knows the user, but getSchedule cannot read their calendar (it says so in the schedule's error). */
    void noMailbox(String address) {
        noMailbox.add(address);
    }

    public void failNext(int status, String retryAfter, String code) {
        failures.add(new Failure(status, retryAfter, code));
    }

    /** Every token issued so far is refused from now on, as an expired one. */
    void expireTokens() {
        valid.clear();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls to Graph itself (not to the token endpoint). */
    public List<Call> graphCalls() {
        return calls.stream().filter(c -> c.path().startsWith("/v1.0/")).toList();
    }

    synchronized List<ObjectNode> events() {
        return new ArrayList<>(events.values());
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // raw: an event id may hold an encoded '/'
            String path = x.getRequestURI().getRawPath();
            boolean token = path.equals("/" + TENANT + "/oauth2/v2.0/token");
            Map<String, String> form = token ? form(body) : Map.of();
            calls.add(new Call(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(),
                    x.getRequestHeaders().getFirst("Authorization"),
                    x.getRequestHeaders().getOrDefault("Prefer", List.of()),
                    token || body.isBlank() ? null : JSON.readTree(body), form));
            if (token) {
                token(x, form);
                return;
            }
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !valid.contains(auth.substring(7))) {
                error(x, 401, null, "InvalidAuthenticationToken");
                return;
            }
            Failure f = failures.poll();
            if (f != null) {
                error(x, f.status(), f.retryAfter(), f.code());
                return;
            }
            graph(x, path, body.isBlank() ? null : (ObjectNode) JSON.readTree(body));
        }
    }

    private void token(HttpExchange x, Map<String, String> form) throws IOException {
        if (!CLIENT.equals(form.get("client_id")) || !SECRET.equals(form.get("client_secret"))
                || !"client_credentials".equals(form.get("grant_type"))
                || !"https://graph.microsoft.com/.default".equals(form.get("scope"))
                || !"application/x-www-form-urlencoded".equals(x.getRequestHeaders().getFirst("Content-Type"))) {
            send(x, 401, JSON.createObjectNode().put("error", "invalid_client")
                    .put("error_description", "AADSTS7000215: Invalid client secret provided."), null);
            return;
        }
        String issued = "token-" + tokensIssued.incrementAndGet();
        valid.add(issued);
        send(x, 200, JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3599)
                .put("ext_expires_in", 3599).put("access_token", issued), null);
    }

    private synchronized void graph(HttpExchange x, String path, ObjectNode body) throws IOException {
        String method = x.getRequestMethod();
        Matcher m;
        if (method.equals("GET") && (m = MANAGER.matcher(path)).matches()) {
            String user = decode(m.group(1));
            String manager = managers.get(user);
            String contact = contacts.get(user);
            if (manager == null && contact == null) {
                // Graph's answer for someone who reports to no one, and for no one
                error(x, 404, null, "Request_ResourceNotFound");
            } else {
                send(x, 200, JSON.createObjectNode()
                        .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity")
                        .put("@odata.type", manager != null ? "#microsoft.graph.user" : "#microsoft.graph.orgContact")
                        .put("id", manager != null ? manager : contact), null);
            }
        } else if (method.equals("GET") && (m = USER.matcher(path)).matches()) {
            User u = users.get(m.group(1));
            if (u == null) {
                error(x, 404, null, "Request_ResourceNotFound");
                return;
            }
            ObjectNode user = JSON.createObjectNode().put("@odata.context",
                    "https://graph.microsoft.com/v1.0/$metadata#users(mail,userPrincipalName,displayName)/$entity");
            user.put("displayName", u.name()).put("userPrincipalName", u.upn());
            if (u.mail() == null) {
                user.putNull("mail");
            } else {
                user.put("mail", u.mail());
            }
            send(x, 200, user, null);
        } else if (method.equals("POST") && SCHEDULE.matcher(path).matches()) {
            ObjectNode answer = JSON.createObjectNode().put("@odata.context",
                    "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)");
            ArrayNode value = answer.putArray("value");
            for (JsonNode s : body.path("schedules")) {
                ObjectNode schedule = value.addObject().put("scheduleId", s.asText());
                if (noMailbox.contains(s.asText())) {
                    schedule.putObject("error").put("message", "The user is not found").put("responseCode",
                            "ErrorMailRecipientNotFound");
                    continue;
                }
                schedule.put("availabilityView", "0");
                schedule.putArray("scheduleItems").addAll(items.getOrDefault(s.asText(), List.of()));
            }
            send(x, 200, answer, null);
        } else if (method.equals("POST") && (m = CANCEL.matcher(path)).matches()) {
            if (events.remove(decode(m.group(2))) == null) {
                error(x, 404, null, "ErrorItemNotFound");
                return;
            }
            send(x, 202, null, null);
        } else if (method.equals("POST") && EVENTS.matcher(path).matches()) {
            String existing = byTransaction.get(body.path("transactionId").asText());
            if (existing != null) {
                send(x, 201, events.get(existing), null);
                return;
            }
            String id = "AAMkAGI1AAAt9/" + eventIds.incrementAndGet() + "+AHjAAA=";
            ObjectNode event = body.deepCopy().put("id", id);
            event.putObject("onlineMeeting").put("joinUrl",
                    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + eventIds.get() + "%40thread.v2/0");
            events.put(id, event);
            byTransaction.put(body.path("transactionId").asText(), id);
            send(x, 201, event, null);
        } else if (method.equals("PATCH") && (m = EVENT.matcher(path)).matches()) {
            ObjectNode event = events.get(decode(m.group(2)));
            if (event == null) {
                error(x, 404, null, "ErrorItemNotFound");
                return;
            }
            event.setAll(body);
            send(x, 200, event, null);
        } else {
            error(x, 400, null, "BadRequest");
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
    }

    private static void error(HttpExchange x, int status, String retryAfter, String code) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", "The user alice@contoso.example is not allowed");
        send(x, status, body, retryAfter);
    }

    private static void send(HttpExchange x, int status, JsonNode body, String retryAfter) throws IOException {
        if (retryAfter != null) {
            x.getResponseHeaders().add("Retry-After", retryAfter);
        }
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

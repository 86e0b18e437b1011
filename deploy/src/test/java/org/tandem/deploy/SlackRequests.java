package org.tandem.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Requests as Slack sends them to {@code /slack/events}: form-encoded or JSON, signed with the signing secret. */
final class SlackRequests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String secret;
    private final String hooks;

    SlackRequests(String base, String secret) {
        // not Slack's: Tandem does not post to it (it answers with chat.postEphemeral or in the DM instead)
        this(base, secret, "https://hooks.example.invalid/commands/T1/1/x");
    }

    /** Commands whose {@code response_url} is {@code hooks} (a stub's, see {@link SlackApiStub#hooks}). */
    SlackRequests(String base, String secret, String hooks) {
        this.base = base;
        this.secret = secret;
        this.hooks = hooks;
    }

    /** An answer: status, body and headers. */
    record Reply(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            return SlackApiStub.JSON.readTree(body);
        }
    }

    /** {@code /mentor <text>} as a slash command. */
    Reply command(String team, String user, String channel, String channelName, String text, String triggerId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", team);
        f.put("team_domain", "tandem-test");
        f.put("channel_id", channel);
        f.put("channel_name", channelName);
        f.put("user_id", user);
        f.put("user_name", user.toLowerCase());
        f.put("command", "/mentor");
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", hooks);
        f.put("trigger_id", triggerId);
        return post(form(f), "application/x-www-form-urlencoded", Instant.now());
    }

    /** An Events API callback around one event. */
    Reply event(String team, String eventId, String eventJson) {
        String body = "{\"token\":\"legacy\",\"team_id\":\"" + team + "\",\"api_app_id\":\"A1\",\"event\":" + eventJson
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,"
                + "\"authorizations\":[{\"team_id\":\"" + team + "\",\"user_id\":\"UBOT\",\"is_bot\":true}]}";
        return post(body, "application/json", Instant.now());
    }

    /** An interactivity payload ({@code block_actions}, {@code view_submission}), form-encoded as Slack does. */
    Reply interaction(String payloadJson) {
        return post("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", Instant.now());
    }

    /** Clicks the button with this label in posted blocks, as a {@code block_actions} payload. */
    Reply click(String team, String user, String channel, String channelName, JsonNode blocks, String label,
               String trigger) {
        return click(team, user, channel, channelName, "1700000000.000001", blocks, label, trigger);
    }

    /** The same, on the message {@code ts} in {@code channel} (what Slack says a click was on). */
    Reply click(String team, String user, String channel, String channelName, String ts, JsonNode blocks,
                String label, String trigger) {
        JsonNode b = button(blocks, label);
        ObjectNode p = SlackApiStub.JSON.createObjectNode().put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("name", user.toLowerCase())
                .put("team_id", team);
        p.put("api_app_id", "A1").put("token", "legacy").put("trigger_id", trigger);
        p.putObject("container").put("type", "message").put("message_ts", ts)
                .put("channel_id", channel).put("is_ephemeral", false);
        p.putObject("team").put("id", team).put("domain", "tandem-test");
        p.putObject("channel").put("id", channel).put("name", channelName);
        p.putObject("message").put("type", "message").put("ts", ts).set("blocks", blocks);
        p.put("response_url", hooks.replace("/commands/", "/actions/"));
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", b.at("/action_id").asString()).put("block_id", "b")
                .put("value", b.at("/value").asString()).put("type", "button").put("action_ts", "1700000001.000001");
        action.putObject("text").put("type", "plain_text").put("text", label);
        return interaction(p.toString());
    }

    static JsonNode button(JsonNode blocks, String label) {
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if ("button".equals(e.at("/type").asString()) && label.equals(e.at("/text/text").asString())) {
                    return e;
                }
            }
        }
        throw new AssertionError("no button '" + label + "' in " + blocks);
    }

    /** Submits the modal that {@code views.open} received, filled in as a person would, as Slack sends it. */
    Reply submit(String team, SlackApiStub.Call opened, String user, Map<String, Object> answers, String trigger) {
        JsonNode view = opened.json("view");
        ObjectNode values = SlackApiStub.JSON.createObjectNode();
        for (JsonNode block : view.at("/blocks")) {
            if (!"input".equals(block.at("/type").asString())) {
                continue;
            }
            String id = block.at("/block_id").asString();
            JsonNode element = block.at("/element");
            String type = element.at("/type").asString();
            Object answer = answers.get(id);
            List<String> given = answer == null ? List.of() : answer instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(answer));
            ObjectNode v = values.putObject(id).putObject(element.at("/action_id").asString()).put("type", type);
            switch (type) {
                case "static_select" -> {
                    if (given.isEmpty() || given.get(0).isEmpty()) {
                        v.putNull("selected_option");
                    } else {
                        v.putObject("selected_option").put("value", given.get(0)).putObject("text")
                                .put("type", "plain_text").put("text", given.get(0));
                    }
                }
                case "multi_static_select" -> {
                    ArrayNode selected = v.putArray("selected_options");
                    given.forEach(g -> selected.addObject().put("value", g).putObject("text")
                            .put("type", "plain_text").put("text", g));
                }
                // Slack says what a picker holds in a field of its own, yyyy-MM-dd or HH:mm
                case "datepicker", "timepicker" -> {
                    String field = type.equals("datepicker") ? "selected_date" : "selected_time";
                    if (given.isEmpty() || given.get(0).isEmpty()) {
                        v.putNull(field);
                    } else {
                        v.put(field, given.get(0));
                    }
                }
                default -> {
                    if (given.isEmpty() || given.get(0).isEmpty()) {
                        v.putNull("value");
                    } else {
                        v.put("value", given.get(0));
                    }
                }
            }
        }
        ObjectNode p = SlackApiStub.JSON.createObjectNode().put("type", "view_submission");
        p.putObject("team").put("id", team).put("domain", "tandem-test");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("name", user.toLowerCase())
                .put("team_id", team);
        p.put("api_app_id", "A1").put("token", "legacy").put("trigger_id", trigger);
        ObjectNode v = p.putObject("view");
        v.put("id", viewId(opened, trigger)).put("team_id", team).put("type", "modal")
                .put("callback_id", view.at("/callback_id").asString())
                .put("private_metadata", view.at("/private_metadata").asString()).put("hash", "h" + trigger.hashCode());
        v.set("title", view.at("/title"));
        v.set("blocks", view.at("/blocks"));
        v.putObject("state").set("values", values);
        p.putArray("response_urls");
        return interaction(p.toString());
    }

    /** The person closes the modal that {@code views.open} received ({@code view_closed}, as Slack sends it). */
    Reply close(String team, SlackApiStub.Call opened, String user) {
        JsonNode view = opened.json("view");
        ObjectNode p = SlackApiStub.JSON.createObjectNode().put("type", "view_closed");
        p.putObject("team").put("id", team).put("domain", "tandem-test");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("name", user.toLowerCase())
                .put("team_id", team);
        p.put("api_app_id", "A1").put("token", "legacy").put("is_cleared", false);
        ObjectNode v = p.putObject("view");
        v.put("id", viewId(opened, "closed")).put("team_id", team).put("type", "modal")
                .put("callback_id", view.at("/callback_id").asString())
                .put("private_metadata", view.at("/private_metadata").asString()).put("hash", "h-closed");
        v.set("title", view.at("/title"));
        v.set("blocks", view.at("/blocks"));
        return interaction(p.toString());
    }

    /** The id Slack gave the modal when it opened (a stub's answer), else one made up from the trigger. */
    private static String viewId(SlackApiStub.Call opened, String trigger) {
        JsonNode id = opened.answer() == null ? null : opened.answer().at("/view/id");
        return id != null && id.isString() ? id.asString() : "V" + trigger.hashCode();
    }

    /** A signed POST, with the timestamp of {@code at}. */
    Reply post(String body, String contentType, Instant at) {
        String ts = Long.toString(at.getEpochSecond());
        return send(body, contentType, Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sign(ts, body)));
    }

    /** A POST with exactly these headers (to forge or leave some out). */
    Reply send(String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    Reply get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

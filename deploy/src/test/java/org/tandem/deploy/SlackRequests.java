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
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Requests as Slack sends them to {@code /slack/events}: form-encoded or JSON, signed with the signing secret. */
final class SlackRequests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String secret;

    SlackRequests(String base, String secret) {
        this.base = base;
        this.secret = secret;
    }

    /** An answer: status, body and headers. */
    record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
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
        f.put("response_url", "https://hooks.slack.com/commands/T1/1/x");
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

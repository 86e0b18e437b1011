package org.tandem.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a signed request to {@code /slack/events} must look like before Bolt reads it: Bolt's parser and its request
 * types dereference what they expect (a payload's {@code type}, an event, a user) and throw on anything else, which
 * used to come back as a 500. Each rule here is one Slack always keeps; a request that breaks one is refused with
 * the reason, and nothing of it runs. It reads the body the way Bolt does (a JSON body for the Events API, a form
 * with a {@code payload} for interactivity, a form with a {@code command} for slash commands).
 */
final class RequestShape {

    /** Slack's payloads nest a dozen levels at most (blocks in a view in a payload); far deeper is not Slack. */
    static final int MAX_DEPTH = 64;
    private static final Set<String> COMMAND_FIELDS = Set.of("command", "team_id", "user_id");
    /** Slack's ids of workspaces, people and conversations: {@code T0123}, {@code U0123}, {@code C0123}… */
    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{1,64}");
    private static final Set<String> COMMAND_IDS = Set.of("team_id", "user_id", "enterprise_id", "channel_id");

    private RequestShape() {
    }

    /** Why Slack would never send this body, or empty when it has the shape Bolt and Tandem's handlers rely on. */
    static Optional<String> problem(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("empty request");
        }
        if (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
            return json(trimmed).map(RequestShape::eventsApi).orElse(Optional.of("malformed JSON"));
        }
        Map<String, String> form = new LinkedHashMap<>();
        Optional<String> encoding = readForm(body, form);
        if (encoding.isPresent()) {
            return encoding;
        }
        if (form.containsKey("payload")) {
            return json(form.get("payload")).map(RequestShape::interactivity).orElse(Optional.of("malformed JSON"));
        }
        if (form.containsKey("command")) {
            return command(form);
        }
        return form.containsKey("ssl_check") ? Optional.empty() : Optional.of("not a Slack request");
    }

    private static Optional<String> eventsApi(JsonElement e) {
        if (!e.isJsonObject()) {
            return Optional.of("not a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        String type = string(o, "type");
        if (type == null) {
            return Optional.of("no type");
        }
        return switch (type) {
            case "url_verification" -> string(o, "challenge") == null ? Optional.of("no challenge") : Optional.empty();
            case "event_callback" -> eventCallback(o);
            default -> Optional.of("not a Slack request");
        };
    }

    private static Optional<String> eventCallback(JsonObject o) {
        if (string(o, "team_id") == null && string(o, "enterprise_id") == null) {
            return Optional.of("an event without a workspace");
        }
        if (!idOrAbsent(o, "team_id") || !idOrAbsent(o, "enterprise_id")) {
            return Optional.of("a malformed workspace id");
        }
        JsonObject event = object(o, "event");
        if (event == null || string(event, "type") == null) {
            return Optional.of("an event callback without an event");
        }
        if (o.has("authorizations") && !arrayOfObjects(o.get("authorizations"))) {
            return Optional.of("malformed authorizations");
        }
        // Bolt reads these two of every event to skip the bot's own: a user id (or a user with one), a bot id
        JsonElement user = event.get("user");
        if (user != null && !(isString(user) && SLACK_ID.matcher(user.getAsString()).matches())
                && !(user.isJsonObject() && id(user.getAsJsonObject()) != null)) {
            return Optional.of("an event with a malformed user");
        }
        if (event.has("channel") && isString(event.get("channel")) && !idOrAbsent(event, "channel")) {
            return Optional.of("an event with a malformed channel");
        }
        if (event.has("bot_id") && !isString(event.get("bot_id"))) {
            return Optional.of("an event with a malformed bot_id");
        }
        return Optional.empty();
    }

    private static Optional<String> interactivity(JsonElement e) {
        if (!e.isJsonObject()) {
            return Optional.of("the payload is not a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        String type = string(o, "type");
        if (type == null) {
            return Optional.of("a payload without a type");
        }
        JsonObject user = object(o, "user");
        if ((type.equals("block_actions") || type.startsWith("view_")) && (user == null || id(user) == null)) {
            return Optional.of("a " + type + " payload without a user");
        }
        for (String member : new String[] {"team", "channel"}) {
            if (o.has(member) && !o.get(member).isJsonNull() && (object(o, member) == null
                    || id(object(o, member)) == null)) {
                return Optional.of("a malformed " + member);
            }
        }
        return switch (type) {
            case "block_actions" -> blockActions(o);
            case "view_submission" -> viewSubmission(o);
            case "view_closed" -> object(o, "view") == null ? Optional.of("a view_closed payload without a view")
                    : Optional.empty();
            default -> Optional.of("a payload type Tandem does not use");
        };
    }

    private static Optional<String> blockActions(JsonObject o) {
        if (!o.has("actions") || !arrayOfObjects(o.get("actions"))) {
            return Optional.of("a block_actions payload without actions");
        }
        for (JsonElement a : o.getAsJsonArray("actions")) {
            if (string(a.getAsJsonObject(), "action_id") == null) {
                return Optional.of("an action without an action_id");
            }
        }
        for (String optional : new String[] {"container", "view", "message"}) {
            if (o.has(optional) && !o.get(optional).isJsonNull() && !o.get(optional).isJsonObject()) {
                return Optional.of("a malformed " + optional);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> viewSubmission(JsonObject o) {
        JsonObject view = object(o, "view");
        if (view == null) {
            return Optional.of("a view_submission payload without a view");
        }
        JsonObject state = object(view, "state");
        if (view.has("state") && !view.get("state").isJsonNull() && state == null) {
            return Optional.of("a malformed view state");
        }
        if (state != null && state.has("values")) {
            JsonObject values = object(state, "values");
            if (values == null || values.entrySet().stream().anyMatch(b -> !b.getValue().isJsonObject()
                    || b.getValue().getAsJsonObject().entrySet().stream().anyMatch(a -> !a.getValue().isJsonObject()))) {
                return Optional.of("malformed view values");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> command(Map<String, String> form) {
        for (String field : COMMAND_FIELDS) {
            if (form.get(field) == null || form.get(field).isBlank()) {
                return Optional.of("a slash command without " + field);
            }
        }
        for (String field : COMMAND_IDS) {
            String v = form.get(field);
            if (v != null && !v.isEmpty() && !SLACK_ID.matcher(v).matches()) {
                return Optional.of("a slash command with a malformed " + field);
            }
        }
        return form.get("command").startsWith("/") ? Optional.empty() : Optional.of("a malformed command");
    }

    /**
     * Reads {@code k=v&k=v} as Bolt does (a pair without exactly one {@code =} is skipped); a field given twice, or
     * an undecodable escape, is not Slack's.
     */
    private static Optional<String> readForm(String body, Map<String, String> into) {
        for (String pair : body.split("&")) {
            String[] fields = pair.split("=");
            if (fields.length != 2) {
                continue;
            }
            try {
                String name = URLDecoder.decode(fields[0].trim().replaceAll("\\n+", ""), StandardCharsets.UTF_8);
                if (into.put(name, URLDecoder.decode(fields[1], StandardCharsets.UTF_8)) != null) {
                    return Optional.of("a field given twice");
                }
            } catch (IllegalArgumentException e) {
                return Optional.of("malformed form encoding");
            }
        }
        return Optional.empty();
    }

    /** The JSON, when it is JSON no deeper than {@link #MAX_DEPTH} (checked before a parser recurses into it). */
    private static Optional<JsonElement> json(String text) {
        if (tooDeep(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parseString(text));
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    static boolean tooDeep(String json) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return false;
    }

    /** A member {@code id} that is a Slack id, or null. */
    private static String id(JsonObject o) {
        String id = string(o, "id");
        return id != null && SLACK_ID.matcher(id).matches() ? id : null;
    }

    private static boolean idOrAbsent(JsonObject o, String name) {
        String value = string(o, name);
        return !o.has(name) || o.get(name).isJsonNull() || value != null && SLACK_ID.matcher(value).matches();
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    /** A non-blank JSON string member, or null. */
    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !isString(e)) {
            return null;
        }
        String s = e.getAsString();
        return s.isBlank() ? null : s;
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static boolean arrayOfObjects(JsonElement e) {
        if (!e.isJsonArray()) {
            return false;
        }
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonObject()) {
                return false;
            }
        }
        return true;
    }
}

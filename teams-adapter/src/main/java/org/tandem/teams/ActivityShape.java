package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shape of an inbound Activity, checked in one place before the SDK maps it: every field the SDK or
 * Tandem reads must have its JSON type ({@code text} a string, {@code conversation} an object with an id, each
 * member of {@code membersRemoved} an account with an id, {@code timestamp} a date...). The SDK's mapper answers
 * null for any mismatch and the turn code assumed what Teams always sends; here each mismatch is a 400 naming the
 * field. Fields we do not know pass: Teams adds some. A locale that is not a language tag is dropped (English
 * then): a client that sends one still expects an answer, and the SDK would fail the whole turn on it. Timestamps
 * are checked as ISO-8601 and then dropped: Tandem reads none, and the SDK 4.14.3 refuses one without milliseconds
 * (the whole activity with it) and reads the milliseconds of the others as nanoseconds.
 */
final class ActivityShape {

    static final int MAX_ID = 1000;

    /** What a field must be. */
    private enum Kind { STRING, ID, URL, TIMESTAMP, BOOLEAN, OBJECT, ACCOUNT, CONVERSATION, ACCOUNTS, OBJECTS,
        CHANNEL_DATA, ENTITIES, ANY }

    private static final Map<String, Kind> ACTIVITY = new LinkedHashMap<>();
    private static final Map<String, Kind> ACCOUNT = Map.of("id", Kind.ID, "name", Kind.STRING,
            "aadObjectId", Kind.STRING, "role", Kind.STRING);
    private static final Map<String, Kind> CONVERSATION = Map.of("id", Kind.ID, "name", Kind.STRING,
            "conversationType", Kind.STRING, "tenantId", Kind.STRING, "aadObjectId", Kind.STRING,
            "role", Kind.STRING, "isGroup", Kind.BOOLEAN);
    /** What Tandem reads of Teams' channel data: the tenant (when the conversation names none) and the team. */
    private static final Map<String, Kind> CHANNEL_DATA = Map.of("tenant", Kind.OBJECT, "team", Kind.OBJECT,
            "channel", Kind.OBJECT, "eventType", Kind.STRING);
    private static final Map<String, Kind> WITH_ID = Map.of("id", Kind.STRING, "name", Kind.STRING);
    /** What Tandem and the SDK read of an entity: its type, a mention's account, the client's locale and zone. */
    private static final Map<String, Kind> ENTITY = Map.of("type", Kind.STRING, "text", Kind.STRING,
            "mentioned", Kind.ACCOUNT, "locale", Kind.STRING, "timezone", Kind.STRING, "country", Kind.STRING,
            "platform", Kind.STRING);

    static {
        for (String s : new String[] {"channelId", "locale", "text", "textFormat", "summary", "replyToId", "name",
            "action", "inputHint", "speak", "attachmentLayout", "importance", "deliveryMode", "label", "valueType",
            "topicName", "callerId", "code", "localTimezone", "id"}) {
            ACTIVITY.put(s, Kind.STRING);
        }
        ACTIVITY.put("type", Kind.ID);
        ACTIVITY.put("serviceUrl", Kind.URL);
        ACTIVITY.put("timestamp", Kind.TIMESTAMP);
        ACTIVITY.put("localTimestamp", Kind.TIMESTAMP);
        ACTIVITY.put("expiration", Kind.TIMESTAMP);
        ACTIVITY.put("from", Kind.ACCOUNT);
        ACTIVITY.put("recipient", Kind.ACCOUNT);
        ACTIVITY.put("conversation", Kind.CONVERSATION);
        ACTIVITY.put("membersAdded", Kind.ACCOUNTS);
        ACTIVITY.put("membersRemoved", Kind.ACCOUNTS);
        for (String o : new String[] {"attachments", "reactionsAdded", "reactionsRemoved", "textHighlights"}) {
            ACTIVITY.put(o, Kind.OBJECTS);
        }
        for (String o : new String[] {"suggestedActions", "relatesTo", "semanticAction"}) {
            ACTIVITY.put(o, Kind.OBJECT);
        }
        ACTIVITY.put("entities", Kind.ENTITIES);
        ACTIVITY.put("channelData", Kind.CHANNEL_DATA);
        ACTIVITY.put("historyDisclosed", Kind.BOOLEAN);
        ACTIVITY.put("value", Kind.ANY);
    }

    private static final List<String> TIMESTAMPS = List.of("timestamp", "localTimestamp",
            "expiration");

    /** The fields every activity must carry, whatever its type. */
    private static final String[] REQUIRED = {"type", "serviceUrl", "conversation", "from"};

    private ActivityShape() {
    }

    /** The activity, once its shape is right; throws {@link InboundActivity.Invalid} saying which field is not. */
    static Activity check(JsonNode tree) {
        if (tree == null) {
            throw new InboundActivity.Invalid("malformed JSON");
        }
        if (!tree.isObject()) {
            throw new InboundActivity.Invalid("the body must be a JSON object (an Activity)");
        }
        ObjectNode activity = (ObjectNode) tree;
        for (String field : REQUIRED) {
            if (activity.path(field).isMissingNode() || activity.get(field).isNull()) {
                throw new InboundActivity.Invalid("the activity has no '" + field + "'");
            }
        }
        fields("", activity, ACTIVITY);
        normalizeLocale(activity);
        activity.remove(TIMESTAMPS);
        Activity a;
        try {
            // the SDK's mapper answers null, not an exception, for what it cannot map
            a = Serialization.treeToValue(activity, Activity.class);
        } catch (RuntimeException e) {
            a = null;
        }
        if (a == null) {
            throw new InboundActivity.Invalid("not an Activity");
        }
        return a;
    }

    private static void fields(String path, JsonNode object, Map<String, Kind> kinds) {
        kinds.forEach((field, kind) -> {
            JsonNode v = object.get(field);
            if (v != null && !v.isNull()) {
                value(path + field, v, kind);
            }
        });
    }

    private static void value(String field, JsonNode v, Kind kind) {
        switch (kind) {
            case STRING -> require(v.isTextual(), field, "a string");
            case ID -> require(v.isTextual() && !v.asText().isBlank() && v.asText().length() <= MAX_ID, field,
                    "a non-empty string of at most " + MAX_ID + " characters");
            case URL -> require(v.isTextual() && v.asText().matches("https?://\\S+") && v.asText().length() <= MAX_ID,
                    field, "an http(s) URL");
            case TIMESTAMP -> require(v.isTextual() && timestamp(v.asText()), field, "an ISO-8601 date and time");
            case BOOLEAN -> require(v.isBoolean(), field, "true or false");
            case OBJECT -> require(v.isObject(), field, "an object");
            case ACCOUNT -> account(field, v);
            case CONVERSATION -> {
                require(v.isObject(), field, "an object");
                require(v.hasNonNull("id"), field + ".id", "present");
                fields(field + ".", v, CONVERSATION);
            }
            case ACCOUNTS -> {
                require(v.isArray(), field, "a list of accounts");
                for (int i = 0; i < v.size(); i++) {
                    account(field + "[" + i + "]", v.get(i));
                }
            }
            case OBJECTS -> {
                require(v.isArray(), field, "a list of objects");
                v.forEach(x -> require(x.isObject(), field, "a list of objects"));
            }
            case CHANNEL_DATA -> {
                require(v.isObject(), field, "an object");
                fields(field + ".", v, CHANNEL_DATA);
                for (String part : new String[] {"tenant", "team", "channel"}) {
                    if (v.path(part).isObject()) {
                        fields(field + "." + part + ".", v.get(part), WITH_ID);
                    }
                }
            }
            case ENTITIES -> {
                require(v.isArray(), field, "a list of objects");
                for (int i = 0; i < v.size(); i++) {
                    require(v.get(i).isObject(), field, "a list of objects");
                    fields(field + "[" + i + "].", v.get(i), ENTITY);
                }
            }
            case ANY -> { }
        }
    }

    /** An account (a sender, a recipient, a member): an object with an id. */
    private static void account(String field, JsonNode v) {
        require(v.isObject(), field, "an object");
        require(v.hasNonNull("id"), field + ".id", "present");
        fields(field + ".", v, ACCOUNT);
    }

    private static boolean timestamp(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** {@code fr_FR} as {@code fr-FR}; what is no language tag at all is dropped. */
    private static void normalizeLocale(ObjectNode activity) {
        JsonNode locale = activity.get("locale");
        if (locale == null || !locale.isTextual()) {
            return;
        }
        String tag = locale.asText().strip().replace('_', '-');
        try {
            new Locale.Builder().setLanguageTag(tag);
            activity.put("locale", tag);
        } catch (IllformedLocaleException e) {
            activity.remove("locale");
        }
    }

    private static void require(boolean ok, String field, String what) {
        if (!ok) {
            throw new InboundActivity.Invalid("'" + field + "' must be " + what);
        }
    }
}

package org.tandem.webchat;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One {@code POST /api/webchat/inbound} body, checked field by field. Anything unexpected is refused with a
 * sentence that says what and where, before the core sees it.
 */
record WebchatRequest(String user, String name, Locale locale, Optional<java.time.ZoneId> timeZone,
                      String conversation, Optional<String> eventId, Kind kind, String text, String actionId,
                      String actionValue, String formId, Map<String, List<String>> formValues,
                      Optional<Long> message) {

    /** Typed text, a click, a submission, or the page telling that the person opened their conversation. */
    enum Kind { TEXT, ACTION, FORM, ARRIVED }

    static final int MAX_TEXT = 4000;
    static final int MAX_FIELDS = 50;
    static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    private static final Pattern CONVERSATION = Pattern.compile("dm|admin|group:g[0-9]{1,12}|channel:[a-z0-9_-]{1,40}");
    /**
     * What a form's field is named: no operator ({@code $where}), no path ({@code a.b}), no NUL, so nothing a store
     * could read as more than a name. The core will also say which fields each form declares
     * ({@code TandemCore.formAccepts}); until then, this is the web chat's guard.
     */
    static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Set<String> TOP = Set.of("user", "name", "locale", "timeZone", "conversation", "eventId",
            "text", "action", "form", "arrived", "message");

    /** A request that cannot be taken, with the reason to show. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static WebchatRequest parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new Invalid("the body must be a JSON object");
        }
        for (Iterator<String> it = root.propertyNames().iterator(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP.contains(field)) {
                throw new Invalid("unknown field '" + field + "'");
            }
        }
        String user = requiredString(root, "user", 32).toLowerCase(Locale.ROOT);
        if (!USER.matcher(user).matches()) {
            throw new Invalid("'user' must be 1-32 letters, digits, '.', '_' or '-'");
        }
        // without a name, the stored one stays (null tells the core so)
        String name = optionalString(root, "name", 80).filter(n -> !n.isBlank()).orElse(null);
        // without a locale, the language Tandem knows for the person stays (null tells the controller so)
        Locale locale = optionalString(root, "locale", 35).map(WebchatRequest::locale).orElse(null);
        Optional<java.time.ZoneId> zone = optionalString(root, "timeZone", 64).map(WebchatRequest::zone);
        String conversation = optionalString(root, "conversation", 48).orElse("dm");
        if (!CONVERSATION.matcher(conversation).matches()) {
            throw new Invalid("'conversation' must be 'dm', 'admin', 'group:<id>' or 'channel:<name>'");
        }
        Optional<String> eventId = optionalString(root, "eventId", 100);

        int kinds = (root.has("text") ? 1 : 0) + (root.has("action") ? 1 : 0) + (root.has("form") ? 1 : 0)
                + (root.has("arrived") ? 1 : 0);
        if (kinds != 1) {
            throw new Invalid("give exactly one of 'text', 'action', 'form' or 'arrived'");
        }
        if (root.has("arrived")) {
            return arrived(root, user, name, locale, zone, conversation, eventId);
        }
        if (root.has("text")) {
            if (root.has("message")) {
                throw new Invalid("'message' goes with an 'action' or a 'form': the message they are on");
            }
            String text = requiredString(root, "text", MAX_TEXT);
            return new WebchatRequest(user, name, locale, zone, conversation, eventId, Kind.TEXT, text, null, null,
                    null, Map.of(), Optional.empty());
        }
        Optional<Long> message = message(root);
        if (root.has("action")) {
            JsonNode action = object(root, "action", Set.of("id", "value"));
            String id = requiredString(action, "id", 200);
            String value = optionalString(action, "value", MAX_TEXT).orElse("");
            return new WebchatRequest(user, name, locale, zone, conversation, eventId, Kind.ACTION, null, id, value,
                    null, Map.of(), message);
        }
        JsonNode form = object(root, "form", Set.of("id", "values"));
        String id = requiredString(form, "id", 200);
        JsonNode values = form.get("values");
        if (values == null || !values.isObject()) {
            throw new Invalid("'form.values' must be an object of field: value or [values]");
        }
        if (values.size() > MAX_FIELDS) {
            throw new Invalid("a form has at most " + MAX_FIELDS + " fields");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            if (!FIELD.matcher(e.getKey()).matches()) {
                throw new Invalid("'form.values' has a field '" + printable(e.getKey()) + "' that no form declares: "
                        + "a field name is a letter, then up to 63 letters, digits, '_' or '-'");
            }
            fields.put(e.getKey(), values(e.getKey(), e.getValue()));
        }
        return new WebchatRequest(user, name, locale, zone, conversation, eventId, Kind.FORM, null, null, null, id,
                fields, message);
    }

    /**
     * {@code "arrived": true}: the page opened the person's direct conversation (or a coordinator the admin one).
     * Nothing else goes with it: it is on no message, and it is not said of a group (the core welcomes a person, or a
     * coordinator, once).
     */
    private static WebchatRequest arrived(JsonNode root, String user, String name, Locale locale,
                                          Optional<java.time.ZoneId> zone, String conversation,
                                          Optional<String> eventId) {
        if (!root.get("arrived").isBoolean() || !root.get("arrived").asBoolean()) {
            throw new Invalid("'arrived' must be true");
        }
        if (root.has("message")) {
            throw new Invalid("'message' goes with an 'action' or a 'form': the message they are on");
        }
        if (!conversation.equals("dm") && !conversation.equals("admin")) {
            throw new Invalid("'arrived' is said of the person's direct conversation ('dm') or the admin one, not of '"
                    + conversation + "'");
        }
        return new WebchatRequest(user, name, locale, zone, conversation, eventId, Kind.ARRIVED, null, null, null,
                null, Map.of(), Optional.empty());
    }

    /**
     * The {@code seq} of the message a button or a form is on, when given: a whole positive number (whether the
     * person may read it is the controller's to check, against the outbox).
     */
    private static Optional<Long> message(JsonNode root) {
        JsonNode n = root.get("message");
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1) {
            throw new Invalid("'message' must be the number ('seq') of the message the button or form is on");
        }
        return Optional.of(n.asLong());
    }

    private static List<String> values(String field, JsonNode v) {
        if (v.isString()) {
            return List.of(checkLength("form.values." + field, v.asString(), MAX_TEXT));
        }
        if (v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            if (v.size() > 100) {
                throw new Invalid("'form.values." + field + "' has more than 100 values");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode x : v) {
                if (!x.isString()) {
                    throw new Invalid("'form.values." + field + "' must hold strings only");
                }
                out.add(checkLength("form.values." + field, x.asString(), MAX_TEXT));
            }
            return out;
        }
        throw new Invalid("'form.values." + field + "' must be a string or a list of strings");
    }

    /** A name to quote in an error: control characters shown as '?', at most 64 characters. */
    private static String printable(String name) {
        String p = name.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 64 ? p.substring(0, 64) + "…" : p;
    }

    private static JsonNode object(JsonNode root, String field, Set<String> allowed) {
        JsonNode n = root.get(field);
        if (!n.isObject()) {
            throw new Invalid("'" + field + "' must be an object");
        }
        for (String name : n.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new Invalid("unknown field '" + field + "." + name + "'");
            }
        }
        return n;
    }

    private static String requiredString(JsonNode root, String field, int max) {
        return optionalString(root, field, max).filter(s -> !s.isBlank())
                .orElseThrow(() -> new Invalid("'" + field + "' is required and must be a non-empty string"));
    }

    private static Optional<String> optionalString(JsonNode root, String field, int max) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isString()) {
            throw new Invalid("'" + field + "' must be a string");
        }
        return Optional.of(checkLength(field, n.asString(), max));
    }

    private static String checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new Invalid("'" + field + "' is longer than " + max + " characters");
        }
        return value;
    }

    private static Locale locale(String tag) {
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            if (l.getLanguage().isEmpty()) {
                throw new Invalid("'locale' must be a language tag such as 'en' or 'fr-CA'");
            }
            return l;
        } catch (IllformedLocaleException e) {
            throw new Invalid("'locale' must be a language tag such as 'en' or 'fr-CA'");
        }
    }

    private static java.time.ZoneId zone(String id) {
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new Invalid("'timeZone' must be a time zone such as 'Europe/Paris'");
        }
    }
}

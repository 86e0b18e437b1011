package org.tandem.core.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * A due item's payload: a small flat map of strings, numbers, booleans and lists of them. Checked on the way in,
 * so that a handler never meets a type it cannot read, and a field can be queried ({@code payload.<field>}).
 */
final class DuePayload {

    static final int MAX_JSON = 8 * 1024;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private DuePayload() {
    }

    static Document toDocument(Map<String, ?> payload) {
        Document doc = new Document();
        if (payload == null) {
            return doc;
        }
        payload.forEach((field, value) -> {
            requireField(field);
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(x -> copy.add(scalar(field, x)));
                doc.append(field, copy);
            } else {
                doc.append(field, scalar(field, value));
            }
        });
        if (doc.toJson().length() > MAX_JSON) {
            throw new IllegalArgumentException("a due item's payload must stay under " + MAX_JSON
                    + " characters of JSON: store an id, not the data");
        }
        return doc;
    }

    static Map<String, Object> fromDocument(Document doc) {
        Map<String, Object> payload = new LinkedHashMap<>();
        doc.forEach((k, v) -> payload.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        return Collections.unmodifiableMap(payload);
    }

    /** A field name that is safe in a query path: no dots, no operators. */
    static void requireField(String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("a payload field name is a letter then letters, digits or '_': "
                    + field);
        }
    }

    private static Object scalar(String field, Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("payload field '" + field
                + "' must be a string, an int, a long, a double, a boolean or a list of them, not " + value);
    }
}

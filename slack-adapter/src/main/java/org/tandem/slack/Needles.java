package org.tandem.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a stored copy carries one of an erased person's needles (their name, what they wrote): read as a person
 * would see it, so that Block Kit's JSON escapes, Slack's entities ({@code &amp;lt;}), case and line breaks hide
 * nothing. A long needle counts as found from its first {@value #PREFIX} characters, since the renderer cuts long
 * texts to Slack's limits.
 */
final class Needles {

    static final int PREFIX = 64;

    private final List<String> needles;

    Needles(Set<String> raw) {
        this.needles = raw.stream().map(Needles::normal).filter(n -> !n.isEmpty())
                .map(n -> n.length() > PREFIX ? n.substring(0, PREFIX) : n).distinct().toList();
    }

    boolean none() {
        return needles.isEmpty();
    }

    /** Whether any of these stored texts (plain, or JSON as kept) shows a needle. */
    boolean foundIn(String... stored) {
        for (String s : stored) {
            if (s != null) {
                String seen = normal(readable(s));
                if (needles.stream().anyMatch(seen::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every string of a JSON document, one per line, entities decoded; other text as it is. */
    static String readable(String stored) {
        String t = stored.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                StringBuilder out = new StringBuilder();
                Deque<JsonElement> todo = new ArrayDeque<>(List.of(JsonParser.parseString(t)));
                while (!todo.isEmpty()) {
                    JsonElement e = todo.pop();
                    if (e.isJsonObject()) {
                        e.getAsJsonObject().entrySet().stream().map(Map.Entry::getValue).forEach(todo::push);
                    } else if (e.isJsonArray()) {
                        e.getAsJsonArray().forEach(todo::push);
                    } else if (e.isJsonPrimitive()) {
                        out.append(e.getAsString()).append('\n');
                    }
                }
                return Payloads.entities(out.toString());
            } catch (JsonParseException | IllegalStateException e) {
                // not JSON after all: read as text
            }
        }
        return Payloads.entities(stored);
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

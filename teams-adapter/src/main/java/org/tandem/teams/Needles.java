package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.tandem.core.conversation.Messenger;

/**
 * What must not stay in any copy Tandem keeps once a person erased their data: their name, what they wrote, their
 * ids. Copies are read as people would read them, not byte for byte: card Markdown escapes undone ({@code \*}),
 * line breaks and TextBlocks joined, links decoded, case ignored; a needle counts as a whole word only (a
 * department called "Annecy" does not carry "Anne").
 */
final class Needles {

    private final List<String> needles = new ArrayList<>();

    private Needles(Collection<String> raw) {
        for (String n : raw) {
            String plain = normalize(n);
            if (plain.length() >= Messenger.Forgotten.MIN_TRACE) {
                needles.add(plain);
            }
        }
    }

    /** The person's name and traces, and the ids the adapter knew them by. */
    static Needles of(Messenger.Forgotten forgotten, Collection<String> ids) {
        List<String> all = new ArrayList<>(forgotten.needles());
        all.addAll(ids);
        return new Needles(all);
    }

    /** Whether a card, an activity or a JSON file carries one: its strings (and field names) as read in order. */
    boolean in(JsonNode json) {
        StringBuilder text = new StringBuilder();
        strings(json, text);
        return inPlain(text.toString());
    }

    /** Whether a text (a CSV file, say) carries one; CSV's doubled quotes read as one. */
    boolean in(String text) {
        return inPlain(text.replace("\"\"", "\""));
    }

    private boolean inPlain(String text) {
        String hay = normalize(text);
        for (String n : needles) {
            for (int at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + 1)) {
                if (boundary(hay, at - 1) && boundary(hay, at + n.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void strings(JsonNode node, StringBuilder into) {
        if (node.isTextual()) {
            String s = node.asText();
            into.append(s).append(' ');
            if (s.startsWith("http")) {
                try {
                    into.append(URLDecoder.decode(s, StandardCharsets.UTF_8)).append(' ');
                } catch (IllegalArgumentException e) {
                    // not encoded after all
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                into.append(e.getKey()).append(' ');
                strings(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(x -> strings(x, into));
        } else if (node.isValueNode()) {
            into.append(node.asText()).append(' ');
        }
    }

    /** Lower case, Markdown escapes and zero-width spaces gone, every run of white space one space. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && !Character.isLetterOrDigit(s.charAt(i + 1))) {
                continue; // "\*" is how a card shows "*"
            }
            if (c == '\u200B') {
                continue;
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }
}

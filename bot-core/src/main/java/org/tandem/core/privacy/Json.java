package org.tandem.core.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for a person's copy of their data: maps, collections, strings, numbers, booleans, instants
 * (as ISO-8601 strings) and null, indented so that a person can read the file.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object v, int depth) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue(), depth + 1);
                first = false;
            }
            out.append('\n').append("  ".repeat(depth)).append('}');
        } else if (v instanceof Collection<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object x : list) {
                out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
                write(out, x, depth + 1);
                first = false;
            }
            out.append('\n').append("  ".repeat(depth)).append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Instant || v instanceof java.util.Date) {
            string(out, v instanceof java.util.Date d ? d.toInstant().toString() : v.toString());
        } else {
            string(out, v.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

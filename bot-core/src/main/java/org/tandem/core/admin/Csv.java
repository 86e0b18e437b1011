package org.tandem.core.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 (with a byte-order mark, so that spreadsheets read accents right). A cell that a
 * spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) is prefixed with an apostrophe:
 * names come from people, and an export must not become a way to run something on a coordinator's machine.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}

package org.tandem.core.invitations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a coordinator pasted: e-mail addresses separated by spaces, commas, semicolons or new lines (the
 * {@code Name <a@b.c>} form too), or a CSV's content, whose column named {@code email}, {@code e-mail} or
 * {@code mail} (any case), else the first column that holds addresses, is read. Without any address, each word is a
 * user name (the web chat's directory knows people by name). Each handle once, in the order given.
 */
final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"'()\\[\\]]+@[^\\s<>,;\"'()\\[\\]@]+\\.[A-Za-z]{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Set<String> HEADERS = Set.of("email", "e-mail", "mail", "email address", "e-mail address");

    private Addresses() {
    }

    static List<String> parse(String text) {
        String[] lines = text.strip().split("\\R");
        if (lines.length > 1 && !ADDRESS.matcher(lines[0]).find()) {
            List<String> fromCsv = csv(lines);
            if (!fromCsv.isEmpty()) {
                return fromCsv;
            }
        }
        List<String> found = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        if (found.isEmpty()) {
            for (String word : SEPARATORS.split(text.strip())) {
                if (!word.isEmpty()) {
                    found.add(word);
                }
            }
        }
        return distinct(found);
    }

    /** A CSV with a header row: the address column's cells, each cell's address when it holds one. */
    private static List<String> csv(String[] lines) {
        char delimiter = delimiter(lines[0]);
        List<String> header = fields(lines[0], delimiter);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(fields(lines[i], delimiter));
            }
        }
        int column = -1;
        for (int c = 0; c < header.size() && column < 0; c++) {
            if (HEADERS.contains(header.get(c).strip().toLowerCase(Locale.ROOT))) {
                column = c;
            }
        }
        for (int c = 0; column < 0 && c < header.size(); c++) {
            int col = c;
            if (rows.stream().anyMatch(r -> col < r.size() && ADDRESS.matcher(r.get(col)).find())) {
                column = c;
            }
        }
        if (column < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            if (column < r.size()) {
                Matcher m = ADDRESS.matcher(r.get(column));
                if (m.find()) {
                    out.add(m.group());
                }
            }
        }
        return distinct(out);
    }

    /** The delimiter a spreadsheet used: semicolons (French Excel), tabs (a copied range) or commas. */
    private static char delimiter(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** One CSV line's fields (RFC 4180 quotes; a quoted field does not span lines here). */
    static List<String> fields(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    /** Each handle once, compared without case (an address is case-insensitive in practice). */
    private static List<String> distinct(List<String> handles) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : handles) {
            out.putIfAbsent(h.toLowerCase(Locale.ROOT), h);
        }
        return new ArrayList<>(out.values());
    }
}

package org.tandem.teams;

import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.Rich;

/**
 * Our markup to the Markdown subset of Adaptive Card text ({@code TextBlock}, {@code Fact}): {@code *bold*} becomes
 * {@code **bold**}, {@code `code`} is shown bold (cards have no code style), and every literal span is escaped so
 * that what people typed is shown as typed, never as formatting, a link, a list or a date function.
 */
final class TeamsMarkdown {

    /**
     * Characters that start or end formatting anywhere in a line; a backslash makes them literal. Kept to what
     * card Markdown interprets, so that clients with a partial Markdown show no stray backslashes.
     */
    private static final String SPECIAL = "\\`*_[]~";
    /** Characters that mean something only at the start of a line: headings, quotes, list items. */
    private static final String LINE_START = "#>-+";

    private TeamsMarkdown() {
    }

    /** The text as card Markdown, one entry per line (each line becomes its own TextBlock). */
    static List<String> lines(Rich rich) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Rich.Span span : rich.spans()) {
            String text = span.text().replace("\r\n", "\n").replace('\r', '\n');
            int from = 0;
            while (true) {
                int nl = text.indexOf('\n', from);
                String part = nl < 0 ? text.substring(from) : text.substring(from, nl);
                boolean lineStart = line.isEmpty();
                line.append(span instanceof Rich.Literal ? escape(part, lineStart) : markup(part));
                if (nl < 0) {
                    break;
                }
                lines.add(line.toString());
                line.setLength(0);
                from = nl + 1;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text as one Markdown string with card line breaks, for a Fact value. */
    static String inline(Rich rich) {
        return String.join("\n\n", lines(rich));
    }

    /** A literal string (a name, an answer) for a Markdown field, line breaks kept. */
    static String literal(String text) {
        return inline(Rich.literal(text));
    }

    /** Escapes one line of literal text; {@code lineStart} says whether it begins a line (lists, headings). */
    static String escape(String literal, boolean lineStart) {
        StringBuilder b = new StringBuilder(literal.length() + 8);
        int i = 0;
        if (lineStart) {
            while (i < literal.length() && literal.charAt(i) == ' ') {
                b.append(' ');
                i++;
            }
            // "- x", "# x" and "1. x" would become list items or headings
            if (i < literal.length() && LINE_START.indexOf(literal.charAt(i)) >= 0) {
                b.append('\\').append(literal.charAt(i));
                i++;
            } else {
                int d = i;
                while (d < literal.length() && Character.isDigit(literal.charAt(d))) {
                    d++;
                }
                if (d > i && d < literal.length() && (literal.charAt(d) == '.' || literal.charAt(d) == ')')) {
                    b.append(literal, i, d).append('\\').append(literal.charAt(d));
                    i = d + 1;
                }
            }
        }
        for (; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c == '{' && i + 1 < literal.length() && literal.charAt(i + 1) == '{') {
                // "{{DATE(...)}}" is a card function: a zero-width space keeps the braces apart
                b.append("{\u200B");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Our trusted markup: single-asterisk bold to Markdown bold, code to bold. */
    private static String markup(String text) {
        return text.replace("*", "**").replace("`", "**");
    }
}

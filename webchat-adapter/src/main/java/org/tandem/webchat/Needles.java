package org.tandem.webchat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * What a person who erased their data left in the web chat's copies — their name and what they wrote — and how to
 * find and blank it. A copy is about them when it holds their name or one of their distinctive texts (several words,
 * an e-mail address, a long answer), in any of the forms a copy may hold it (as typed, escaped for the page's
 * markdown, inside a JSON or CSV file). Only such a copy loses their short answers too: a department such as
 * "Sales" is everyone's word, and another person's "Sales" stays theirs.
 */
final class Needles {

    /** What a blanked name or text becomes. */
    static final String DASH = "—";
    /** How much of a long text must match for a shortened quote of it ("Speak with confidence at the…") to count. */
    static final int QUOTED_PREFIX = 24;
    private static final int DISTINCTIVE_LENGTH = 16;

    /**
     * One form of a needle: the pattern that finds it as a word, and the text it must contain, case-folded, for a
     * quick look that spares the pattern (and its look-arounds) every text that cannot hold it.
     */
    private record Needle(Pattern pattern, String folded) {
        boolean in(String text, String foldedText) {
            return foldedText.contains(folded) && pattern.matcher(text).find();
        }
    }

    private final List<Needle> distinctive;
    private final List<Needle> every;

    private Needles(List<Needle> distinctive, List<Needle> every) {
        this.distinctive = distinctive;
        this.every = every;
    }

    /** The needles of a person: their display name (may be null) and their traces. */
    static Needles of(String name, Set<String> traces) {
        Set<String> strong = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        if (name != null && !name.isBlank()) {
            strong.add(name.strip());
        }
        for (String t : traces) {
            if (t.chars().anyMatch(Character::isWhitespace) || t.contains("@") || t.length() >= DISTINCTIVE_LENGTH) {
                strong.add(t);
            }
            all.add(t);
        }
        all.addAll(strong);
        return new Needles(patterns(strong), patterns(all));
    }

    boolean isEmpty() {
        return every.isEmpty();
    }

    /** Whether the text is about the person: it holds their name or a distinctive text of theirs. */
    boolean foundIn(String text) {
        String folded = fold(text);
        return distinctive.stream().anyMatch(n -> n.in(text, folded));
    }

    /** The text with each of the person's names and texts (and shortened quotes of the long ones) as a dash. */
    String blank(String text) {
        String out = text;
        for (Needle n : every) {
            if (fold(out).contains(n.folded())) {
                out = n.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(DASH));
            }
        }
        return out;
    }

    /**
     * A text as the patterns compare it, one character for one: each as the lower case of its upper case, which
     * is how a case-insensitive Unicode match tells two characters equal (so no text the pattern would match is
     * missed by the quick look).
     */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(out);
    }

    /** Whether any string a block holds, at any depth, is about the person. */
    boolean foundIn(Document block) {
        return block.values().stream().anyMatch(this::foundInValue);
    }

    private boolean foundInValue(Object v) {
        if (v instanceof String s) {
            return foundIn(s);
        }
        if (v instanceof Document d) {
            return foundIn(d);
        }
        return v instanceof List<?> l && l.stream().anyMatch(this::foundInValue);
    }

    /** The same block with every string it holds, at any depth, blanked. */
    Document blank(Document block) {
        Document out = new Document();
        block.forEach((k, v) -> out.append(k, blankValue(v)));
        return out;
    }

    private Object blankValue(Object v) {
        if (v instanceof String s) {
            return blank(s);
        }
        if (v instanceof Document d) {
            return blank(d);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(this::blankValue).toList();
        }
        return v;
    }

    /** Longest first, so that a text is blanked whole before a shorter one inside it. */
    private static List<Needle> patterns(Set<String> needles) {
        List<String> forms = new ArrayList<>();
        for (String n : needles) {
            for (String f : List.of(n, WebchatRenderer.escape(n), json(n), n.replace("\"", "\"\""))) {
                if (!forms.contains(f)) {
                    forms.add(f);
                }
            }
        }
        forms.sort((a, b) -> b.length() - a.length());
        List<Needle> out = new ArrayList<>();
        for (String f : forms) {
            out.add(new Needle(word(Pattern.quote(f)), quick(f)));
            if (f.length() > QUOTED_PREFIX) {
                String prefix = f.substring(0, QUOTED_PREFIX);
                out.add(new Needle(word(Pattern.quote(prefix) + "[^\\n]*"), quick(prefix)));
            }
        }
        return out;
    }

    /**
     * What a text must contain for a needle to be in it, folded; nothing (always look) for a needle with characters
     * outside the Basic Multilingual Plane, which the pattern folds as code points.
     */
    private static String quick(String needle) {
        return needle.chars().anyMatch(c -> Character.isSurrogate((char) c)) ? "" : fold(needle);
    }

    /** Matches only where the needle is not part of a longer word: "Ann" is not in "Planning". */
    private static Pattern word(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** As the core's JSON files write a string's content. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }
}

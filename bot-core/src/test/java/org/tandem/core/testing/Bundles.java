package org.tandem.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.i18n.Texts;

/**
 * Checks a message bundle in every language Tandem speaks: the same keys and arguments everywhere, counts written
 * with ICU plurals (never "(s)"), each text rendering for 0, 1, 2 and 5, balanced quotes and markup, apostrophes
 * kept as written, and no English left in the French. The core's bundle and each adapter's use it.
 */
public final class Bundles {

    /** The counts every text is rendered with. */
    public static final List<Integer> COUNTS = List.of(0, 1, 2, 5);
    /** What a text argument is rendered as: a name with an apostrophe-free accent, to see it come through. */
    public static final String SAMPLE = "Zoé";

    /** Words that give an English sentence away (compared whole and in lower case, outside `code`). */
    private static final Set<String> ENGLISH = Set.of("the", "and", "please", "you", "your", "with", "is", "are",
            "this", "that", "will", "not", "thank", "thanks", "of", "to", "has", "have", "from", "for", "when",
            "which", "who", "what", "mentee", "mentees", "shortlist", "meeting", "meetings", "button", "here",
            "there", "now", "only", "been", "yet", "again", "check", "answer", "answers", "someone");
    /** A count written the lazy way: "answer(s)", "inscrit(e)", "signalée(s)", "mentoré·e". */
    private static final Pattern LAZY_PLURAL = Pattern.compile("\\((s|e|es|x|ne|nes)\\)|\\p{L}·\\p{L}");
    private static final Pattern CODE = Pattern.compile("`[^`]*`");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private Bundles() {
    }

    /**
     * Checks the bundle {@code name} ({@code i18n.messages}, {@code i18n.slack}…); {@code commandKeys} are keys or
     * key prefixes (ending in {@code .}) whose texts are command words or word lists, not sentences.
     */
    public static void check(String name, Set<String> commandKeys) {
        Texts en = Texts.of(name, Locale.ENGLISH);
        List<String> problems = new ArrayList<>();
        for (Locale l : Texts.SUPPORTED) {
            Set<String> keys = new TreeSet<>(Texts.of(name, l).keys());
            if (!keys.equals(new TreeSet<>(en.keys()))) {
                problems.add("the keys of " + name + " in " + l + " differ from English: " + difference(keys, en.keys()));
            }
        }
        for (String key : new TreeSet<>(en.keys())) {
            TreeMap<Integer, Boolean> arguments = arguments(en.source(key));
            for (Locale l : Texts.SUPPORTED) {
                Texts t = Texts.of(name, l);
                if (t.has(key)) {
                    problems.addAll(problems(t, key, arguments, commandText(key, commandKeys)));
                }
            }
        }
        assertThat(problems).as("problems in the bundle " + name).isEmpty();
    }

    private static List<String> problems(Texts t, String key, TreeMap<Integer, Boolean> english, boolean command) {
        List<String> out = new ArrayList<>();
        Locale l = t.locale();
        String source = t.source(key);
        String where = l + " " + key + ": " + source;
        try {
            new MessageFormat(source, ULocale.forLocale(l));
        } catch (IllegalArgumentException e) {
            out.add("ICU cannot parse " + where + " (" + e.getMessage() + ")");
            return out;
        }
        TreeMap<Integer, Boolean> mine = arguments(source);
        if (!mine.keySet().equals(english.keySet())) {
            out.add("arguments " + mine.keySet() + " instead of " + english.keySet() + " in " + where);
        }
        if (source.contains("''")) {
            out.add("a doubled apostrophe in " + where);
        }
        pluralsWithoutOther(source).forEach(p -> out.add(p + " has no 'other' in " + where));
        TreeMap<Integer, Boolean> all = new TreeMap<>(english);
        mine.forEach((i, counted) -> all.merge(i, counted, Boolean::logicalOr));
        for (int n : COUNTS) {
            String text = t.get(key, sample(all, n));
            String shown = where + "\n    rendered for " + n + ": " + text;
            if (text.contains("{") || text.contains("}") || text.contains("\uE000") || text.contains("''")) {
                out.add("syntax left in " + shown);
            }
            if (LAZY_PLURAL.matcher(text).find()) {
                out.add("a lazy plural in " + shown);
            }
            if (!balanced(text)) {
                out.add("unbalanced quotes or markup in " + shown);
            }
            if (!mine.containsValue(true) && count(text, '\'') != count(source, '\'')) {
                out.add("apostrophes lost in " + shown);
            }
            if (l.getLanguage().equals("fr") && !command) {
                Set<String> words = englishWords(text);
                if (!words.isEmpty()) {
                    out.add("English words " + words + " in " + shown);
                }
                if (text.contains("\"")) {
                    out.add("\"…\" instead of « » in " + shown);
                }
            }
        }
        return out;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        Set<String> missing = new TreeSet<>(b);
        missing.removeAll(a);
        missing.forEach(k -> out.add("-" + k));
        return out;
    }

    /** Arguments for a text: the count {@code n} for counted ones, {@link #SAMPLE} for the others. */
    static Object[] sample(TreeMap<Integer, Boolean> arguments, int n) {
        Object[] args = new Object[arguments.isEmpty() ? 0 : arguments.lastKey() + 1];
        for (int i = 0; i < args.length; i++) {
            args[i] = Boolean.TRUE.equals(arguments.get(i)) ? (Object) n : SAMPLE;
        }
        return args;
    }

    /** Every argument number of a pattern, with whether it is counted (plural, number…) somewhere. */
    static TreeMap<Integer, Boolean> arguments(String source) {
        TreeMap<Integer, Boolean> out = new TreeMap<>();
        MessagePattern p;
        try {
            p = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(source);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (int i = 0; i < p.countParts() - 1; i++) {
            MessagePattern.Part part = p.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                boolean counted = part.getArgType() != MessagePattern.ArgType.NONE;
                out.merge(p.getPart(i + 1).getValue(), counted, Boolean::logicalOr);
            }
        }
        return out;
    }

    private static List<String> pluralsWithoutOther(String source) {
        List<String> out = new ArrayList<>();
        MessagePattern p;
        try {
            p = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(source);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (int i = 0; i < p.countParts(); i++) {
            MessagePattern.Part part = p.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START
                    && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                boolean other = false;
                int limit = p.getLimitPartIndex(i);
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part s = p.getPart(j);
                    if (s.getType() == MessagePattern.Part.Type.ARG_SELECTOR && p.partSubstringMatches(s, "other")) {
                        other = true;
                    }
                }
                if (!other) {
                    out.add("{" + p.getPart(i + 1).getValue() + ", plural…}");
                }
                i = limit;
            }
        }
        return out;
    }

    /** Quotes and markup come in pairs: « », "…", *bold*, `code`. */
    static boolean balanced(String text) {
        return count(text, '«') == count(text, '»') && count(text, '"') % 2 == 0 && count(text, '*') % 2 == 0
                && count(text, '`') % 2 == 0;
    }

    private static Set<String> englishWords(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = WORD.matcher(CODE.matcher(text).replaceAll(" "));
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean commandText(String key, Set<String> commandKeys) {
        return commandKeys.stream().anyMatch(c -> c.endsWith(".") ? key.startsWith(c) : key.equals(c));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}

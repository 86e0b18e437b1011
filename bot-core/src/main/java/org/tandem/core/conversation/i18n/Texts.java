package org.tandem.core.conversation.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.Rich;

/**
 * The message bundles ({@code i18n/messages.properties}, {@code i18n/messages_fr.properties}) for one locale.
 * Texts are ICU message patterns: {@code {0}}, {@code {1}}… and, for counts,
 * {@code {0, plural, one {# reflection} other {# reflections}}} with the language's plural rules (in French, 0 and
 * 1 are both "one"); numbers are written the language's way. An apostrophe is always a plain apostrophe, even
 * before a brace, which French texts are full of: the bundles never quote.
 */
public final class Texts {

    /** The languages Tandem speaks. The first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final String BUNDLE = "i18n.messages";
    /** Where a text argument goes while ICU lays out the sentence: private-use characters around its number. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern SLOT = Pattern.compile(OPEN + "(\\d+)" + CLOSE);
    /** An apostrophe ICU would read as the start of a quotation (DOUBLE_OPTIONAL): doubled, so it stays one. */
    private static final Pattern QUOTING = Pattern.compile("(?<!')'(?=[{}#|])");
    private static final Map<String, Texts> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ULocale ulocale;
    private final String name;
    private final ResourceBundle bundle;
    /** Per key: the pattern as ICU reads it, the arguments it counts with and those it chooses a form by. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    private record Template(String pattern, Set<Integer> numeric, Set<Integer> selecting) {}

    private Texts(String name, Locale locale) {
        this.locale = locale;
        this.ulocale = ULocale.forLocale(locale);
        this.name = name;
        this.bundle = ResourceBundle.getBundle(name, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts for the supported language closest to {@code locale} (English when none is close). */
    public static Texts of(Locale locale) {
        return of(BUNDLE, locale);
    }

    /**
     * Another bundle with the same conventions, e.g. an adapter's own few sentences ({@code i18n.teams}), in the
     * supported language closest to {@code locale}.
     */
    public static Texts of(String bundle, Locale locale) {
        Locale l = supported(locale);
        return CACHE.computeIfAbsent(bundle + "|" + l.toLanguageTag(), k -> new Texts(bundle, l));
    }

    /** Maps any locale to one Tandem speaks: {@code fr-CA} to French, {@code de} to English. */
    public static Locale supported(Locale locale) {
        if (locale != null) {
            for (Locale l : SUPPORTED) {
                if (l.getLanguage().equals(locale.getLanguage())) {
                    return l;
                }
            }
        }
        return SUPPORTED.get(0);
    }

    /** Parses a language a person typed ({@code fr}, {@code FR}, {@code français}), if Tandem speaks it. */
    public static Optional<Locale> parseLanguage(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        for (Locale l : SUPPORTED) {
            if (t.equals(l.getLanguage()) || t.equals(l.getDisplayLanguage(l).toLowerCase(l))
                    || t.equals(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public Locale locale() {
        return locale;
    }

    /** A sentence as plain text, with arguments put in as they are (for labels, button texts, field values). */
    public String get(String key, Object... args) {
        StringBuilder out = new StringBuilder();
        for (Rich.Span s : spans(key, args)) {
            out.append(s.text());
        }
        return out.toString();
    }

    /** A sentence with markup, arguments kept as literal spans so that renderers escape them. */
    public Rich rich(String key, Object... args) {
        return new Rich(spans(key, args));
    }

    /** A date as people read it in this language, e.g. "March 3, 2026" or "3 mars 2026", on a zone's calendar. */
    public String date(Instant at, ZoneId zone) {
        return date(at.atZone(zone).toLocalDate());
    }

    /** A calendar day as people read it in this language; French writes the first of the month "1er". */
    public String date(LocalDate day) {
        return format(day, day.getDayOfMonth(), FormatStyle.LONG);
    }

    /** A compact date for lists, e.g. "Mar 3, 2026" or "1er déc. 2026", on a zone's calendar. */
    public String shortDate(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return format(day, day.getDayOfMonth(), FormatStyle.MEDIUM);
    }

    /** A day and a time, e.g. "Tuesday, December 1, 2026, 5:30 PM" or "mardi 1er décembre 2026 à 17:30". */
    public String dateTime(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        // how a day and its time join ("…, 5:30 PM", "… à 17:30") is the core's text, whichever bundle this is
        return of(locale).get("date.at-time", format(z, z.getDayOfMonth(), FormatStyle.FULL),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(z));
    }

    /**
     * A meeting time for a list or a button, short and in the language's own order and clock: "Tue, Dec 8, 10:00 AM",
     * "mar. 8 déc., 10:00".
     */
    public String slot(Instant at, ZoneId zone) {
        return skeleton("EEEMMMdjmm", at, zone);
    }

    /** A day of the month, short, for a chart's axis: "Mar 3", "3 mars". */
    public String dayMonth(LocalDate day) {
        return skeleton("MMMd", day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    /** A time of day in the language's clock: "6:00 PM", "18:00". */
    public String time(Instant at, ZoneId zone) {
        return skeleton("jmm", at, zone);
    }

    private String skeleton(String skeleton, Instant at, ZoneId zone) {
        DateFormat f = DateFormat.getInstanceForSkeleton(skeleton, ULocale.forLocale(locale));
        f.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return f.format(Date.from(at));
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of the bundle, for the test that English and French stay in step. */
    public Set<String> keys() {
        return bundle.keySet();
    }

    /** The text of a key as written in the bundle, for the tests that check the bundles. */
    public String source(String key) {
        template(key);
        return bundle.getString(key);
    }

    private String format(TemporalAccessor when, int dayOfMonth, FormatStyle date) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, null, IsoChronology.INSTANCE,
                locale);
        if (dayOfMonth == 1 && locale.getLanguage().equals("fr")) {
            pattern = firstOfMonth(pattern);
        }
        return DateTimeFormatter.ofPattern(pattern, locale).format(when);
    }

    /** The day-of-month field {@code d} of a pattern followed by a literal "er", outside quoted text. */
    private static String firstOfMonth(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            out.append(c);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'd' && (i + 1 == pattern.length() || pattern.charAt(i + 1) != 'd')
                    && (i == 0 || pattern.charAt(i - 1) != 'd')) {
                out.append("'er'");
            }
        }
        return out.toString();
    }

    private Template template(String key) {
        return templates.computeIfAbsent(key, k -> {
            String written;
            try {
                written = bundle.getString(k);
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("no text '" + k + "' in the " + locale + " " + name + " bundle", e);
            }
            String pattern = QUOTING.matcher(written).replaceAll("''");
            return new Template(pattern, arguments(pattern, false), arguments(pattern, true));
        });
    }

    /**
     * The arguments a pattern counts with ({@code plural}, {@code number}…), or with {@code select} those it picks
     * a form by: both reach ICU as they are instead of being kept aside as literal text.
     */
    private static Set<Integer> arguments(String pattern, boolean select) {
        MessagePattern parsed = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
        Set<Integer> found = new HashSet<>();
        for (int i = 0; i < parsed.countParts() - 1; i++) {
            MessagePattern.Part part = parsed.getPart(i);
            MessagePattern.ArgType type = part.getArgType();
            if (part.getType() == MessagePattern.Part.Type.ARG_START && type != MessagePattern.ArgType.NONE
                    && (type == MessagePattern.ArgType.SELECT) == select) {
                found.add(parsed.getPart(i + 1).getValue());
            }
        }
        return found;
    }

    private List<Rich.Span> spans(String key, Object... args) {
        Template template = template(key);
        Object[] laid = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (template.numeric().contains(i)) {
                laid[i] = number(key, i, args[i]);
            } else if (template.selecting().contains(i)) {
                laid[i] = String.valueOf(args[i]);
            } else {
                laid[i] = args[i] instanceof Number ? args[i] : OPEN + Integer.toString(i) + CLOSE;
            }
        }
        String text = new MessageFormat(template.pattern(), ulocale).format(laid);
        List<Rich.Span> spans = new ArrayList<>();
        Matcher m = SLOT.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                spans.add(new Rich.Markup(text.substring(last, m.start())));
            }
            Object arg = args[Integer.parseInt(m.group(1))];
            if (arg instanceof Rich r) {
                spans.addAll(r.spans());
            } else {
                spans.add(new Rich.Literal(String.valueOf(arg)));
            }
            last = m.end();
        }
        if (last < text.length()) {
            spans.add(new Rich.Markup(text.substring(last)));
        }
        return spans;
    }

    /** A count as ICU needs it: a number, or a text that reads as one. */
    private Number number(String key, int index, Object arg) {
        if (arg instanceof Number n) {
            return n;
        }
        try {
            return Long.parseLong(String.valueOf(arg).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the text '" + key + "' counts with {" + index + "}, which got '"
                    + arg + "', not a number", e);
        }
    }
}

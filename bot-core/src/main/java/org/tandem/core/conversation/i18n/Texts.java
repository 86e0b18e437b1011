package org.tandem.core.conversation.i18n;

import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.Rich;

/**
 * The message bundles ({@code i18n/messages.properties}, {@code i18n/messages_fr.properties}) for one locale.
 * Placeholders are {@code {0}}, {@code {1}}…; unlike {@link java.text.MessageFormat} an apostrophe needs no
 * quoting, which French texts are full of.
 */
public final class Texts {

    /** The languages Tandem speaks. The first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final String BUNDLE = "i18n.messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<String, Texts> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final String name;
    private final ResourceBundle bundle;

    private Texts(String name, Locale locale) {
        this.locale = locale;
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
    public static java.util.Optional<Locale> parseLanguage(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        for (Locale l : SUPPORTED) {
            if (t.equals(l.getLanguage()) || t.equals(l.getDisplayLanguage(l).toLowerCase(l))
                    || t.equals(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
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

    /** A date as people read it in this language, e.g. "3 March 2026" or "3 mars 2026", on a zone's calendar. */
    public String date(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone));
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of the bundle, for the test that English and French stay in step. */
    public Set<String> keys() {
        return bundle.keySet();
    }

    private List<Rich.Span> spans(String key, Object... args) {
        String template;
        try {
            template = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text '" + key + "' in the " + locale + " " + name + " bundle", e);
        }
        List<Rich.Span> spans = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                spans.add(new Rich.Markup(template.substring(last, m.start())));
            }
            int index = Integer.parseInt(m.group(1));
            Object arg = index < args.length ? args[index] : m.group();
            if (arg instanceof Rich r) {
                spans.addAll(r.spans());
            } else {
                spans.add(new Rich.Literal(String.valueOf(arg)));
            }
            last = m.end();
        }
        if (last < template.length()) {
            spans.add(new Rich.Markup(template.substring(last)));
        }
        return spans;
    }
}

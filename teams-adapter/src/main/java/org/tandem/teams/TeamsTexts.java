package org.tandem.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.Rich;
import org.tandem.core.i18n.Texts;

/**
 * The few sentences only Teams needs ({@code i18n/teams*.properties}: {@code admin here}, the group-chat link), in
 * the languages the core speaks. Same conventions as the core's bundles: {@code {0}} placeholders, our markup.
 */
final class TeamsTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<Locale, TeamsTexts> CACHE = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;

    private TeamsTexts(Locale locale) {
        this.bundle = ResourceBundle.getBundle("i18n.teams", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static TeamsTexts of(Locale locale) {
        return CACHE.computeIfAbsent(Texts.supported(locale), TeamsTexts::new);
    }

    /** A sentence with its arguments as literal spans, so that the renderer escapes them. */
    Rich rich(String key, Object... args) {
        String template = template(key);
        List<Rich.Span> spans = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                spans.add(new Rich.Markup(template.substring(last, m.start())));
            }
            int i = Integer.parseInt(m.group(1));
            spans.add(new Rich.Literal(i < args.length ? String.valueOf(args[i]) : m.group()));
            last = m.end();
        }
        if (last < template.length()) {
            spans.add(new Rich.Markup(template.substring(last)));
        }
        return new Rich(spans);
    }

    /** A sentence as plain text (labels, link titles). */
    String get(String key, Object... args) {
        StringBuilder b = new StringBuilder();
        rich(key, args).spans().forEach(s -> b.append(s.text()));
        return b.toString();
    }

    java.util.Set<String> keys() {
        return bundle.keySet();
    }

    private String template(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no Teams text '" + key + "'", e);
        }
    }
}

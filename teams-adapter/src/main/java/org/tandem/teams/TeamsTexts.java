package org.tandem.teams;

import java.util.Locale;
import java.util.Set;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;

/**
 * The few sentences only Teams needs ({@code i18n/teams*.properties}: {@code admin here}, the group-chat link), in
 * the languages the core speaks, read by the core's {@link Texts} (same placeholders, same markup).
 */
final class TeamsTexts {

    private final Texts texts;

    private TeamsTexts(Texts texts) {
        this.texts = texts;
    }

    static TeamsTexts of(Locale locale) {
        return new TeamsTexts(Texts.of("i18n.teams", locale));
    }

    /** A sentence with its arguments as literal spans, so that the renderer escapes them. */
    Rich rich(String key, Object... args) {
        return texts.rich(key, args);
    }

    /** A sentence as plain text (labels, link titles). */
    String get(String key, Object... args) {
        return texts.get(key, args);
    }

    Set<String> keys() {
        return texts.keys();
    }
}

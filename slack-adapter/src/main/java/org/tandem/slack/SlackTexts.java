package org.tandem.slack;

import java.util.Locale;
import java.util.Set;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.i18n.Texts;

/**
 * The few sentences only Slack needs ({@code i18n/slack*.properties}: {@code admin here}, a form kept for the
 * coordinators), in the languages the core speaks, read by the core's {@link Texts}.
 */
final class SlackTexts {

    private final Texts texts;

    private SlackTexts(Texts texts) {
        this.texts = texts;
    }

    static SlackTexts of(Locale locale) {
        return new SlackTexts(Texts.of("i18n.slack", locale));
    }

    /** One sentence as a message (arguments as literal spans, escaped by the renderer). */
    Message message(String key, Object... args) {
        return Message.text(texts.rich(key, args));
    }

    Set<String> keys() {
        return texts.keys();
    }
}

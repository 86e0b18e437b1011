package org.tandem.core.conversation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.i18n.Texts;

/**
 * A person the bot has met.
 *
 * @param platformLocale the language the platform last reported for them
 * @param chosenLocale   the language they chose with {@code language fr}; it wins over the platform's
 * @param timeZone       the platform's time zone for them, when it knows it
 * @param email          their work e-mail address, when the platform gave it: calendar invites name them
 */
public record Person(PersonRef ref, String displayName, Locale platformLocale, Optional<Locale> chosenLocale,
                     Optional<ZoneId> timeZone, Instant firstSeen, Optional<String> email) {

    /** The language to speak to them in. */
    public Locale locale() {
        return Texts.supported(chosenLocale.orElse(platformLocale));
    }
}

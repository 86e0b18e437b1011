package org.tandem.core.conversation;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The person behind an inbound event, as the platform describes them right now.
 *
 * @param displayName the name the platform gives them now, or null when this event does not say (the stored one stays)
 * @param locale   the platform's idea of their language; a person's own choice ({@code language fr}) wins
 * @param timeZone the platform's time zone for them, when it knows it
 * @param email    their work e-mail address, when the platform gives it (for calendar invites)
 */
public record Actor(PersonRef person, String displayName, Locale locale, Optional<ZoneId> timeZone,
                    Optional<String> email) {

    public Actor {
        Objects.requireNonNull(person, "person");
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        locale = locale == null ? Locale.ENGLISH : locale;
        timeZone = timeZone == null ? Optional.empty() : timeZone;
        email = email == null ? Optional.empty() : email.map(String::strip)
                .filter(e -> e.length() <= 254 && e.matches("[^\\s@]+@[^\\s@]+"));
    }

    public Actor(PersonRef person, String displayName, Locale locale, Optional<ZoneId> timeZone) {
        this(person, displayName, locale, timeZone, Optional.empty());
    }

    public Actor(PersonRef person, String displayName, Locale locale) {
        this(person, displayName, locale, Optional.empty());
    }
}

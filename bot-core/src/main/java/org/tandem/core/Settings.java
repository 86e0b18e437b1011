package org.tandem.core;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The core's settings, from the application's configuration.
 *
 * @param adminLocale the language of what the bot posts on its own in the admin channel (summaries, notices)
 * @param digestTime  when the coordinators' daily summary is posted
 * @param digestZone  the time zone of {@code digestTime}
 * @param weeklyCap   at most this many check-in nudges per person and week, so the bot is never the one muted
 */
public record Settings(Locale adminLocale, LocalTime digestTime, ZoneId digestZone, int weeklyCap) {

    public Settings {
        Objects.requireNonNull(adminLocale, "adminLocale");
        Objects.requireNonNull(digestTime, "digestTime");
        Objects.requireNonNull(digestZone, "digestZone");
        if (weeklyCap < 1) {
            throw new IllegalArgumentException("the weekly cap of nudges must be at least 1, not " + weeklyCap);
        }
    }

    public static Settings defaults() {
        return new Settings(Locale.ENGLISH, LocalTime.of(9, 0), ZoneId.of("UTC"), 3);
    }
}

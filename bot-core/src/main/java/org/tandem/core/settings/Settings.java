package org.tandem.core.settings;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The core's settings, from the application's configuration.
 *
 * @param adminLocale             the language of what the bot posts on its own in the admin channel (summaries,
 *                                notices) while none of its coordinators is known, and when their languages are tied
 * @param digestTime              when the coordinators' daily summary (and, on Mondays, the weekly digest) is posted
 * @param digestZone              the time zone of {@code digestTime}, also the coordinators' zone for dates they type
 * @param weeklyCap               at most this many check-in nudges per person and week, so the bot is never muted
 * @param retainClosedProgrammes  how long after a programme closed its people's personal data is kept
 * @param minGroup                reports show no average, rate or chart cell for fewer people than this: a small
 *                                group's answers would be as good as named
 */
public record Settings(Locale adminLocale, LocalTime digestTime, ZoneId digestZone, int weeklyCap,
                       Period retainClosedProgrammes, int minGroup) {

    /** Twelve months, unless configured otherwise. */
    public static final Period DEFAULT_RETENTION = Period.ofMonths(12);

    /** Three nudges a week at most, unless configured otherwise. */
    public static final int DEFAULT_WEEKLY_CAP = 3;

    /** Five people, unless configured otherwise. */
    public static final int DEFAULT_MIN_GROUP = 5;

    /** The bounds of {@code minGroup}: one would name people, more than a hundred would hide every programme. */
    public static final int MIN_MIN_GROUP = 2;
    public static final int MAX_MIN_GROUP = 100;

    public Settings {
        Objects.requireNonNull(adminLocale, "adminLocale");
        Objects.requireNonNull(digestTime, "digestTime");
        Objects.requireNonNull(digestZone, "digestZone");
        if (weeklyCap < 1) {
            throw new IllegalArgumentException("the weekly cap of nudges must be at least 1, not " + weeklyCap);
        }
        Objects.requireNonNull(retainClosedProgrammes, "retainClosedProgrammes");
        if (retainClosedProgrammes.isNegative()) {
            throw new IllegalArgumentException("the retention of closed programmes cannot be negative");
        }
        if (minGroup < MIN_MIN_GROUP || minGroup > MAX_MIN_GROUP) {
            throw new IllegalArgumentException("the smallest group a report shows is between " + MIN_MIN_GROUP
                    + " and " + MAX_MIN_GROUP + " people, not " + minGroup);
        }
    }

    /** With the default smallest group of reports. */
    public Settings(Locale adminLocale, LocalTime digestTime, ZoneId digestZone, int weeklyCap,
                    Period retainClosedProgrammes) {
        this(adminLocale, digestTime, digestZone, weeklyCap, retainClosedProgrammes, DEFAULT_MIN_GROUP);
    }

    /** With the default weekly cap and retention. */
    public Settings(Locale adminLocale, LocalTime digestTime, ZoneId digestZone) {
        this(adminLocale, digestTime, digestZone, DEFAULT_WEEKLY_CAP, DEFAULT_RETENTION);
    }

    public static Settings defaults() {
        return new Settings(Locale.ENGLISH, LocalTime.of(9, 0), ZoneId.of("UTC"));
    }

    /** The same settings with another retention of closed programmes. */
    public Settings retaining(Period period) {
        return new Settings(adminLocale, digestTime, digestZone, weeklyCap, period, minGroup);
    }

    /** The same settings with another smallest group for reports. */
    public Settings reportingGroupsOf(int people) {
        return new Settings(adminLocale, digestTime, digestZone, weeklyCap, retainClosedProgrammes, people);
    }
}

package org.tandem.core.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Working hours are 9:00 to 17:00 local time. Offsets are taken on one reference day, so that summer time is
 * counted as it is that day; a day earlier or later is compared too, so that Auckland's Thursday morning meets
 * Honolulu's Wednesday afternoon.
 */
final class WorkingHours {

    static final LocalTime START = LocalTime.of(9, 0);
    static final int LENGTH_MINUTES = 8 * 60;
    private static final int DAY_MINUTES = 24 * 60;

    private WorkingHours() {
    }

    /** When the working day starts, in minutes after midnight UTC of {@code day} (may be negative). */
    static int startUtc(ZoneId zone, LocalDate day) {
        return (int) Duration.between(day.atStartOfDay(ZoneOffset.UTC), day.atTime(START).atZone(zone)).toMinutes();
    }

    /** Minutes both are at work, from 0 to {@link #LENGTH_MINUTES}. */
    static int overlapMinutes(int startA, int startB) {
        int d = Math.floorMod(startA - startB, DAY_MINUTES);
        return Math.max(0, LENGTH_MINUTES - Math.min(d, DAY_MINUTES - d));
    }
}

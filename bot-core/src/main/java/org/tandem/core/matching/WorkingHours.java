package org.tandem.core.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.tandem.core.schedule.WorkingWeek;

/**
 * A programme's working day ({@link WorkingWeek}'s start and end, the rhythm's hours too), local time in each
 * person's zone. Offsets are taken on one reference day, so that summer time is counted as it is that day; a day
 * earlier or later is compared too, so that Auckland's Thursday morning meets Honolulu's Wednesday afternoon. The
 * week's days are not counted: the criterion is the hours in common on a day both work, and both work the same days
 * of their own weeks.
 */
final class WorkingHours {

    private static final int DAY_MINUTES = 24 * 60;

    private final LocalTime start;
    private final int length;

    WorkingHours(WorkingWeek week) {
        this.start = week.start();
        this.length = (int) Duration.between(week.start(), week.end()).toMinutes();
    }

    /** How long the working day is, in minutes: the most two people can have in common. */
    int length() {
        return length;
    }

    /** When the working day starts, in minutes after midnight UTC of {@code day} (may be negative). */
    int startUtc(ZoneId zone, LocalDate day) {
        return (int) Duration.between(day.atStartOfDay(ZoneOffset.UTC), day.atTime(start).atZone(zone)).toMinutes();
    }

    /**
     * Minutes both are at work, from 0 to {@link #length()}: one stretch, or two when a long day meets both the end
     * and the start of the other's (a 16-hour day twelve hours away).
     */
    int overlapMinutes(int startA, int startB) {
        int d = Math.floorMod(startA - startB, DAY_MINUTES);
        return Math.max(0, length - d) + Math.max(0, length - (DAY_MINUTES - d));
    }
}

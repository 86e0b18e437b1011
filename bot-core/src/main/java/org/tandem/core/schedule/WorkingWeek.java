package org.tandem.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When people work, in their own time zone: from {@code start} to {@code end} on {@code days}. The one definition
 * the rhythm speaks in ({@link Moments}) and meetings are proposed in ({@link Slots}).
 */
public record WorkingWeek(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    public WorkingWeek {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a working day ends at " + end + ", not after it starts at " + start);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a working week has at least one working day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** 9:30 to 17:00, Monday to Friday. */
    public static WorkingWeek defaults() {
        return new WorkingWeek(LocalTime.of(9, 30), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    /** Whether someone in {@code zone} is at work at {@code at}. */
    public boolean working(ZoneId zone, Instant at) {
        ZonedDateTime t = at.atZone(zone);
        LocalTime time = t.toLocalTime();
        return days.contains(t.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether the whole of {@code [from, to]} lies in one working day of someone in {@code zone}. */
    public boolean holds(ZoneId zone, Instant from, Instant to) {
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        return a.toLocalDate().equals(b.toLocalDate()) && days.contains(a.getDayOfWeek())
                && !a.toLocalTime().isBefore(start) && !b.toLocalTime().isAfter(end);
    }
}

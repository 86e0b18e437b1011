package org.tandem.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.tandem.core.settings.Settings;

/**
 * When Tandem speaks up on its own: to a person within their working hours (9:30 to 17:00, Monday to Friday, in
 * their time zone), to the coordinators at their digest time on a working day. One place for both, so that the
 * rhythm's nudges, the shortlist's reminders and the coordinators' notices keep the same hours.
 */
public final class Moments {

    /** The working week the rhythm speaks in: {@link WorkingWeek#defaults()}. */
    public static final WorkingWeek WEEK = WorkingWeek.defaults();
    /** A person's working day starts… */
    public static final LocalTime START = WEEK.start();
    /** …and ends. */
    public static final LocalTime END = WEEK.end();

    private Moments() {
    }

    /** The first moment at or after {@code at} inside working hours, on a working day, in that time zone. */
    public static Instant forPerson(ZoneId zone, Instant at) {
        ZonedDateTime t = at.atZone(zone);
        for (int i = 0; i < 10; i++) {
            boolean weekend = !WEEK.days().contains(t.getDayOfWeek());
            LocalTime time = t.toLocalTime();
            if (WEEK.working(zone, t.toInstant())) {
                return t.toInstant();
            }
            if (!weekend && time.isBefore(START)) {
                return t.with(START).toInstant();
            }
            t = t.toLocalDate().plusDays(1).atTime(START).atZone(zone);
        }
        return t.toInstant();
    }

    /** The coordinators' digest time on the first working day at or after {@code after}, not at whatever hour. */
    public static Instant forCoordinators(Settings settings, Instant after) {
        ZonedDateTime t = after.atZone(settings.digestZone());
        ZonedDateTime slot = t.toLocalDate().atTime(settings.digestTime()).atZone(settings.digestZone());
        if (slot.isBefore(t)) {
            slot = slot.plusDays(1);
        }
        while (weekend(slot)) {
            slot = slot.plusDays(1);
        }
        return slot.toInstant();
    }

    private static boolean weekend(ZonedDateTime t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

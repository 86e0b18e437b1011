package org.tandem.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.tandem.core.settings.Settings;

/**
 * When Tandem speaks up on its own: to a person within their programme's working week (its hours and days, in the
 * person's time zone), to the coordinators at their digest time on a working day. One place for both, so that the
 * rhythm's nudges, the shortlist's reminders and the coordinators' notices keep the same hours.
 */
public final class Moments {

    private Moments() {
    }

    /**
     * The first moment at or after {@code at} inside {@code week}'s working hours, on one of its days, in that time
     * zone.
     */
    public static Instant forPerson(WorkingWeek week, ZoneId zone, Instant at) {
        ZonedDateTime t = at.atZone(zone);
        // a week has a working day: one of the next eight days starts inside it
        for (int i = 0; i < 8; i++) {
            if (week.working(zone, t.toInstant())) {
                return t.toInstant();
            }
            if (week.days().contains(t.getDayOfWeek()) && t.toLocalTime().isBefore(week.start())) {
                return t.with(week.start()).toInstant();
            }
            t = t.toLocalDate().plusDays(1).atTime(week.start()).atZone(zone);
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

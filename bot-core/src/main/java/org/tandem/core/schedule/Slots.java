package org.tandem.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Times two people could meet: inside both working weeks in their own zones (summer time counted on each day), at
 * least a day ahead, spread over the days that have any, one per day at a different time of it, so that a choice of
 * three to five is a real choice. Empty when their working hours never overlap in that horizon: then they pick a
 * time themselves.
 */
public final class Slots {

    /** Slots start on the half hour. */
    static final Duration STEP = Duration.ofMinutes(30);
    /** No sooner than this: people need notice. */
    static final Duration NOTICE = Duration.ofDays(1);
    /** Over the next two weeks. */
    public static final Duration HORIZON = Duration.ofDays(14);

    private Slots() {
    }

    /** Up to {@code count} starts of a meeting of {@code length}, earliest first. */
    public static List<Instant> propose(WorkingWeek week, ZoneId one, ZoneId other, Instant now, Duration length,
                                        int count) {
        return propose(week, one, other, now, length, count, (from, to) -> true);
    }

    /**
     * The same, keeping only the times {@code free} accepts (from and to of the meeting): when their calendars are
     * known, times when neither of them is busy.
     */
    public static List<Instant> propose(WorkingWeek week, ZoneId one, ZoneId other, Instant now, Duration length,
                                        int count, BiPredicate<Instant, Instant> free) {
        if (count < 1 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("count " + count + " and length " + length + " must be positive");
        }
        Instant first = roundUp(now.plus(NOTICE));
        Map<LocalDate, List<Instant>> byDay = new LinkedHashMap<>();
        for (Instant s = first; s.isBefore(now.plus(HORIZON)); s = s.plus(STEP)) {
            Instant end = s.plus(length);
            if (week.holds(one, s, end) && week.holds(other, s, end) && free.test(s, end)) {
                byDay.computeIfAbsent(s.atZone(one).toLocalDate(), d -> new ArrayList<>()).add(s);
            }
        }
        List<List<Instant>> days = new ArrayList<>(byDay.values());
        List<Instant> chosen = new ArrayList<>();
        int n = Math.min(count, days.size());
        for (int k = 0; k < n; k++) {
            // days evenly spread over those that have a slot; within a day, early, middle or late in turn
            int day = n == 1 ? 0 : (int) Math.round((double) k * (days.size() - 1) / (n - 1));
            List<Instant> starts = days.get(day);
            int at = switch (k % 3) {
                case 0 -> 0;
                case 1 -> starts.size() / 2;
                default -> starts.size() - 1;
            };
            chosen.add(starts.get(at));
        }
        return chosen;
    }

    private static Instant roundUp(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        while (hour.isBefore(at)) {
            hour = hour.plus(STEP);
        }
        return hour;
    }
}

package org.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots inside both people's working weeks, in their own zones, a day ahead at least, spread over the days. */
class SlotsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration HOUR = Duration.ofHours(1);

    /** The rule again, in local times: Monday to Friday, 9:30 to 17:00, start and end on the same day. */
    private static boolean atWork(ZoneId zone, Instant start, Duration length) {
        ZonedDateTime a = start.atZone(zone);
        ZonedDateTime b = start.plus(length).atZone(zone);
        return a.getDayOfWeek().getValue() <= 5 && a.toLocalDate().equals(b.toLocalDate())
                && !a.toLocalTime().isBefore(LocalTime.of(9, 30)) && !b.toLocalTime().isAfter(LocalTime.of(17, 0));
    }

    @Test
    void fiveSlotsInBothWorkingDaysOnFiveDaysAtDifferentTimes() {
        Instant now = Instant.parse("2027-01-11T10:00:00Z");
        List<Instant> slots = Slots.propose(WorkingWeek.defaults(), LONDON, NEW_YORK, now, HOUR, 5);

        assertThat(slots).hasSize(5).isSorted();
        assertThat(slots).allSatisfy(s -> {
            assertThat(atWork(LONDON, s, HOUR)).as("%s in London", s).isTrue();
            assertThat(atWork(NEW_YORK, s, HOUR)).as("%s in New York", s).isTrue();
            assertThat(s).isAfterOrEqualTo(now.plus(Duration.ofDays(1))).isBefore(now.plus(Duration.ofDays(14)));
        });
        assertThat(slots.stream().map(s -> s.atZone(LONDON).toLocalDate()).distinct()).hasSize(5);
        assertThat(slots.stream().map(s -> s.atZone(LONDON).toLocalTime()).distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void summerTimeIsCountedOnEachDay() {
        // London leaves summer time on 25 October 2026, New York on 1 November: for a week they are 4 hours apart
        Instant now = Instant.parse("2026-10-22T12:00:00Z");
        List<Instant> slots = Slots.propose(WorkingWeek.defaults(), LONDON, NEW_YORK, now, HOUR, 9);

        assertThat(slots).hasSize(9).allSatisfy(s -> assertThat(atWork(LONDON, s, HOUR) && atWork(NEW_YORK, s, HOUR))
                .as("%s", s).isTrue());
        // in the week of a 4-hour gap 13:30 London is 9:30 New York; before and after it, 14:30 is the earliest
        assertThat(slots).filteredOn(s -> s.atZone(LONDON).toLocalTime().isBefore(LocalTime.of(14, 30)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.atZone(LONDON).toLocalDate().getDayOfMonth())
                        .isBetween(26, 30));
    }

    @Test
    void nineHoursApartTheDefaultWeekHasNoCommonTimeAndAWiderOneHas() {
        Instant now = Instant.parse("2027-01-11T10:00:00Z");
        assertThat(Slots.propose(WorkingWeek.defaults(), PARIS, LOS_ANGELES, now, HOUR, 3)).isEmpty();
        assertThat(Slots.propose(WorkingWeek.defaults(), PARIS, TOKYO, now, HOUR, 3)).isEmpty();

        WorkingWeek wider = new WorkingWeek(LocalTime.of(8, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        List<Instant> slots = Slots.propose(wider, PARIS, TOKYO, now, HOUR, 3);
        assertThat(slots).hasSize(3).allSatisfy(s -> {
            assertThat(wider.holds(PARIS, s, s.plus(HOUR))).isTrue();
            assertThat(s.atZone(TOKYO).toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 0));
        });
    }

    @Test
    void badRequestsAreRefused() {
        Instant now = Instant.parse("2027-01-11T10:00:00Z");
        assertThatThrownBy(() -> Slots.propose(WorkingWeek.defaults(), PARIS, PARIS, now, Duration.ZERO, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingWeek(LocalTime.NOON, LocalTime.NOON, EnumSet.of(DayOfWeek.MONDAY)))
                .hasMessageContaining("ends");
    }
}

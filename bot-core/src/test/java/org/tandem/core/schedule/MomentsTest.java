package org.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** A person is spoken to inside their programme's working week, in their own time zone. */
class MomentsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId DUBAI = ZoneId.of("Asia/Dubai");
    /** 8:00 to 16:00, Sunday to Thursday. */
    private static final WorkingWeek GULF = new WorkingWeek(LocalTime.of(8, 0), LocalTime.of(16, 0),
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY));

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void insideTheWeekIsNowAndOutsideItIsItsNextStart() {
        // Thursday 12 March 2026
        assertThat(Moments.forPerson(GULF, DUBAI, at("2026-03-12T15:59", DUBAI))).isEqualTo(at("2026-03-12T15:59", DUBAI));
        assertThat(Moments.forPerson(GULF, DUBAI, at("2026-03-12T16:00", DUBAI)))
                .as("Friday and Saturday are the weekend").isEqualTo(at("2026-03-15T08:00", DUBAI));
        assertThat(Moments.forPerson(GULF, DUBAI, at("2026-03-13T10:00", DUBAI))).isEqualTo(at("2026-03-15T08:00", DUBAI));
        assertThat(Moments.forPerson(GULF, DUBAI, at("2026-03-15T07:00", DUBAI))).isEqualTo(at("2026-03-15T08:00", DUBAI));
        // the usual week sends the same Friday morning and starts on Monday at 9:30
        assertThat(Moments.forPerson(WorkingWeek.defaults(), DUBAI, at("2026-03-13T10:00", DUBAI)))
                .isEqualTo(at("2026-03-13T10:00", DUBAI));
        assertThat(Moments.forPerson(WorkingWeek.defaults(), DUBAI, at("2026-03-14T10:00", DUBAI)))
                .isEqualTo(at("2026-03-16T09:30", DUBAI));
    }

    @Test
    void theWeekIsEachPersonsOwnAndOneWorkingDayIsEnough() {
        WorkingWeek wednesdays = new WorkingWeek(LocalTime.of(10, 0), LocalTime.of(14, 0),
                EnumSet.of(DayOfWeek.WEDNESDAY));
        // Wednesday 11 March 2026, 14:30 in Paris: next Wednesday at 10:00
        assertThat(Moments.forPerson(wednesdays, PARIS, at("2026-03-11T14:30", PARIS)))
                .isEqualTo(at("2026-03-18T10:00", PARIS));
        // the same instant is 17:30 on Wednesday in Dubai, outside Dubai's week too, and Thursday 8:00 is its next
        assertThat(Moments.forPerson(GULF, DUBAI, at("2026-03-11T14:30", PARIS)))
                .isEqualTo(at("2026-03-12T08:00", DUBAI));
        // summer time starts on Sunday 29 March in Paris: Monday's 10:00 is counted in summer time
        assertThat(Moments.forPerson(new WorkingWeek(LocalTime.of(10, 0), LocalTime.of(12, 0),
                EnumSet.of(DayOfWeek.MONDAY)), PARIS, at("2026-03-27T12:00", PARIS)))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }
}

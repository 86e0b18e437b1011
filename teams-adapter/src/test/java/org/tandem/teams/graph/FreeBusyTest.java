package org.tandem.teams.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.core.meetings.OnlineCalendar.Busy;
import org.tandem.core.meetings.OnlineCalendar.Unavailable;

/** Reading Graph's free/busy answers: items, a view without items, other zones, merging. */
class FreeBusyTest {

    private static final Instant FROM = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void withoutItemsTheAvailabilityViewSaysWhichSlotsAreTaken() throws Exception {
        // 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere: one digit per 30 minutes from the start
        List<Busy> busy = FreeBusy.busy(GraphClient.json("{\"value\":[{\"scheduleId\":\"a@x.example\","
                + "\"availabilityView\":\"01204300\"}]}"), FROM, TO);

        assertThat(FreeBusy.merge(busy)).containsExactly(
                new Busy(Instant.parse("2026-03-10T08:30:00Z"), Instant.parse("2026-03-10T09:30:00Z")),
                new Busy(Instant.parse("2026-03-10T10:30:00Z"), Instant.parse("2026-03-10T11:00:00Z")));
    }

    @Test
    void aTimeInAnotherZoneIsReadInItAndAWindowsZoneNameIsRefused() throws Exception {
        String item = "{\"value\":[{\"scheduleItems\":[{\"status\":\"busy\","
                + "\"start\":{\"dateTime\":\"2026-03-10T10:00:00.0000000\",\"timeZone\":\"%s\"},"
                + "\"end\":{\"dateTime\":\"2026-03-10T11:00:00.0000000\",\"timeZone\":\"%s\"}}]}]}";

        assertThat(FreeBusy.busy(GraphClient.json(item.formatted("Europe/Paris", "Europe/Paris")), FROM, TO))
                .containsExactly(new Busy(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")));
        assertThatThrownBy(() -> FreeBusy.busy(GraphClient.json(item.formatted("Pacific Standard Time",
                "Pacific Standard Time")), FROM, TO)).isInstanceOf(Unavailable.class);
    }

    @Test
    void overlappingAndTouchingIntervalsAreOne() {
        Instant t8 = Instant.parse("2026-03-10T08:00:00Z");
        List<Busy> merged = FreeBusy.merge(List.of(new Busy(t8.plusSeconds(7200), t8.plusSeconds(9000)),
                new Busy(t8, t8.plusSeconds(3600)), new Busy(t8.plusSeconds(3600), t8.plusSeconds(5400)),
                new Busy(t8.plusSeconds(600), t8.plusSeconds(1200))));

        assertThat(merged).containsExactly(new Busy(t8, t8.plusSeconds(5400)),
                new Busy(t8.plusSeconds(7200), t8.plusSeconds(9000)));
    }
}

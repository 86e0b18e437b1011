package org.tandem.teams.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.tandem.core.meetings.OnlineCalendar.Busy;
import org.tandem.core.meetings.OnlineCalendar.Unavailable;
import org.tandem.core.meetings.OnlineCalendar.Unavailable.Reason;

/**
 * Graph's free/busy ({@code calendar/getSchedule}) in and out: the request for some addresses over a period, in UTC,
 * and the busy intervals of its answer. Busy is what people show as busy, tentative or out of office; free, working
 * elsewhere (they work, from another place: a call suits them) and unknown are not. A schedule Graph could not read
 * (its {@code error}) fails the whole answer, rather than passing for a free calendar.
 */
final class FreeBusy {

    /** The length in minutes of one slot of the availability view. */
    static final int INTERVAL = 30;
    static final Set<String> BUSY = Set.of("busy", "tentative", "oof");
    /** In the availability view: 1 tentative, 2 busy, 3 out of office (0 free, 4 working elsewhere). */
    private static final String BUSY_VIEW = "123";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private FreeBusy() {
    }

    static ObjectNode request(List<String> addresses, Instant from, Instant to) {
        ObjectNode body = GraphClient.object();
        addresses.forEach(body.putArray("schedules")::add);
        body.set("startTime", dateTime(from));
        body.set("endTime", dateTime(to));
        body.put("availabilityViewInterval", INTERVAL);
        return body;
    }

    /** A {@code dateTimeTimeZone} in UTC. */
    static ObjectNode dateTime(Instant at) {
        ObjectNode d = GraphClient.object();
        d.put("dateTime", LOCAL.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
        d.put("timeZone", "UTC");
        return d;
    }

    /** The busy intervals of every schedule in the answer, within {@code [from, to)}, as they come. */
    static List<Busy> busy(JsonNode answer, Instant from, Instant to) throws Unavailable {
        List<Busy> busy = new ArrayList<>();
        for (JsonNode schedule : answer.path("value")) {
            if (schedule.hasNonNull("error")) {
                throw new Unavailable(Reason.FAILED, "Graph could not read a calendar: "
                        + GraphClient.safe(schedule.path("error").path("responseCode").asText("")));
            }
            if (schedule.path("scheduleItems").isArray()) {
                for (JsonNode item : schedule.get("scheduleItems")) {
                    if (BUSY.contains(item.path("status").asText())) {
                        clip(busy, instant(item.path("start")), instant(item.path("end")), from, to);
                    }
                }
            } else {
                view(busy, schedule.path("availabilityView").asText(""), from, to);
            }
        }
        return busy;
    }

    /** Sorted, and overlapping or touching intervals made one. */
    static List<Busy> merge(List<Busy> busy) {
        List<Busy> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(Busy::from));
        List<Busy> merged = new ArrayList<>();
        for (Busy b : sorted) {
            Busy last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !b.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new Busy(last.from(), b.to().isAfter(last.to()) ? b.to() : last.to()));
            } else {
                merged.add(b);
            }
        }
        return merged;
    }

    /** Without its items, a schedule still says in its view which slots are taken. */
    private static void view(List<Busy> busy, String view, Instant from, Instant to) {
        Duration slot = Duration.ofMinutes(INTERVAL);
        for (int i = 0; i < view.length(); i++) {
            if (BUSY_VIEW.indexOf(view.charAt(i)) >= 0) {
                Instant start = from.plus(slot.multipliedBy(i));
                clip(busy, start, start.plus(slot), from, to);
            }
        }
    }

    private static void clip(List<Busy> busy, Instant start, Instant end, Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        if (s.isBefore(e)) {
            busy.add(new Busy(s, e));
        }
    }

    private static Instant instant(JsonNode dateTime) throws Unavailable {
        String zone = dateTime.path("timeZone").asText("UTC");
        try {
            ZoneId z = zone.isBlank() || zone.equalsIgnoreCase("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
            return LocalDateTime.parse(dateTime.path("dateTime").asText()).atZone(z).toInstant();
        } catch (DateTimeException e) {
            throw new Unavailable(Reason.FAILED, "Graph answered a time Tandem cannot read ("
                    + GraphClient.safe(zone) + ")");
        }
    }
}

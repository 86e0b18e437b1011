package org.tandem.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Invites read back by ical4j as a calendar client would: the right method, identity, instants and people. */
class InvitesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    // the Saturday before Paris leaves summer time (2026-10-25): a meeting planned before it, held after it
    private static final Instant STAMP = Instant.parse("2026-10-20T08:00:00Z");

    private static Invite invite(Instant start, Instant end) {
        return new Invite("pair-42-meeting-1@tandem", 0, STAMP, start, end, "Mentoring: Alice & Bob",
                "Agenda: get to know each other; what Alice wants to learn.",
                new Invite.Person("Tandem", "tandem@example.org"),
                List.of(new Invite.Person("Alice Martin", "alice@example.org"),
                        new Invite.Person("Bob Tanaka", "bob@example.org")));
    }

    /** Parsed back, and valid by ical4j's RFC 5545 and iTIP rules (one DTSTAMP, attendees on a request…). */
    private static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().getEntries()).as(ics).isEmpty();
        return calendar;
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElseThrow();
    }

    @Test
    void anInviteParsesBackWithItsInstantsWhateverTheZones() throws Exception {
        // 9:00 in Paris after the DST change is 17:00 in Tokyo, 8 hours ahead then; 9 hours ahead before it
        Instant start = LocalDateTime.of(2026, 10, 27, 9, 0).atZone(PARIS).toInstant();
        Instant end = start.plusSeconds(45 * 60);
        String ics = Invites.request(invite(start, end));

        Calendar calendar = parse(ics);
        assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
        assertThat(calendar.getProperty("PRODID").map(Property::getValue)).contains(Invites.PRODUCT);
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(event, "UID")).isEqualTo("pair-42-meeting-1@tandem");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(event.getProperties("DTSTAMP")).as("one stamp, the invite's own").hasSize(1);
        assertThat(value(event, "DTSTAMP")).isEqualTo("20261020T080000Z");
        assertThat(value(event, "DTSTART")).isEqualTo("20261027T080000Z");
        assertThat(value(event, "DTEND")).isEqualTo("20261027T084500Z");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);
        assertThat(start.atZone(TOKYO).getHour()).isEqualTo(17);
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(event, "DESCRIPTION")).contains("Agenda");
        assertThat(value(event, "ORGANIZER")).isEqualTo("mailto:tandem@example.org");
        List<Property> attendees = event.getProperties("ATTENDEE");
        assertThat(attendees.stream().map(Property::getValue).toList()).containsExactly("mailto:alice@example.org", "mailto:bob@example.org");
        assertThat(ics).contains("\r\n").doesNotContain("VTIMEZONE");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void aRescheduleKeepsTheUidAndRaisesTheSequenceAndACancelCallsItOff() throws Exception {
        Instant start = LocalDateTime.of(2026, 10, 23, 9, 0).atZone(NEW_YORK).toInstant();
        Invite first = invite(start, start.plusSeconds(3600));
        Invite moved = first.next(STAMP.plusSeconds(600), start.plusSeconds(86_400), start.plusSeconds(90_000));

        VEvent update = (VEvent) parse(Invites.request(moved)).getComponent("VEVENT").orElseThrow();
        assertThat(value(update, "UID")).isEqualTo(value((VEvent) parse(Invites.request(first))
                .getComponent("VEVENT").orElseThrow(), "UID"));
        assertThat(value(update, "SEQUENCE")).isEqualTo("1");
        assertThat(value(update, "DTSTART")).isEqualTo("20261024T130000Z");

        Calendar cancel = parse(Invites.cancel(moved.next(STAMP.plusSeconds(1200), moved.start(), moved.end())));
        VEvent cancelled = (VEvent) cancel.getComponent("VEVENT").orElseThrow();
        assertThat(cancel.getProperty("METHOD").map(Property::getValue)).contains("CANCEL");
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(cancelled, "SEQUENCE")).isEqualTo("2");
        assertThat(value(cancelled, "UID")).isEqualTo("pair-42-meeting-1@tandem");
    }

    @Test
    void withoutAnyoneAddressTheEventIsPublishedAndCalledOffAsCancelled() throws Exception {
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        Invite alone = new Invite("u@tandem", 0, STAMP, start, start.plusSeconds(1800), "Mentoring", "",
                new Invite.Person("Tandem", "noreply@tandem.invalid"), List.of());
        Calendar published = parse(Invites.request(alone));
        assertThat(published.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
        Calendar off = parse(Invites.cancel(alone.next(STAMP, start, start.plusSeconds(1800))));
        assertThat(off.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
        VEvent e = (VEvent) off.getComponent("VEVENT").orElseThrow();
        assertThat(value(e, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(e, "SEQUENCE")).isEqualTo("1");
    }

    @Test
    void anInviteNeedsAnIdentityAMeetingThatEndsAfterItStartsAndAddresses() {
        Instant start = Instant.parse("2026-11-02T09:00:00Z");
        assertThatThrownBy(() -> invite(start, start)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Invite.Person("Alice", "")).hasMessageContaining("no e-mail");
        assertThatThrownBy(() -> new Invite(" ", 0, STAMP, start, start.plusSeconds(60), "", "",
                new Invite.Person("Tandem", "t@example.org"), List.of())).hasMessageContaining("uid");
    }
}

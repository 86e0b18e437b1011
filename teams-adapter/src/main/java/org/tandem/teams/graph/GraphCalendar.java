package org.tandem.teams.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.meetings.OnlineCalendar;

/**
 * The core's {@link OnlineCalendar} through Microsoft Graph, for the people of one Teams tenant. A Teams person's
 * user id is their Microsoft Entra object id (the Teams adapter names people by it whenever Teams gives one), which
 * is what Graph calls them by: nothing about anyone is kept here, so nothing is left to forget. Their addresses are
 * asked of Graph for each call that needs them (free/busy and attendees go by address). An event is created in the
 * organiser's calendar with the others as required attendees and a Teams meeting; its {@code transactionId} comes
 * from the booking, so a retried booking makes no second event.
 */
final class GraphCalendar implements OnlineCalendar {

    /** The Teams adapter's platform name. */
    static final String TEAMS = "teams";
    private static final Pattern OBJECT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** getSchedule refuses periods of 62 days and more: a longer one is asked in parts. */
    static final Duration MOST_PER_ASK = Duration.ofDays(31);

    private final GraphClient graph;
    private final String tenant;

    GraphCalendar(GraphClient graph, String tenant) {
        this.graph = graph;
        this.tenant = tenant;
    }

    @Override
    public boolean serves(Scope scope, PersonRef one, PersonRef other) {
        return ours(scope) && known(scope, one) && known(scope, other);
    }

    @Override
    public List<Busy> busy(Scope scope, List<PersonRef> people, Instant from, Instant to) throws Unavailable {
        check(scope, people);
        if (people.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (PersonRef p : people) {
            addresses.add(person(p).address());
        }
        String path = "/users/" + people.get(0).userId() + "/calendar/getSchedule";
        List<Busy> busy = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(MOST_PER_ASK)) {
            Instant end = start.plus(MOST_PER_ASK).isBefore(to) ? start.plus(MOST_PER_ASK) : to;
            busy.addAll(FreeBusy.busy(graph.post("getSchedule", path, FreeBusy.request(addresses, start, end)),
                    start, end));
        }
        return FreeBusy.merge(busy);
    }

    @Override
    public Event book(Scope scope, Optional<String> eventId, Booking booking) throws Unavailable {
        List<PersonRef> everyone = new ArrayList<>(booking.attendees());
        everyone.add(booking.organizer());
        check(scope, everyone);
        String events = "/users/" + booking.organizer().userId() + "/events";
        Instant end = booking.start().plus(booking.length());
        if (eventId.isPresent()) {
            ObjectNode move = GraphClient.object();
            move.set("start", FreeBusy.dateTime(booking.start()));
            move.set("end", FreeBusy.dateTime(end));
            return event(graph.patch("move event", events + "/" + GraphClient.segment(eventId.get()), move),
                    eventId.get());
        }
        ObjectNode create = GraphClient.object();
        create.put("subject", booking.subject());
        // plain text: Outlook shows the agenda as it was written, and nothing in it is taken for markup
        create.putObject("body").put("contentType", "text").put("content", booking.agenda());
        create.set("start", FreeBusy.dateTime(booking.start()));
        create.set("end", FreeBusy.dateTime(end));
        ArrayNode attendees = create.putArray("attendees");
        for (PersonRef p : invited(booking)) {
            Person person = person(p);
            ObjectNode a = attendees.addObject();
            a.putObject("emailAddress").put("address", person.address()).put("name", person.name());
            a.put("type", "required");
        }
        create.put("isOnlineMeeting", true);
        create.put("onlineMeetingProvider", "teamsForBusiness");
        // a time proposed in Outlook would move the meeting behind Tandem's back: times change in Tandem
        create.put("allowNewTimeProposals", false);
        create.put("transactionId", transactionId(booking));
        return event(graph.post("create event", events, create), null);
    }

    @Override
    public void cancel(Scope scope, PersonRef organizer, String eventId) throws Unavailable {
        check(scope, List.of(organizer));
        // no comment: it would be in one language for everyone, and Outlook says "Canceled" in each person's own
        graph.post("cancel event", "/users/" + organizer.userId() + "/events/" + GraphClient.segment(eventId)
                + "/cancel", GraphClient.object());
    }

    /** The same booking (organiser, attendees, time) gives the same id, whenever it is tried again. */
    static String transactionId(Booking booking) {
        List<String> who = new ArrayList<>(booking.attendees().stream().map(PersonRef::key).toList());
        who.sort(null);
        String key = String.join("|", "tandem", booking.organizer().key(), String.join(",", who),
                booking.start().toString(), booking.length().toString());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The attendees but the organiser (whose calendar holds the event as theirs), each once. */
    private static Set<PersonRef> invited(Booking booking) {
        Set<PersonRef> invited = new LinkedHashSet<>(booking.attendees());
        invited.remove(booking.organizer());
        return invited;
    }

    private record Person(String address, String name) {}

    private Person person(PersonRef p) throws Unavailable {
        JsonNode user = graph.get("read user", "/users/" + p.userId()
                + "?$select=mail,userPrincipalName,displayName");
        String mail = user.path("mail").asText("");
        String address = mail.isBlank() ? user.path("userPrincipalName").asText("") : mail;
        if (address.isBlank()) {
            throw new Unavailable(Unavailable.Reason.FAILED, "Graph knows no address of a person");
        }
        return new Person(address, user.path("displayName").asText(""));
    }

    private static Event event(JsonNode answer, String known) throws Unavailable {
        String id = answer.path("id").asText("");
        if (id.isBlank() && known == null) {
            throw new Unavailable(Unavailable.Reason.FAILED, "Graph answered an event without an id");
        }
        String join = answer.path("onlineMeeting").path("joinUrl").asText("");
        return new Event(id.isBlank() ? known : id, join.isBlank() ? Optional.empty() : Optional.of(join));
    }

    private boolean ours(Scope scope) {
        return TEAMS.equals(scope.platform()) && tenant.equalsIgnoreCase(scope.tenant());
    }

    private static boolean known(Scope scope, PersonRef p) {
        return p.scope().equals(scope) && OBJECT_ID.matcher(p.userId()).matches();
    }

    private void check(Scope scope, List<PersonRef> people) throws Unavailable {
        if (!ours(scope) || !people.stream().allMatch(p -> known(scope, p))) {
            throw new Unavailable(Unavailable.Reason.FAILED, "Graph serves the Teams people of tenant " + tenant
                    + " known by their Entra object id only");
        }
    }
}

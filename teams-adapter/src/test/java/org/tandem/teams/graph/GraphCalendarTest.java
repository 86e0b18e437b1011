package org.tandem.teams.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.meetings.OnlineCalendar.Booking;
import org.tandem.core.meetings.OnlineCalendar.Busy;
import org.tandem.core.meetings.OnlineCalendar.Event;
import org.tandem.core.meetings.OnlineCalendar.Unavailable;
import org.tandem.core.meetings.OnlineCalendar.Unavailable.Reason;
import org.tandem.core.testing.MutableClock;

/**
 * The Graph calendar against a local token endpoint and Graph over real HTTP: the calls it makes and their bodies
 * (free/busy in UTC, a Teams meeting with its attendees, a move, a cancellation), the busy times it reads, one token
 * for many calls (renewed before it expires, and once when Graph refuses it), and what it makes of 429, 403, 404 and
 * 5xx.
 */
class GraphCalendarTest {

    private static final String ADA = "0a1b2c3d-0000-4000-8000-00000000000a";
    private static final String BO = "0a1b2c3d-0000-4000-8000-00000000000b";
    private static final Scope SCOPE = new Scope("teams", GraphStub.TENANT);
    private static final PersonRef MENTOR = new PersonRef("teams", GraphStub.TENANT, ADA);
    private static final PersonRef MENTEE = new PersonRef("teams", GraphStub.TENANT, BO);
    private static final Instant FROM = ZonedDateTime.of(2026, 3, 10, 9, 30, 0, 0, ZoneId.of("Europe/Paris"))
            .toInstant();
    private static final Instant TO = Instant.parse("2026-03-10T17:00:00Z");

    private final GraphStub stub = new GraphStub();
    private final MutableClock clock = MutableClock.at("2026-03-09T08:00:00Z");
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private GraphCalendar calendar;

    @BeforeEach
    void start() {
        stub.user(ADA, "ada@contoso.example", "ada@contoso.example", "Ada Lovelace");
        stub.user(BO, null, "bo@contoso.example", "Bo Chen");
        calendar = calendar(stub.properties());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private GraphCalendar calendar(GraphProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        return new GraphCalendar(new GraphClient(http, new GraphTokens(http, properties, clock), properties,
                pauses::add), properties.tenantId());
    }

    private static Booking booking(Instant start) {
        return new Booking("Mentoring: Ada & Bo", "Goals for <b>Q2</b> & what \"done\" means", start,
                Duration.ofMinutes(45), MENTOR, List.of(MENTOR, MENTEE));
    }

    @Test
    void itServesTheTeamsPeopleOfItsTenantKnownByTheirEntraObjectId() {
        assertThat(calendar.serves(SCOPE, MENTOR, MENTEE)).isTrue();
        assertThat(calendar.serves(new Scope("teams", GraphStub.TENANT.toUpperCase()), MENTOR, MENTEE))
                .as("Teams' tenant ids, in any case").isFalse();
        Scope other = new Scope("teams", "11111111-2222-4333-8444-555555555555");
        assertThat(calendar.serves(other, new PersonRef("teams", other.tenant(), ADA),
                new PersonRef("teams", other.tenant(), BO))).isFalse();
        assertThat(calendar.serves(new Scope("slack", GraphStub.TENANT), new PersonRef("slack", GraphStub.TENANT,
                ADA), new PersonRef("slack", GraphStub.TENANT, BO))).isFalse();
        assertThat(calendar.serves(SCOPE, MENTOR, new PersonRef("teams", GraphStub.TENANT, "29:1xYz-emulator")))
                .as("known by a Bot Framework id only (the Emulator)").isFalse();
        assertThat(calendar.serves(SCOPE, MENTOR, new PersonRef("teams", "local", BO))).isFalse();
        assertThat(stub.calls()).as("serves asks nobody").isEmpty();
    }

    @Test
    void busyAsksBothCalendarsInUtcAndMergesWhatIsBusyTentativeOrOutOfOffice() throws Exception {
        stub.item("ada@contoso.example", "busy", "2026-03-10T09:00:00", "2026-03-10T10:00:00");
        stub.item("ada@contoso.example", "tentative", "2026-03-10T09:30:00", "2026-03-10T10:30:00");
        stub.item("ada@contoso.example", "free", "2026-03-10T11:00:00", "2026-03-10T12:00:00");
        stub.item("ada@contoso.example", "workingElsewhere", "2026-03-10T13:00:00", "2026-03-10T14:00:00");
        stub.item("ada@contoso.example", "oof", "2026-03-10T15:00:00", "2026-03-10T16:00:00");
        stub.item("bo@contoso.example", "busy", "2026-03-10T08:00:00", "2026-03-10T09:15:00");
        stub.item("bo@contoso.example", "busy", "2026-03-10T16:00:00", "2026-03-10T18:00:00");

        List<Busy> busy = calendar.busy(SCOPE, List.of(MENTOR, MENTEE), FROM, TO);

        assertThat(busy).containsExactly(
                new Busy(Instant.parse("2026-03-10T08:30:00Z"), Instant.parse("2026-03-10T10:30:00Z")),
                new Busy(Instant.parse("2026-03-10T15:00:00Z"), Instant.parse("2026-03-10T17:00:00Z")));
        List<GraphStub.Call> calls = stub.graphCalls();
        assertThat(calls).extracting(GraphStub.Call::method, GraphStub.Call::path).containsExactly(
                tuple("GET", "/v1.0/users/" + ADA),
                tuple("GET", "/v1.0/users/" + BO),
                tuple("POST", "/v1.0/users/" + ADA + "/calendar/getSchedule"));
        assertThat(calls.get(0).query()).isEqualTo("$select=mail,userPrincipalName,displayName");
        GraphStub.Call schedule = calls.get(2);
        assertThat(schedule.body().toString()).isEqualTo("{\"schedules\":[\"ada@contoso.example\","
                + "\"bo@contoso.example\"],\"startTime\":{\"dateTime\":\"2026-03-10T08:30:00\",\"timeZone\":\"UTC\"},"
                + "\"endTime\":{\"dateTime\":\"2026-03-10T17:00:00\",\"timeZone\":\"UTC\"},"
                + "\"availabilityViewInterval\":30}");
        assertThat(schedule.prefer()).contains("outlook.timezone=\"UTC\"");
        assertThat(schedule.authorization()).isEqualTo("Bearer token-1");
    }

    @Test
    void aCalendarGraphCannotReadFailsTheAnswerRatherThanPassingForFree() {
        stub.noMailbox("bo@contoso.example");

        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR, MENTEE), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FAILED);
                    assertThat(e.getMessage()).contains("ErrorMailRecipientNotFound");
                });
    }

    @Test
    void aLongPeriodIsAskedInPartsThatGetScheduleTakes() throws Exception {
        stub.item("ada@contoso.example", "busy", "2026-04-20T09:00:00", "2026-04-20T10:00:00");

        List<Busy> busy = calendar.busy(SCOPE, List.of(MENTOR), Instant.parse("2026-03-10T00:00:00Z"),
                Instant.parse("2026-05-20T00:00:00Z"));

        assertThat(busy).containsExactly(new Busy(Instant.parse("2026-04-20T09:00:00Z"),
                Instant.parse("2026-04-20T10:00:00Z")));
        List<JsonNode> asked = stub.graphCalls().stream().filter(c -> c.path().endsWith("/getSchedule"))
                .map(GraphStub.Call::body).toList();
        assertThat(asked).extracting(b -> b.at("/startTime/dateTime").asText() + " " + b.at("/endTime/dateTime")
                .asText()).containsExactly("2026-03-10T00:00:00 2026-04-10T00:00:00",
                "2026-04-10T00:00:00 2026-05-11T00:00:00", "2026-05-11T00:00:00 2026-05-20T00:00:00");
    }

    @Test
    void bookingCreatesOneTeamsMeetingInTheOrganisersCalendarWithTheOtherAsRequiredAttendee() throws Exception {
        Booking booking = booking(Instant.parse("2026-03-12T14:00:00Z"));

        Event event = calendar.book(SCOPE, Optional.empty(), booking);

        assertThat(stub.events()).singleElement().satisfies(e -> assertThat(e.path("id").asText())
                .isEqualTo(event.id()));
        assertThat(event.joinUrl()).hasValueSatisfying(u -> assertThat(u)
                .startsWith("https://teams.microsoft.com/l/meetup-join/"));
        GraphStub.Call create = stub.graphCalls().get(stub.graphCalls().size() - 1);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/v1.0/users/" + ADA + "/events");
        JsonNode body = create.body();
        assertThat(body.path("subject").asText()).isEqualTo("Mentoring: Ada & Bo");
        assertThat(body.path("body").toString()).isEqualTo("{\"contentType\":\"text\","
                + "\"content\":\"Goals for <b>Q2</b> & what \\\"done\\\" means\"}");
        assertThat(body.path("start").toString()).isEqualTo(
                "{\"dateTime\":\"2026-03-12T14:00:00\",\"timeZone\":\"UTC\"}");
        assertThat(body.path("end").toString()).isEqualTo(
                "{\"dateTime\":\"2026-03-12T14:45:00\",\"timeZone\":\"UTC\"}");
        assertThat(body.path("attendees").toString()).isEqualTo("[{\"emailAddress\":{\"address\":"
                + "\"bo@contoso.example\",\"name\":\"Bo Chen\"},\"type\":\"required\"}]");
        assertThat(body.path("isOnlineMeeting").asBoolean()).isTrue();
        assertThat(body.path("onlineMeetingProvider").asText()).isEqualTo("teamsForBusiness");
        assertThat(body.path("allowNewTimeProposals").asBoolean(true)).isFalse();
        assertThat(body.path("transactionId").asText()).isEqualTo(GraphCalendar.transactionId(booking));
        assertThat(stub.graphCalls()).extracting(GraphStub.Call::path).as("the attendee's address, not the organiser's")
                .containsExactly("/v1.0/users/" + BO, "/v1.0/users/" + ADA + "/events");
    }

    @Test
    void theSameBookingTriedAgainMakesNoSecondEvent() throws Exception {
        Booking booking = booking(Instant.parse("2026-03-12T14:00:00Z"));
        // Graph created it, but the answer was lost: a 503 to the caller, who tries again
        Event first = calendar.book(SCOPE, Optional.empty(), booking);
        Event again = calendar.book(SCOPE, Optional.empty(), booking(Instant.parse("2026-03-12T14:00:00Z")));

        assertThat(again).isEqualTo(first);
        assertThat(stub.events()).hasSize(1);
        assertThat(GraphCalendar.transactionId(booking(Instant.parse("2026-03-12T15:00:00Z"))))
                .isNotEqualTo(GraphCalendar.transactionId(booking));
    }

    @Test
    void aRescheduleMovesTheEventItCreated() throws Exception {
        Event made = calendar.book(SCOPE, Optional.empty(), booking(Instant.parse("2026-03-12T14:00:00Z")));

        Event moved = calendar.book(SCOPE, Optional.of(made.id()), booking(Instant.parse("2026-03-13T08:30:00Z")));

        assertThat(moved).isEqualTo(made);
        GraphStub.Call patch = stub.graphCalls().get(stub.graphCalls().size() - 1);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(made.id()).contains("/", "+", "=");
        assertThat(patch.path()).isEqualTo("/v1.0/users/" + ADA + "/events/"
                + made.id().replace("/", "%2F").replace("+", "%2B").replace("=", "%3D"));
        assertThat(patch.body().toString()).isEqualTo("{\"start\":{\"dateTime\":\"2026-03-13T08:30:00\","
                + "\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"2026-03-13T09:15:00\",\"timeZone\":\"UTC\"}}");
        assertThat(stub.events()).singleElement().satisfies(e -> assertThat(e.at("/start/dateTime").asText())
                .isEqualTo("2026-03-13T08:30:00"));
    }

    @Test
    void cancelCallsTheEventOffAsItsOrganiser() throws Exception {
        Event made = calendar.book(SCOPE, Optional.empty(), booking(Instant.parse("2026-03-12T14:00:00Z")));

        calendar.cancel(SCOPE, MENTOR, made.id());

        GraphStub.Call cancel = stub.graphCalls().get(stub.graphCalls().size() - 1);
        assertThat(cancel.method()).isEqualTo("POST");
        assertThat(cancel.path()).isEqualTo("/v1.0/users/" + ADA + "/events/"
                + GraphClient.segment(made.id()) + "/cancel");
        assertThat(stub.events()).isEmpty();
        assertThatThrownBy(() -> calendar.cancel(SCOPE, MENTOR, made.id())).as("gone already")
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    }

    @Test
    void oneTokenServesManyCallsUntilShortlyBeforeItExpires() throws Exception {
        calendar.busy(SCOPE, List.of(MENTOR, MENTEE), FROM, TO);
        Event made = calendar.book(SCOPE, Optional.empty(), booking(Instant.parse("2026-03-12T14:00:00Z")));
        calendar.cancel(SCOPE, MENTOR, made.id());

        assertThat(stub.tokensIssued()).isEqualTo(1);
        GraphStub.Call token = stub.calls().get(0);
        assertThat(token.path()).isEqualTo("/" + GraphStub.TENANT + "/oauth2/v2.0/token");
        assertThat(token.form()).containsEntry("client_id", GraphStub.CLIENT)
                .containsEntry("client_secret", GraphStub.SECRET)
                .containsEntry("scope", "https://graph.microsoft.com/.default")
                .containsEntry("grant_type", "client_credentials");
        assertThat(stub.graphCalls()).extracting(GraphStub.Call::authorization).containsOnly("Bearer token-1");

        clock.advance(Duration.ofSeconds(3599).minus(Duration.ofMinutes(3)));
        calendar.busy(SCOPE, List.of(MENTOR), FROM, TO);
        assertThat(stub.tokensIssued()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        calendar.busy(SCOPE, List.of(MENTOR), FROM, TO);
        assertThat(stub.tokensIssued()).as("two minutes before its expiry").isEqualTo(2);
    }

    @Test
    void aTokenGraphRefusesIsRenewedOnceAndARefusalAgainIsForbidden() throws Exception {
        calendar.busy(SCOPE, List.of(MENTOR), FROM, TO);
        stub.expireTokens();

        calendar.busy(SCOPE, List.of(MENTOR), FROM, TO);

        assertThat(stub.tokensIssued()).isEqualTo(2);
        assertThat(stub.graphCalls()).extracting(GraphStub.Call::authorization).containsExactly("Bearer token-1",
                "Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2");

        stub.failNext(401, null, "InvalidAuthenticationToken");
        stub.failNext(401, null, "InvalidAuthenticationToken");
        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN));
        assertThat(stub.tokensIssued()).isEqualTo(3);
    }

    @Test
    void aThrottledCallWaitsAsGraphSaysThenGoesOn() throws Exception {
        stub.failNext(429, "3", "TooManyRequests");
        stub.failNext(429, "1", "TooManyRequests");

        Event made = calendar.book(SCOPE, Optional.empty(), booking(Instant.parse("2026-03-12T14:00:00Z")));

        assertThat(made.id()).isNotBlank();
        assertThat(pauses).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertThat(stub.graphCalls()).extracting(GraphStub.Call::path).containsExactly("/v1.0/users/" + BO,
                "/v1.0/users/" + BO, "/v1.0/users/" + BO, "/v1.0/users/" + ADA + "/events");
    }

    @Test
    void throttledBeyondTwoRetriesOrLongerThanTenSecondsIsThrottled() {
        stub.failNext(429, "1", "TooManyRequests");
        stub.failNext(429, "1", "TooManyRequests");
        stub.failNext(429, "1", "TooManyRequests");
        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.THROTTLED));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(stub.graphCalls()).hasSize(3);

        pauses.clear();
        stub.failNext(429, "30", "TooManyRequests");
        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.THROTTLED));
        assertThat(pauses).as("no wait that could not end in time").isEmpty();
    }

    @Test
    void aMissingPermissionIsForbiddenAtOnce() {
        stub.failNext(403, null, "ErrorAccessDenied");

        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR, MENTEE), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("403", "ErrorAccessDenied")
                            .doesNotContain("alice@contoso.example", "token-1", GraphStub.SECRET);
                });
        assertThat(stub.graphCalls()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anUnknownPersonAServerErrorOrNoAnswerFails() throws Exception {
        PersonRef gone = new PersonRef("teams", GraphStub.TENANT, "0a1b2c3d-0000-4000-8000-0000000000ff");
        assertThatThrownBy(() -> calendar.book(SCOPE, Optional.empty(), new Booking("s", "a",
                Instant.parse("2026-03-12T14:00:00Z"), Duration.ofMinutes(30), MENTOR, List.of(gone))))
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FAILED);
                    assertThat(e.getMessage()).contains("404", "Request_ResourceNotFound");
                });
        assertThat(stub.events()).isEmpty();

        stub.failNext(503, "5", "ServiceUnavailable");
        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        GraphCalendar nowhere = calendar(new GraphProperties(null, GraphStub.TENANT, GraphStub.CLIENT,
                GraphStub.SECRET, stub.base(), "http://127.0.0.1:" + closed + "/v1.0", Duration.ofSeconds(2)));
        assertThatThrownBy(() -> nowhere.busy(SCOPE, List.of(MENTOR), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    }

    @Test
    void credentialsTheIdentityPlatformRefusesAreForbiddenAndTheSecretIsSaidNowhere() {
        GraphCalendar wrong = calendar(new GraphProperties(null, GraphStub.TENANT, GraphStub.CLIENT, "not-it",
                stub.base(), stub.base() + "/v1.0", null));

        assertThatThrownBy(() -> wrong.busy(SCOPE, List.of(MENTOR), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("invalid_client").doesNotContain("not-it");
                });
        assertThat(stub.graphCalls()).isEmpty();
    }

    @Test
    void peopleItDoesNotServeAreRefusedWithoutACall() {
        PersonRef emulator = new PersonRef("teams", GraphStub.TENANT, "29:1xYz-emulator");
        assertThatThrownBy(() -> calendar.busy(SCOPE, List.of(MENTOR, emulator), FROM, TO))
                .isInstanceOfSatisfying(Unavailable.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
        assertThatThrownBy(() -> calendar.cancel(new Scope("slack", "T1"), new PersonRef("slack", "T1", "U1"), "x"))
                .isInstanceOf(Unavailable.class);
        assertThat(stub.calls()).isEmpty();
    }
}

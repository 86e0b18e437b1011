package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scheduling on Teams, the real app and Bot Framework SDK over HTTP with the Bot Connector stubbed: a pair nine
 * hours apart (London and Tokyo) picks a date and time in a card with {@code Input.Date} and {@code Input.Time}, the
 * other accepts with one click (a Universal Action), moves it the same way (the answer from an old client's
 * {@code Action.Submit}, its card replaced), and cancels it. Each agreed, moved and cancelled meeting comes to both
 * as a card with a download link that serves the {@code .ics} as {@code text/calendar}, read back with ical4j: one
 * UID, SEQUENCE 0, 1, 2, the start picked. Answered cards end with nothing to act on; a second click changes
 * nothing.
 */
class TeamsScheduleIT {

    static final String TENANT = BotConnectorStub.TENANT;
    static final String ADMIN = "19:admin@thread.tacv2";
    static final String PUBLIC = "https://tandem.example.com";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Texts EN = Texts.of(Locale.ENGLISH);
    static final List<String> STATE = List.of("pairs", "meeting_plans", "due_items", "conversation_states",
            "questions", "teams_files");

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=aad-carol", "tandem.teams.files.base-url=" + PUBLIC + "/",
                "tandem.teams.retry-delay=PT0.02S", "tandem.teams.retry-max-delay=PT0.1S",
                "tandem.scheduler.enabled=false", "tandem.dev.clock-control=true");
        teams.member("29:alice", "aad-alice", "Alice", "alice@example.org");
        teams.member("29:bob", "aad-bob", "Bob", "bob@example.org");
        int mark = teams.mark();
        ObjectNode here = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(here, "admin here");
        app.activity(here);
        teams.awaitTo(ADMIN, mark, "now the admin channel");
        ObjectNode create = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(create, "program create");
        app.activity(create);
        BotConnectorStub.Call form = teams.awaitTo(ADMIN, mark, "New programme");
        execute("carol", "Carol", form, "Save", Forms.program("Leadership"));
        teams.awaitTo(ADMIN, mark, "Programme **Leadership** created");
        ObjectNode open = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(open, "program open Leadership");
        app.activity(open);
        teams.awaitTo(ADMIN, mark, "is open for enrolment");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    void aTimePickedInACardIsAcceptedMovedAndCancelledWithAnInviteEachTime() {
        teams.enrol(app, "alice", "Alice", "Mentee", "About you as a mentee",
                Forms.with(Forms.mentee(), "timeZone", LONDON.getId()));
        teams.enrol(app, "bob", "Bob", "Mentor", "About you as a mentor",
                Forms.with(Forms.mentor(), "timeZone", TOKYO.getId()));
        int mark = teams.mark();
        ObjectNode match = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(match, "match");
        app.activity(match);
        BotConnectorStub.Call preview = teams.awaitTo(ADMIN, mark, "**Matching preview**");
        execute("carol", "Carol", preview, "Confirm", Map.of());
        BotConnectorStub.Call shortlist = teams.awaitTo("a:alice", mark, "**Your mentor shortlist**");
        execute("alice", "Alice", shortlist, "Ask Bob", Map.of());
        BotConnectorStub.Call request = teams.awaitTo("a:bob", mark, "would like you as their mentor");
        execute("bob", "Bob", request, "Accept", Map.of());
        teams.awaitTo(ADMIN, mark, "have been introduced in **Leadership**");

        // from the introduction: no time in both working weeks, so she picks one in the card's pickers
        BotConnectorStub.Call intro = teams.awaitTo("a:alice", mark, "whether it clicked");
        mark = teams.mark();
        assertThat(execute("alice", "Alice", intro, "Find a time", Map.of()).toString())
                .as("the introduction's other answers still stand").contains("We have met");
        BotConnectorStub.Call none = teams.awaitTo("a:alice", mark, "don't overlap in the next two weeks");
        Instant at = LocalDate.ofInstant(now(), LONDON).plusDays(5).atTime(8, 0).atZone(LONDON).toInstant();
        BotConnectorStub.Call proposal = pick("alice", "Alice", none, at, "30", false, "bob");
        assertThat(proposal.text()).contains("at this time", "Asia/Tokyo");

        // he takes it with one click: his time, and hers beside it, with ICU's narrow no-break spaces
        String label = EN.slot(at, TOKYO) + " (Alice: " + EN.time(at, LONDON) + ")";
        assertThat(label).contains("\u202f");
        assertThat(proposal.action("That doesn't work for me").at("/type").asString()).isEqualTo("Action.Execute");
        mark = teams.mark();
        TeamsJourneyIT.assertSettled(execute("bob", "Bob", proposal, label, Map.of()), "Bob chose");
        BotConnectorStub.Call hisCard = teams.awaitTo("a:bob", mark, "Your meeting with **Alice** is set");
        BotConnectorStub.Call herCard = teams.awaitTo("a:alice", mark, "Your meeting with **Bob** is set");
        VEvent his = invite(hisCard, "meeting-", "REQUEST");
        VEvent hers = invite(herCard, "meeting-", "REQUEST");
        assertThat(CalendarFiles.start(his)).isEqualTo(at).isEqualTo(CalendarFiles.start(hers));
        assertThat(Instant.from(his.getDateTimeEnd().getDate())).isEqualTo(at.plus(Duration.ofMinutes(30)));
        String uid = CalendarFiles.prop(his, "UID");
        assertThat(CalendarFiles.prop(hers, "UID")).isEqualTo(uid);
        assertThat(CalendarFiles.prop(his, "SEQUENCE")).isEqualTo("0");

        // what Teams asks when he looks at his confirmation again (its refresh): still live, the invite still there
        JsonNode refreshed = invoke(teams.refresh("bob", "Bob", hisCard));
        assertThat(refreshed.toString()).contains("Cancel the meeting", "Download meeting-");

        // a double click: the card as it is now, nothing new, nothing changed
        Map<String, List<String>> before = CalendarFiles.settled(app.db(), STATE);
        mark = teams.mark();
        TeamsJourneyIT.assertSettled(execute("bob", "Bob", proposal, label, Map.of()), "Bob chose");
        RunningApp.pause(300);
        assertThat(teams.sentTo("a:bob", mark)).as("no new message").isEmpty();
        assertThat(teams.sentTo("a:alice", mark)).isEmpty();
        assertThat(CalendarFiles.settled(app.db(), STATE)).isEqualTo(before);

        // she moves it to the next day, picked the same way; he answers from an old client (Action.Submit)
        mark = teams.mark();
        assertThat(execute("alice", "Alice", herCard, "Find another time", Map.of()).toString())
                .as("the meeting stands until the new time is taken").contains("Cancel the meeting",
                        "Download meeting-");
        BotConnectorStub.Call again = teams.awaitTo("a:alice", mark, "don't overlap");
        Instant later = at.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30));
        // this time from a client whose time picker has a column of seconds
        BotConnectorStub.Call move = pick("alice", "Alice", again, later, "45", true, "bob");
        assertThat(move.text()).contains("This would move your meeting");
        String moveLabel = EN.slot(later, TOKYO) + " (Alice: " + EN.time(later, LONDON) + ")";
        mark = teams.mark();
        app.activity(teams.click("bob", "Bob", asked(move), move.action(moveLabel).at("/fallback")));
        BotConnectorStub.Call movedHis = teams.awaitTo("a:bob", mark, "has moved to");
        BotConnectorStub.Call movedHers = teams.awaitTo("a:alice", mark, "has moved to");
        awaitShown(move);
        TeamsJourneyIT.assertSettled(teams.shownNow(move), "Bob chose");
        VEvent moved = invite(movedHis, "meeting-", "REQUEST");
        assertThat(CalendarFiles.prop(moved, "UID")).isEqualTo(uid).isEqualTo(CalendarFiles.prop(invite(movedHers, "meeting-", "REQUEST"),
                "UID"));
        assertThat(CalendarFiles.prop(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(CalendarFiles.start(moved)).isEqualTo(later);
        assertThat(Instant.from(moved.getDateTimeEnd().getDate())).isEqualTo(later.plus(Duration.ofMinutes(45)));
        // the first confirmations show where it went, with nothing left to act on
        awaitShown(hisCard);
        TeamsJourneyIT.assertSettled(teams.shownNow(hisCard), "Moved to");

        // he calls it off
        mark = teams.mark();
        TeamsJourneyIT.assertSettled(execute("bob", "Bob", movedHis, "Cancel the meeting", Map.of()), "Cancelled by");
        for (String chat : List.of("a:alice", "a:bob")) {
            VEvent cancelled = invite(teams.awaitTo(chat, mark, "was cancelled by Bob"), "cancelled-meeting-",
                    "CANCEL");
            assertThat(CalendarFiles.prop(cancelled, "UID")).isEqualTo(uid);
            assertThat(CalendarFiles.prop(cancelled, "SEQUENCE")).isEqualTo("2");
            assertThat(CalendarFiles.prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
        }
        awaitShown(movedHers);
        TeamsJourneyIT.assertSettled(teams.shownNow(movedHers), "Cancelled by Bob");
        before = CalendarFiles.settled(app.db(), STATE);
        mark = teams.mark();
        TeamsJourneyIT.assertSettled(execute("bob", "Bob", movedHis, "Cancel the meeting", Map.of()), "Cancelled by");
        RunningApp.pause(300);
        assertThat(teams.sentTo("a:bob", mark)).as("no new message").isEmpty();
        assertThat(CalendarFiles.settled(app.db(), STATE)).isEqualTo(before);
    }

    /**
     * From a card with "Choose a date and time": the form card's pickers, a submission at {@code at} in the
     * picker's zone (London), its time with seconds when {@code seconds}, and the proposal that reaches
     * {@code other}.
     */
    static BotConnectorStub.Call pick(String user, String name, BotConnectorStub.Call from, Instant at,
                                      String minutes, boolean seconds, String other) {
        int mark = teams.mark();
        execute(user, name, from, "Choose a date and time", Map.of());
        BotConnectorStub.Call form = teams.awaitTo("a:" + user, mark, "Choose a time (Europe/London)");
        assertThat(TeamsAdapterIT.input(form.card(), "date").at("/type").asString()).isEqualTo("Input.Date");
        assertThat(TeamsAdapterIT.input(form.card(), "time").at("/type").asString()).isEqualTo("Input.Time");
        JsonNode length = TeamsAdapterIT.input(form.card(), "minutes");
        assertThat(length.at("/type").asString()).isEqualTo("Input.ChoiceSet");
        assertThat(length.at("/value").asString()).isEqualTo("45");
        assertThat(TeamsAdapterIT.input(form.card(), "date").at("/value").asString())
                .isEqualTo(LocalDate.ofInstant(now(), LONDON).plusDays(1).toString());
        mark = teams.mark();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("date", LocalDate.ofInstant(at, LONDON).toString());
        values.put("time", at.atZone(LONDON).toLocalTime() + (seconds ? ":00" : ""));
        values.put("minutes", minutes);
        TeamsJourneyIT.assertSettled(invoke(teams.invoke(user, name, asked(form), TeamsJourneyIT.formAction(form),
                values)), "Sent");
        teams.awaitTo("a:" + user, mark, "I've sent the time");
        return teams.awaitTo("a:" + other, mark, "would like to meet");
    }

    /** The card's download link: it serves the invite as a calendar file; the invite read with ical4j. */
    static VEvent invite(BotConnectorStub.Call card, String namePrefix, String method) {
        String url = null;
        for (JsonNode b : card.card().at("/body")) {
            for (JsonNode a : b.at("/actions")) {
                if (a.at("/type").asString().equals("Action.OpenUrl")
                        && a.at("/title").asString().startsWith("Download " + namePrefix)) {
                    url = a.at("/url").asString();
                }
            }
        }
        assertThat(url).as("a download link in %s", card.card()).isNotNull().startsWith(PUBLIC + "/api/teams/files/");
        HttpResponse<String> got = get(url.substring(PUBLIC.length()));
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains(".ics");
        return CalendarFiles.event(got.body(), method);
    }



    static Instant now() {
        return Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
    }

    /** Waits until a sent card was replaced (PUT) at least once. */
    static void awaitShown(BotConnectorStub.Call card) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (teams.updatesOf(card, 0).isEmpty()) {
            assertThat(System.nanoTime()).as("%s is updated", card.text()).isLessThan(end);
            RunningApp.pause(20);
        }
    }

    /** Waits until the core recorded the question a card asks (the turn that sent it may still be running). */
    static BotConnectorStub.Call asked(BotConnectorStub.Call card) {
        String id = card.card().at("/refresh/action/data/tandem/refresh").asString();
        assertThat(id).as("a card to act on names itself in its refresh").isNotBlank();
        Document ref = new Document("ref.id", new Document("$regex", Pattern.quote(id)));
        long end = System.nanoTime() + 10_000_000_000L;
        while (app.db().getCollection("questions").countDocuments(ref) == 0) {
            assertThat(System.nanoTime()).as("the question of %s is recorded", card.text()).isLessThan(end);
            RunningApp.pause(10);
        }
        return card;
    }

    /** Clicks an Action.Execute: the invoke's answer, the card as it now shows. */
    static JsonNode execute(String user, String name, BotConnectorStub.Call card, String title,
                            Map<String, Object> values) {
        JsonNode action = asked(card).action(title);
        assertThat(action.at("/type").asString()).isEqualTo("Action.Execute");
        return invoke(teams.invoke(user, name, card, action, values));
    }

    static JsonNode invoke(ObjectNode activity) {
        RunningApp.Reply r = app.post("/api/messages", activity.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/statusCode").asInt()).as(r.body()).isEqualTo(200);
        assertThat(body.at("/value/type").asString()).as(r.body()).isEqualTo("AdaptiveCard");
        return body.at("/value");
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.i18n.Texts;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling through the web chat's HTTP API, as the page makes it: a pair nine hours apart (London and Tokyo)
 * picks a date and a time in a form whose JSON says {@code date} and {@code time}, the other accepts with one click,
 * it is moved the same way and cancelled; each agreed, moved and cancelled meeting carries a {@code file} block whose
 * link downloads the {@code .ics} as {@code text/calendar} to its reader only, read back with ical4j (one UID,
 * SEQUENCE 0, 1, 2, the start picked). Answered messages are updated in place; a second click changes nothing.
 */
class WebchatScheduleIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Texts EN = Texts.of(Locale.ENGLISH);

    @TempDir
    static Path dir;

    static RunningApp app;
    static WebchatClient chat;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
        chat = new WebchatClient(app);
        WebchatApiIT.openProgramme(app, "Leadership");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aTimePickedInTheFormIsAcceptedMovedAndCancelledWithAnInviteToDownloadEachTime() {
        enrol("alice", "mentee", "intake.mentee", "{\"topic1\":\"leadership\",\"hopes\":\"Lead my first team\","
                + "\"languages\":[\"en\"],\"timeZone\":\"Europe/London\",\"department\":\"Finance\","
                + "\"seniority\":\"junior\",\"format\":\"video\"}");
        enrol("bob", "mentor", "intake.mentor", "{\"topics\":[\"leadership\"],\"seniority\":\"senior\","
                + "\"years\":\"12\",\"department\":\"Engineering\",\"languages\":[\"en\"],"
                + "\"timeZone\":\"Asia/Tokyo\",\"format\":\"video\",\"capacity\":\"2\"}");
        chat.admin("match Leadership");
        chat.clickOn("coordinator", chat.withButton("coordinator", "match.confirm"), "match.confirm");
        chat.clickOn("alice", chat.withButton("alice", "shortlist.choose"), "shortlist.choose");
        chat.clickOn("bob", chat.withButton("bob", "request.accept"), "request.accept");
        assertThat(chat.text("alice")).contains("Meet your mentoring pair");

        chat.say("alice", "schedule");
        assertThat(chat.text("alice")).contains("don't overlap in the next two weeks");
        Instant at = LocalDate.ofInstant(now(), LONDON).plusDays(5).atTime(8, 0).atZone(LONDON).toInstant();
        JsonNode proposal = pick("alice", at, "30", "bob");
        assertThat(proposal.toString()).contains("at this time", "Asia/Tokyo");

        // one click on his time, with hers beside it, ICU's narrow no-break spaces as they are
        String label = EN.slot(at, TOKYO) + " (Alice: " + EN.time(at, LONDON) + ")";
        assertThat(label).contains("\u202f");
        JsonNode time = button(proposal, label);
        long bobsLast = chat.last("bob");
        long alicesLast = chat.last("alice");
        JsonNode answer = chat.clickOn("bob", proposal, time.at("/id").asString(), time.at("/value").asString());
        assertThat(answer.at("/updated").toString()).isEqualTo("[" + proposal.at("/seq").asLong() + "]");
        JsonNode answered = chat.message("bob", proposal.at("/seq").asLong());
        assertThat(answered.at("/rev").asLong()).isGreaterThan(proposal.at("/rev").asLong());
        assertThat(WebchatClient.actionable(answered)).as(answered.toString()).isFalse();
        assertThat(answered.toString()).contains("Bob chose");
        JsonNode his = withText("bob", bobsLast, "Your meeting with *Alice* is set");
        JsonNode hers = withText("alice", alicesLast, "Your meeting with *Bob* is set");
        VEvent hisInvite = invite("bob", his, "meeting-", "PUBLISH");
        VEvent herInvite = invite("alice", hers, "meeting-", "PUBLISH");
        assertThat(CalendarFiles.start(hisInvite)).isEqualTo(at).isEqualTo(CalendarFiles.start(herInvite));
        assertThat(Instant.from(hisInvite.getDateTimeEnd().getDate())).isEqualTo(at.plus(Duration.ofMinutes(30)));
        String uid = CalendarFiles.prop(hisInvite, "UID");
        assertThat(CalendarFiles.prop(herInvite, "UID")).isEqualTo(uid);
        assertThat(CalendarFiles.prop(hisInvite, "SEQUENCE")).isEqualTo("0");
        assertThat(get(file(his).at("/url").asString() + "?user=alice").statusCode())
                .as("his copy is his alone").isEqualTo(404);

        // a double click: shown again, nothing sent, nothing stored changes
        Map<String, List<Document>> before = stored();
        long newest = newest();
        JsonNode twice = chat.clickOn("bob", answered, time.at("/id").asString(), time.at("/value").asString());
        assertThat(twice.at("/replies").size()).as(twice.toString()).isZero();
        assertThat(newest()).isEqualTo(newest);
        assertThat(stored()).isEqualTo(before);

        // he moves it: the picker again (no overlap), a day later, and she accepts
        chat.clickOn("bob", his, "command.offer");
        JsonNode standing = chat.message("bob", his.at("/seq").asLong());
        assertThat(WebchatClient.actionable(standing)).as("the meeting stands until the new time is taken").isTrue();
        assertThat(file(standing).at("/url").asString()).as("with its invite").isEqualTo(file(his).at("/url")
                .asString());
        Instant later = at.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30));
        alicesLast = chat.last("alice");
        bobsLast = chat.last("bob");
        JsonNode move = pick("bob", later, "45", "alice");
        assertThat(move.toString()).contains("This would move your meeting");
        JsonNode hersNow = button(move, EN.slot(later, LONDON) + " (Bob: " + EN.time(later, TOKYO) + ")");
        chat.clickOn("alice", move, hersNow.at("/id").asString(), hersNow.at("/value").asString());
        JsonNode movedHers = withText("alice", alicesLast, "has moved to");
        JsonNode movedHis = withText("bob", bobsLast, "has moved to");
        VEvent moved = invite("alice", movedHers, "meeting-", "PUBLISH");
        assertThat(CalendarFiles.prop(moved, "UID")).isEqualTo(uid).isEqualTo(CalendarFiles.prop(invite("bob", movedHis, "meeting-", "PUBLISH"),
                "UID"));
        assertThat(CalendarFiles.prop(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(CalendarFiles.start(moved)).isEqualTo(later);
        JsonNode first = chat.message("bob", his.at("/seq").asLong());
        assertThat(WebchatClient.actionable(first)).as(first.toString()).isFalse();
        assertThat(first.toString()).contains("Moved to");

        // she cancels it
        alicesLast = chat.last("alice");
        bobsLast = chat.last("bob");
        chat.clickOn("alice", movedHers, "meeting.cancel");
        for (String user : List.of("alice", "bob")) {
            JsonNode m = withText(user, user.equals("alice") ? alicesLast : bobsLast, "was cancelled by Alice");
            VEvent cancelled = invite(user, m, "cancelled-meeting-", "PUBLISH");
            assertThat(CalendarFiles.prop(cancelled, "UID")).isEqualTo(uid);
            assertThat(CalendarFiles.prop(cancelled, "SEQUENCE")).isEqualTo("2");
            assertThat(CalendarFiles.prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
        }
        before = stored();
        newest = newest();
        JsonNode again = chat.clickOn("alice", chat.message("alice", movedHers.at("/seq").asLong()), "meeting.cancel",
                buttonValue(movedHers, "meeting.cancel"));
        assertThat(again.at("/replies").size()).as(again.toString()).isZero();
        assertThat(newest()).isEqualTo(newest);
        assertThat(stored()).isEqualTo(before);
    }

    /** From the latest "Choose a date and time": the form's inputs, a submission, the proposal the other gets. */
    static JsonNode pick(String user, Instant at, String minutes, String other) {
        JsonNode chooser = chat.withButton(user, "schedule.pick");
        chat.clickOn(user, chooser, "schedule.pick");
        JsonNode message = chat.withForm(user, "schedule.form");
        JsonNode form = null;
        for (JsonNode b : message.at("/blocks")) {
            form = b.at("/type").asString().equals("form") ? b : form;
        }
        ZoneId zone = user.equals("alice") ? LONDON : TOKYO;
        assertThat(form.at("/title").asString()).isEqualTo("Choose a time (" + zone.getId() + ")");
        Map<String, JsonNode> fields = new TreeMap<>();
        form.at("/fields").forEach(f -> fields.put(f.at("/id").asString(), f));
        assertThat(fields.get("date").at("/kind").asString()).isEqualTo("date");
        assertThat(fields.get("time").at("/kind").asString()).isEqualTo("time");
        assertThat(fields.get("minutes").at("/kind").asString()).isEqualTo("select");
        assertThat(fields.get("minutes").at("/value/0").asString()).isEqualTo("45");
        assertThat(fields.get("date").at("/value/0").asString())
                .isEqualTo(LocalDate.ofInstant(now(), zone).plusDays(1).toString());
        long theirs = chat.last(other);
        JsonNode sent = chat.submitOn(user, message, "schedule.form", "{\"date\":\"" + LocalDate.ofInstant(at, zone)
                + "\",\"time\":\"" + at.atZone(zone).toLocalTime() + "\",\"minutes\":\"" + minutes + "\"}");
        assertThat(sent.at("/updated").toString()).as("the form turns into what was sent: " + sent)
                .contains(Long.toString(message.at("/seq").asLong()));
        assertThat(WebchatClient.actionable(chat.message(user, message.at("/seq").asLong()))).isFalse();
        return withText(other, theirs, "would like to meet");
    }

    /** The file block of a message: a calendar file the reader downloads; its invite read with ical4j. */
    static VEvent invite(String user, JsonNode message, String namePrefix, String method) {
        JsonNode file = file(message);
        assertThat(file.at("/name").asString()).startsWith(namePrefix).endsWith(".ics");
        assertThat(file.at("/mediaType").asString()).isEqualTo("text/calendar");
        HttpResponse<String> got = get(file.at("/url").asString() + "?user=" + user);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains(file.at("/name").asString());
        assertThat(file.at("/size").asLong()).isEqualTo(got.body().getBytes(StandardCharsets.UTF_8).length);
        return CalendarFiles.event(got.body(), method);
    }


    static JsonNode file(JsonNode message) {
        for (JsonNode b : message.at("/blocks")) {
            if (b.at("/type").asString().equals("file")) {
                return b;
            }
        }
        throw new AssertionError("no file block in " + message);
    }

    /** The first message the person received after {@code after} whose text has {@code text}. */
    static JsonNode withText(String user, long after, String text) {
        return chat.messages(user, after).stream().filter(m -> m.at("/blocks").toString().contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + text + "' for " + user + " in "
                        + chat.messages(user, after)));
    }

    static JsonNode button(JsonNode message, String label) {
        for (JsonNode b : message.at("/blocks")) {
            for (JsonNode x : b.at("/buttons")) {
                if (x.at("/label").asString().equals(label)) {
                    return x;
                }
            }
        }
        throw new AssertionError("no button '" + label + "' on " + message);
    }

    static String buttonValue(JsonNode message, String actionId) {
        for (JsonNode b : message.at("/blocks")) {
            for (JsonNode x : b.at("/buttons")) {
                if (x.at("/id").asString().equals(actionId)) {
                    return x.at("/value").asString();
                }
            }
        }
        throw new AssertionError("no " + actionId + " on " + message);
    }

    static void enrol(String user, String role, String formId, String answers) {
        chat.say(user, "join");
        chat.clickOn(user, chat.withButton(user, "intake.role"), "intake.role", role);
        chat.submitOn(user, chat.withForm(user, formId), formId, answers);
        chat.clickOn(user, chat.withButton(user, "intake.consent"), "intake.consent", "yes");
        assertThat(chat.text(user)).contains("You are enrolled");
    }

    static Instant now() {
        return Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
    }

    /** What the core stored, but the web chat's own collections and the journals every event adds to. */
    static Map<String, List<Document>> stored() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : app.db().listCollectionNames()) {
            if (name.startsWith("webchat_") || List.of("processed_events", "audit").contains(name)) {
                continue;
            }
            List<Document> docs = app.db().getCollection(name).find().sort(new Document("_id", 1))
                    .into(new ArrayList<>());
            docs.forEach(d -> d.remove("lastSeen"));
            all.put(name, docs);
        }
        return all;
    }

    static long newest() {
        long max = 0;
        for (String user : List.of("alice", "bob", "coordinator")) {
            for (JsonNode m : chat.messages(user, 0)) {
                max = Math.max(max, m.at("/seq").asLong());
            }
        }
        return max;
    }

    static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling over Slack, the real app and Bolt over HTTP with Slack's Web API stubbed: a pair nine hours apart
 * (London and Tokyo) picks a date and time in a modal with Slack's date and time pickers, and the other accepts
 * with one click; a pair whose days overlap (Paris and New York) takes one of the times Tandem found, in the week
 * New York moves to summer time (the dev clock is moved there first), moves it to a time after the change and
 * cancels it. Each agreed, moved and cancelled meeting reaches both people's DMs as an {@code .ics} file through
 * {@code files.uploadV2}, read back with ical4j: one UID, SEQUENCE 0, 1, 2, the start that was picked. Every
 * message answered is updated in place without buttons, and a second click changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackScheduleIT {

    static final String SECRET = "schedule-signing-secret";
    static final String TEAM = "T1";
    static final String ADMIN = "CADMIN";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Texts EN = Texts.of(Locale.ENGLISH);
    /** What a click may change: scheduling's own documents, and what they touch. */
    static final List<String> STATE = List.of("pairs", "meeting_plans", "due_items", "conversation_states",
            "questions", "slack_forms", "slack_undelivered");

    @TempDir
    static Path dir;

    static SlackApiStub slack;
    static SlackRequests req;
    static RunningApp app;
    /** The Sunday New York moves to summer time, the first one at least a few days ahead of the clock. */
    static Instant usChange;
    static final AtomicInteger triggers = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackApiStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                "tandem.slack.admin-channel=" + ADMIN, "tandem.scheduler.enabled=false",
                "tandem.dev.clock-control=true");
        req = new SlackRequests(app.base(), SECRET, slack.hooks());
        // the dev clock only moves forward: to the Thursday before New York's next change to summer time, 10:00 UTC
        Instant now = Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
        LocalDate change = secondSundayOfMarch(now.atZone(ZoneOffset.UTC).getYear());
        if (!change.minusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC).isAfter(now)) {
            change = secondSundayOfMarch(change.getYear() + 1);
        }
        usChange = change.atTime(2, 0).atZone(NEW_YORK).toInstant();
        Instant thursday = change.minusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC);
        advance("PT" + Duration.between(now, thursday).toSeconds() + "S");

        slack.user("UCAROL", "Carol", "en-GB", "Europe/London");
        // Alice and Bob's app has no users:read.email (a published event), Dana and Eric's addresses are known
        for (String[] u : new String[][] {{"UALICE", "Alice", "Europe/London", null},
                {"UBOB", "Bob", "Asia/Tokyo", null}, {"UDANA", "Dana", "Europe/Paris", "dana@example.org"},
                {"UERIC", "Eric", "America/New_York", "eric@example.org"}}) {
            slack.user(u[0], u[1], "en-US", u[2], u[3]);
        }
        int mark = slack.size();
        command("UCAROL", ADMIN, "program create");
        SlackApiStub.Call form = slack.await("views.open", mark);
        mark = slack.size();
        assertThat(req.submit(TEAM, form, "UCAROL", Forms.program("Leadership"), trigger()).body()).isEmpty();
        SlackApiStub.Call summary = posted(mark, ADMIN, "Open for enrolment");
        mark = slack.size();
        click("UCAROL", summary, "Open for enrolment");
        posted(mark, ADMIN, "is open for enrolment");
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @Test
    @Order(1)
    void nineHoursApartShePicksADateAndTimeInAModalAndHeAcceptsWithOneClick() {
        String group = introduce("UALICE", "Alice", LONDON, "UBOB", "Bob", TOKYO);
        assertThat(group).isNotBlank();

        int mark = slack.size();
        command("UALICE", "DALICE", "schedule");
        SlackApiStub.Call none = posted(mark, "UALICE", "don't overlap in the next two weeks");
        mark = slack.size();
        click("UALICE", none, "Choose a date and time");
        SlackApiStub.Call opened = slack.await("views.open", mark);
        JsonNode view = opened.json("view");
        assertThat(view.at("/callback_id").asString()).isEqualTo("schedule.form");
        assertThat(view.toString()).as("her zone in the title").contains("Europe/London");
        assertThat(element(view, "date").at("/type").asString()).isEqualTo("datepicker");
        assertThat(element(view, "time").at("/type").asString()).isEqualTo("timepicker");
        assertThat(element(view, "minutes").at("/type").asString()).isEqualTo("static_select");
        assertThat(element(view, "minutes").at("/initial_option/value").asString()).isEqualTo("45");
        LocalDate tomorrow = LocalDate.ofInstant(now(), LONDON).plusDays(1);
        assertThat(element(view, "date").at("/initial_date").asString()).isEqualTo(tomorrow.toString());

        // a time too soon is answered in the modal, on the field, and nothing is proposed
        mark = slack.size();
        SlackRequests.Reply soon = req.submit(TEAM, opened, "UALICE", Map.of("date",
                LocalDate.ofInstant(now(), LONDON).toString(), "time", LocalTime.ofInstant(now(), LONDON)
                        .plusMinutes(10).withSecond(0).withNano(0).toString(), "minutes", "30"), trigger());
        assertThat(soon.json().at("/response_action").asString()).isEqualTo("errors");
        assertThat(soon.json().at("/errors/time").asString()).contains("at least an hour from now");
        assertThat(app.db().getCollection("meeting_plans").countDocuments()).isZero();

        LocalDate day = LocalDate.ofInstant(now(), LONDON).plusDays(5);
        Instant at = day.atTime(8, 0).atZone(LONDON).toInstant();
        assertThat(req.submit(TEAM, opened, "UALICE", Map.of("date", day.toString(), "time", "08:00",
                "minutes", "30"), trigger()).body()).isEmpty();
        SlackApiStub.Call proposal = posted(mark, "UBOB", "at this time");
        assertThat(proposal.params().get("blocks")).contains("Asia/Tokyo");
        posted(mark, "UALICE", "I've sent the time to Bob");
        // the message she chose from says what she sent, without its button
        SlackLifecycleIT.eventually("the no-overlap message shows what she sent", () -> slack.shown(
                answered(none, "channel"), answered(none, "ts")).toString().contains("Proposed to Bob"));
        assertThat(SlackJourneyIT.liveButtons(slack.shown(answered(none, "channel"), answered(none, "ts"))))
                .isEmpty();

        // his time, and hers beside it, with ICU's narrow no-break space before PM and AM
        List<JsonNode> times = buttons(proposal.json("blocks"), "meeting.answer");
        String label = EN.slot(at, TOKYO) + " (Alice: " + EN.time(at, LONDON) + ")";
        assertThat(label).contains("\u202f");
        assertThat(times.get(0).at("/text/text").asString()).isEqualTo(label);
        assertThat(times).extracting(b -> b.at("/text/text").asString()).contains("That doesn't work for me");
        assertThat(SlackJourneyIT.liveButtons(proposal.json("blocks"))).contains("Propose other times");

        mark = slack.size();
        click("UBOB", proposal, label);
        posted(mark, "UBOB", "Your meeting with *Alice* is set");
        posted(mark, "UALICE", "Your meeting with *Bob* is set");
        SlackApiStub.Call updated = slack.await("chat.update", mark, u -> "DBOB".equals(u.params().get("channel"))
                && answered(proposal, "ts").equals(u.params().get("ts")));
        assertThat(SlackJourneyIT.liveButtons(updated.json("blocks"))).as("answered: no live buttons").isEmpty();
        assertThat(updated.params().get("blocks")).contains("Bob chose");
        VEvent his = invite(awaitUploads("DBOB", 1).get(0), "PUBLISH");
        VEvent hers = invite(awaitUploads("DALICE", 1).get(0), "PUBLISH");
        assertThat(his.getProperties("ATTENDEE")).as("no address known").isEmpty();
        assertThat(CalendarFiles.start(his)).isEqualTo(at).isEqualTo(CalendarFiles.start(hers));
        assertThat(CalendarFiles.end(his)).isEqualTo(at.plus(Duration.ofMinutes(30)));
        assertThat(CalendarFiles.prop(his, "UID")).isEqualTo(CalendarFiles.prop(hers, "UID"));
        assertThat(CalendarFiles.prop(his, "SEQUENCE")).isEqualTo("0");

        // a double click: the message shows its outcome again, and nothing else happens
        clickAgain("UBOB", proposal, label);
        assertThat(slack.uploads("DBOB")).hasSize(1);
    }

    @Test
    @Order(2)
    void inTheWeekNewYorkChangesClocksTheyTakeAFoundTimeMoveItAndCancelIt() {
        String group = introduce("UDANA", "Dana", PARIS, "UERIC", "Eric", NEW_YORK);
        SlackApiStub.Call intro = posted(0, group, "intro.met");
        int mark = slack.size();
        click("UDANA", intro, "Find a time");
        SlackApiStub.Call offer = slack.await("chat.postMessage", mark,
                c -> c.params().get("blocks").contains("These times suit both you and *Eric*"));
        assertThat(offer.params().get("blocks")).contains("Europe/Paris");
        // worded for Dana, so in her own DM, and said to her alone in the group
        assertThat(offer.params().get("channel")).as("not the pair's group").isEqualTo("UDANA");
        assertThat(slack.await("chat.postEphemeral", mark, c -> c.params().get("channel").equals(group))
                .params().toString()).contains("in our direct conversation");
        // the introduction's other answers still stand
        assertThat(SlackJourneyIT.liveButtons(slack.shown(answered(intro, "channel"), answered(intro, "ts"))))
                .contains("We have met");

        // the times as the button carries them (pair:minutes:epoch minutes, comma separated)
        String value = buttons(offer.json("blocks"), "schedule.propose").get(0).at("/value").asString();
        List<Instant> slots = Arrays.stream(value.split(":")[2].split(","))
                .map(m -> Instant.ofEpochSecond(Long.parseLong(m) * 60)).toList();
        assertThat(slots).hasSizeBetween(3, 5);
        for (Instant s : slots) {
            for (ZoneId z : List.of(PARIS, NEW_YORK)) {
                assertThat(s.atZone(z).toLocalTime()).as(s + " in " + z).isAfterOrEqualTo(LocalTime.of(9, 30));
                assertThat(s.plus(Duration.ofMinutes(45)).atZone(z).toLocalTime()).as(s + " in " + z)
                        .isBeforeOrEqualTo(LocalTime.of(17, 0));
            }
        }
        Instant before = slots.stream().filter(s -> s.isBefore(usChange)).findFirst().orElseThrow(
                () -> new AssertionError("no time before " + usChange + " in " + slots));
        Instant after = slots.stream().filter(s -> s.isAfter(usChange)).findFirst().orElseThrow(
                () -> new AssertionError("no time after " + usChange + " in " + slots));
        assertThat(hoursApart(before)).as("before New York's change").isEqualTo(6);
        assertThat(hoursApart(after)).as("after it, Paris not yet").isEqualTo(5);

        mark = slack.size();
        click("UDANA", offer, "Propose these to Eric");
        SlackApiStub.Call proposal = posted(mark, "UERIC", "would like to meet for 45 minutes");
        List<String> labels = buttons(proposal.json("blocks"), "meeting.answer").stream()
                .map(b -> b.at("/text/text").asString()).toList();
        assertThat(labels).as("each time in his zone with hers beside it, on that day's offsets")
                .containsSubsequence(slots.stream().map(s -> label(s, NEW_YORK, "Dana", PARIS)).toList())
                .contains("None of these work");

        // Eric takes the time before the change
        mark = slack.size();
        click("UERIC", proposal, label(before, NEW_YORK, "Dana", PARIS));
        SlackApiStub.Call danaBooked = posted(mark, "UDANA", "Your meeting with *Eric* is set");
        SlackApiStub.Call ericBooked = posted(mark, "UERIC", "Your meeting with *Dana* is set");
        assertThat(SlackJourneyIT.liveButtons(slack.shown("DERIC", answered(proposal, "ts")))).isEmpty();
        VEvent first = invite(awaitUploads("DDANA", 1).get(0), "REQUEST");
        assertThat(first.getProperties("ATTENDEE").stream().map(a -> a.getValue()).toList())
                .containsExactlyInAnyOrder("mailto:dana@example.org", "mailto:eric@example.org");
        assertThat(CalendarFiles.start(first)).isEqualTo(before);
        assertThat(CalendarFiles.prop(first, "SEQUENCE")).isEqualTo("0");
        String uid = CalendarFiles.prop(first, "UID");
        clickAgain("UERIC", proposal, label(before, NEW_YORK, "Dana", PARIS));

        // he moves it: fresh times, proposed to Dana, who takes one after the change
        mark = slack.size();
        click("UERIC", ericBooked, "Find another time");
        SlackApiStub.Call again = posted(mark, "UERIC", "These times suit both you and *Dana*");
        mark = slack.size();
        click("UERIC", again, "Propose these to Dana");
        SlackApiStub.Call move = posted(mark, "UDANA", "This would move your meeting");
        String value2 = buttons(again.json("blocks"), "schedule.propose").get(0).at("/value").asString();
        Instant later = Arrays.stream(value2.split(":")[2].split(","))
                .map(m -> Instant.ofEpochSecond(Long.parseLong(m) * 60)).filter(s -> s.isAfter(usChange))
                .findFirst().orElseThrow();
        mark = slack.size();
        click("UDANA", move, label(later, PARIS, "Eric", NEW_YORK));
        posted(mark, "UDANA", "Your meeting with *Eric* has moved to");
        posted(mark, "UERIC", "Your meeting with *Dana* has moved to");
        VEvent moved = invite(awaitUploads("DERIC", 2).get(1), "REQUEST");
        VEvent movedHers = invite(awaitUploads("DDANA", 2).get(1), "REQUEST");
        assertThat(CalendarFiles.prop(moved, "UID")).isEqualTo(uid).isEqualTo(CalendarFiles.prop(movedHers, "UID"));
        assertThat(CalendarFiles.prop(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(CalendarFiles.start(moved)).isEqualTo(later).isEqualTo(CalendarFiles.start(movedHers));
        // the first confirmation shows where the meeting went
        SlackLifecycleIT.eventually("Dana's first confirmation shows the move", () -> SlackJourneyIT.liveButtons(
                slack.shown("DDANA", answered(danaBooked, "ts"))).isEmpty());
        assertThat(slack.shown("DDANA", answered(danaBooked, "ts")).toString()).contains("Moved to");

        // she calls it off from the newest confirmation
        SlackApiStub.Call newest = posted(mark, "UDANA", "has moved to");
        mark = slack.size();
        click("UDANA", newest, "Cancel the meeting");
        posted(mark, "UDANA", "was cancelled by Dana");
        posted(mark, "UERIC", "was cancelled by Dana");
        for (String dm : List.of("DDANA", "DERIC")) {
            SlackApiStub.Upload file = awaitUploads(dm, 3).get(2);
            assertThat(file.filename()).startsWith("cancelled-meeting-").endsWith(".ics");
            VEvent cancelled = invite(file, "CANCEL");
            assertThat(CalendarFiles.prop(cancelled, "UID")).isEqualTo(uid);
            assertThat(CalendarFiles.prop(cancelled, "SEQUENCE")).isEqualTo("2");
            assertThat(CalendarFiles.prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
            assertThat(CalendarFiles.start(cancelled)).isEqualTo(later);
        }
        assertThat(app.db().getCollection("meeting_plans").find(new Document("status", "CANCELLED")).first())
                .as("the plan is cancelled").isNotNull();
        clickAgain("UDANA", newest, "Cancel the meeting");
        assertThat(slack.uploads("DERIC")).hasSize(3);
    }

    // --- a pair, through Slack as people get there ---

    /** Enrols a mentee and a mentor, runs a round, the mentee asks the mentor, who accepts; their group DM. */
    static String introduce(String mentee, String menteeName, ZoneId menteeZone, String mentor, String mentorName,
                            ZoneId mentorZone) {
        enrol(mentee, "Mentee", "intake.mentee", Forms.with(Forms.mentee(), "timeZone", menteeZone.getId()));
        enrol(mentor, "Mentor", "intake.mentor", Forms.with(Forms.mentor(), "timeZone", mentorZone.getId()));
        int mark = slack.size();
        command("UCAROL", ADMIN, "match");
        SlackApiStub.Call preview = posted(mark, ADMIN, "Matching preview");
        mark = slack.size();
        click("UCAROL", preview, "Confirm");
        SlackApiStub.Call shortlist = posted(mark, mentee, "shortlist.choose");
        mark = slack.size();
        click(mentee, shortlist, "Ask " + mentorName);
        SlackApiStub.Call request = posted(mark, mentor, "request.accept");
        mark = slack.size();
        click(mentor, request, "Accept");
        SlackApiStub.Call intro = slack.await("chat.postMessage", mark, c -> c.params().get("blocks")
                .contains("Meet your mentoring pair") && c.params().get("blocks").contains(menteeName));
        // the pair is introduced once the coordinators are told
        posted(mark, ADMIN, menteeName + " and " + mentorName + " have been introduced");
        return answered(intro, "channel");
    }

    static void enrol(String user, String role, String formId, Map<String, Object> answers) {
        int mark = slack.size();
        command(user, SlackJourneyIT.dm(user), "join");
        SlackApiStub.Call roles = posted(mark, user, "intake.role");
        mark = slack.size();
        click(user, roles, role);
        SlackApiStub.Call form = slack.await("views.open", mark);
        assertThat(form.json("view").at("/callback_id").asString()).isEqualTo(formId);
        mark = slack.size();
        assertThat(req.submit(TEAM, form, user, answers, trigger()).body()).isEmpty();
        SlackApiStub.Call consent = posted(mark, user, "I agree");
        mark = slack.size();
        click(user, consent, "I agree");
        posted(mark, user, "You are enrolled");
    }

    // --- helpers ---

    static LocalDate secondSundayOfMarch(int year) {
        return LocalDate.of(year, 3, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
    }

    static int hoursApart(Instant at) {
        return (at.atZone(PARIS).getOffset().getTotalSeconds() - at.atZone(NEW_YORK).getOffset().getTotalSeconds())
                / 3600;
    }

    /** A time as its reader sees it: in their zone, the other's time beside it (its day too, when it differs). */
    static String label(Instant at, ZoneId mine, String other, ZoneId theirs) {
        boolean sameDay = at.atZone(mine).toLocalDate().equals(at.atZone(theirs).toLocalDate());
        return EN.slot(at, mine) + " (" + other + ": " + (sameDay ? EN.time(at, theirs) : EN.slot(at, theirs)) + ")";
    }

    static Instant now() {
        return Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
    }

    static void advance(String by) {
        RunningApp.Reply r = app.post("/api/dev/clock", "{\"advance\":\"" + by + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The element of a modal's input block. */
    static JsonNode element(JsonNode view, String blockId) {
        for (JsonNode b : view.at("/blocks")) {
            if (blockId.equals(b.at("/block_id").asString())) {
                return b.at("/element");
            }
        }
        throw new AssertionError("no input " + blockId + " in " + view);
    }

    /** The buttons of a message whose core action is {@code action} (Slack's ids are {@code action#n}). */
    static List<JsonNode> buttons(JsonNode blocks, String action) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if ("button".equals(e.at("/type").asString())
                        && e.at("/action_id").asString().startsWith(action + "#")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Waits until at least {@code n} files were shared in a DM; all of them, in order. */
    static List<SlackApiStub.Upload> awaitUploads(String channel, int n) {
        SlackLifecycleIT.eventually(n + " file(s) shared in " + channel, () -> slack.uploads(channel).size() >= n);
        return slack.uploads(channel);
    }

    /** Reads an invite as a calendar does, checks it is valid and of its method; its event. */
    static VEvent invite(SlackApiStub.Upload file, String method) {
        assertThat(file.filename()).endsWith(".ics");
        return CalendarFiles.event(file.text(), method);
    }




    static void command(String user, String channel, String text) {
        assertThat(req.command(TEAM, user, channel, channelName(channel), text, trigger()).status()).isEqualTo(200);
    }

    /** Clicks a button of a message where Slack says it landed, once Tandem has recorded the question it asks. */
    static void click(String user, SlackApiStub.Call message, String label) {
        String channel = answered(message, "channel");
        String ts = answered(message, "ts");
        SlackLifecycleIT.eventually("Tandem recorded the question of " + ts, () -> app.db().getCollection("questions")
                .countDocuments(new Document("ref.id", TEAM + "/" + channel + "/" + ts)) > 0);
        assertThat(req.click(TEAM, user, channel, channelName(channel), ts, message.json("blocks"), label,
                trigger()).status()).isEqualTo(200);
    }

    /**
     * The same button on the same message again: the message is updated to its outcome once more, no message is
     * posted, no file shared, no form opened, and nothing Tandem keeps changes.
     */
    static void clickAgain(String user, SlackApiStub.Call message, String label) {
        String channel = answered(message, "channel");
        String ts = answered(message, "ts");
        Map<String, List<String>> before = CalendarFiles.settled(app.db(), STATE);
        int mark = slack.size();
        assertThat(req.click(TEAM, user, channel, channelName(channel), ts, message.json("blocks"), label,
                trigger()).status()).isEqualTo(200);
        SlackApiStub.Call shown = slack.await("chat.update", mark, u -> channel.equals(u.params().get("channel"))
                && ts.equals(u.params().get("ts")));
        assertThat(SlackJourneyIT.liveButtons(shown.json("blocks"))).as("'%s' again shows its outcome", label)
                .isEmpty();
        RunningApp.pause(300);
        assertThat(slack.calls().subList(mark, slack.size())).extracting(SlackApiStub.Call::method)
                .as("a second click on '%s'", label)
                .doesNotContain("chat.postMessage", "chat.postEphemeral", "views.open", "response_url",
                        "files.getUploadURLExternal", "files.completeUploadExternal");
        Map<String, List<String>> after = CalendarFiles.settled(app.db(), STATE);
        for (String name : STATE) {
            assertThat(after.get(name)).as("a second click on '%s' changes nothing in %s", label, name)
                    .containsExactlyElementsOf(before.get(name));
        }
    }

    static SlackApiStub.Call posted(int mark, String channel, String text) {
        return slack.await("chat.postMessage", mark, c -> channel.equals(c.params().get("channel"))
                && c.params().get("blocks").contains(text));
    }

    static String answered(SlackApiStub.Call call, String field) {
        return call.answer().at("/" + field).asString();
    }

    static String channelName(String channel) {
        if (channel.equals(ADMIN)) {
            return "tandem-admins";
        }
        return channel.startsWith("G") ? "mpdm-pair-1" : "directmessage";
    }

    static String trigger() {
        return "4343." + triggers.incrementAndGet() + ".schedule";
    }
}

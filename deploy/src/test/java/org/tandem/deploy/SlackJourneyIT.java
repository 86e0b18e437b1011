package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;

/**
 * A whole journey over Slack, every button clicked on the message Slack says it was on: a programme created and
 * opened, a mentee and a mentor enrolled, matching confirmed, a request accepted, the introduction and its "have you
 * met", the click check, an agreement (its form cancelled once, then sent), a check-in weeks later with its meeting
 * and reflection, the check-ins after it up to the midpoint and the end, and the close. Every message a person clicked ends, after the {@code chat.update}s Slack was asked for, without a
 * button left; a second click on each changes nothing Tandem keeps and is answered by showing the outcome on that
 * message again, never by a new one. Real app, real Bolt over HTTP, Slack's Web API stubbed.
 */
class SlackJourneyIT {

    static final String SECRET = "journey-signing-secret";
    static final String TEAM = "T1";
    static final String ADMIN = "CADMIN";
    static final String GROUP = "G" + Math.abs("UALICE,UBOB".hashCode());

    /** What Tandem keeps that a click may change (not who was seen when, nor the audit log, nor handled events). */
    static final List<String> STATE = List.of("pairs", "programs", "enrollments", "match_runs", "match_proposals",
            "shortlists", "meetings", "reflections", "due_items", "conversation_states", "questions",
            "consent_refusals", "pauses", "broadcasts", "workshops", "slack_forms", "slack_undelivered");

    /** A click on a message as Slack showed it then, to click again later. */
    record Clicked(String user, String channel, String ts, JsonNode blocks, String label) {}

    @TempDir
    Path dir;

    SlackApiStub slack;
    SlackRequests req;
    RunningApp app;
    final List<Clicked> clicked = new ArrayList<>();
    int checked;
    final AtomicInteger triggers = new AtomicInteger();

    @Test
    void everyClickedMessageEndsWithoutButtonsAndASecondClickOnlyShowsItsOutcome() throws Exception {
        try (SlackApiStub stub = new SlackApiStub();
             RunningApp running = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                     "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + stub.url(),
                     "tandem.slack.admin-channel=" + ADMIN, "tandem.scheduler.enabled=false",
                     "tandem.dev.clock-control=true")) {
            slack = stub;
            app = running;
            req = new SlackRequests(app.base(), SECRET, slack.hooks());
            slack.user("UCAROL", "Carol", "en-GB", "Europe/London");
            slack.user("UALICE", "Alice", "en-US", "Europe/Paris");
            slack.user("UBOB", "Bob", "en-US", "Europe/Berlin");

            programme();
            enrol("UALICE", "Mentee", "intake.mentee", Forms.mentee());
            enrol("UBOB", "Mentor", "intake.mentor", Forms.mentor());
            matching();
            introduction();
            agreement();
            checkIn();
            // before weeks pass: Tandem remembers how a question ended for two months, to show it again
            clickEachAgain();
            weeksPassUntil("half-way through your mentoring with Bob");
            weeksPassUntil("comes to its end");
            close();
            clickEachAgain();
            report();

            assertThat(clicked).hasSizeGreaterThan(20);
            for (Clicked c : clicked) {
                assertThat(liveButtons(slack.shown(c.channel(), c.ts())))
                        .as("in the end, '%s' clicked by %s in %s shows its outcome without buttons", c.label(),
                                c.user(), c.channel()).isEmpty();
            }
        }
    }

    /** Every message clicked since the last time shows its outcome without buttons, and is clicked again. */
    void clickEachAgain() throws InterruptedException {
        for (Clicked c : clicked.subList(checked, clicked.size())) {
            assertThat(liveButtons(slack.shown(c.channel(), c.ts())))
                    .as("'%s' clicked by %s in %s shows its outcome without buttons", c.label(), c.user(),
                            c.channel()).isEmpty();
            clickAgain(c);
        }
        checked = clicked.size();
    }

    /** Carol creates a programme in the admin channel (a modal) and opens it with the summary's button. */
    void programme() {
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

    /** {@code join}, the role, the intake form, the consent. */
    void enrol(String user, String role, String formId, Map<String, Object> answers) {
        int mark = slack.size();
        command(user, dm(user), "join");
        SlackApiStub.Call roles = posted(mark, user, "intake.role");
        mark = slack.size();
        click(user, roles, role);
        SlackApiStub.Call form = slack.await("views.open", mark);
        assertThat(form.json("view").at("/callback_id").asString()).isEqualTo(formId);
        assertThat(form.json("view").at("/notify_on_close").asBoolean()).as("a close is its cancel").isTrue();
        assertThat(form.json("view").at("/close/text").asString()).isEqualTo("Cancel");
        mark = slack.size();
        assertThat(req.submit(TEAM, form, user, answers, trigger()).body()).isEmpty();
        SlackApiStub.Call consent = posted(mark, user, "I agree");
        mark = slack.size();
        click(user, consent, "I agree");
        posted(mark, user, "You are enrolled");
    }

    /** Carol runs a round and confirms it; Alice asks Bob; Bob accepts. */
    void matching() {
        int mark = slack.size();
        command("UCAROL", ADMIN, "match");
        SlackApiStub.Call preview = posted(mark, ADMIN, "Matching preview");
        mark = slack.size();
        click("UCAROL", preview, "Confirm");
        posted(mark, ADMIN, "Confirmed for");
        SlackApiStub.Call shortlist = posted(mark, "UALICE", "shortlist.choose");
        mark = slack.size();
        click("UALICE", shortlist, "Ask Bob");
        SlackApiStub.Call request = posted(mark, "UBOB", "request.accept");
        mark = slack.size();
        click("UBOB", request, "Accept");
        posted(mark, GROUP, "Meet your mentoring pair");

        // Carol looks at the new pair by a mention: "/mentor pair @bob", which Slack escapes as the manifest asks
        mark = slack.size();
        command("UCAROL", ADMIN, "pair <@UBOB|bob>");
        assertThat(posted(mark, ADMIN, "Stages and dates only").params().get("blocks"))
                .contains("*Bob*", "With *Alice*", "*Leadership*").doesNotContain("found no participant");
    }

    /** "We have met" in the pair's group DM, then both say it clicked. */
    void introduction() {
        SlackApiStub.Call met = posted(0, GROUP, "intro.met");
        int mark = slack.size();
        click("UALICE", met, "We have met");
        posted(mark, GROUP, "asking each of you privately");
        SlackApiStub.Call askAlice = posted(mark, "UALICE", "click.answer");
        SlackApiStub.Call askBob = posted(mark, "UBOB", "click.answer");
        mark = slack.size();
        click("UALICE", askAlice, "Yes");
        posted(mark, "UALICE", "Your answer stays between us");
        click("UBOB", askBob, "Yes");
        posted(mark, "UALICE", "it clicked for both of you");
        assertThat(pair()).containsEntry("status", "active");
    }

    /** Alice opens the agreement's form and closes it (its cancel), opens it again and sends it; Bob confirms. */
    void agreement() {
        SlackApiStub.Call invite = posted(0, "UALICE", "Draft our agreement");
        int mark = slack.size();
        click("UALICE", invite, "Draft our agreement");
        SlackApiStub.Call opened = slack.await("views.open", mark);
        clicked.remove(clicked.size() - 1);
        assertThat(req.close(TEAM, opened, "UALICE").status()).isEqualTo(200);
        SlackLifecycleIT.eventually("the cancelled form's dialogue ended", () -> app.db()
                .getCollection("conversation_states").countDocuments(new Document("person", alice().key())) == 0
                && app.db().getCollection("questions").countDocuments(new Document("key",
                        "form|" + alice().key() + "|agreement.form").append("status", "closed")) == 1);
        assertThat(liveButtons(slack.shown(answered(invite, "channel"), answered(invite, "ts"))))
                .as("the invitation still stands").isNotEmpty();

        mark = slack.size();
        click("UALICE", invite, "Draft our agreement");
        SlackApiStub.Call form = slack.await("views.open", mark);
        mark = slack.size();
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("goal1", "Lead my first team");
        agreement.put("measure1", "My team says so");
        agreement.put("cadence", "biweekly");
        agreement.put("format", "video");
        agreement.put("contact", "Chat");
        agreement.put("confidential", List.of("yes"));
        assertThat(req.submit(TEAM, form, "UALICE", agreement, trigger()).body()).isEmpty();
        SlackApiStub.Call review = posted(mark, "UBOB", "agreement.confirm");
        mark = slack.size();
        click("UBOB", review, "Confirm");
        posted(mark, "UBOB", "Your mentoring agreement with Alice is confirmed");
    }

    /** Weeks later a check-in: Alice met Bob, logs it and writes her reflection. */
    void checkIn() {
        int mark = slack.size();
        String today = advance("P17D").substring(0, 10);
        SlackApiStub.Call ask = posted(mark, "UALICE", "checkin.answer");
        mark = slack.size();
        click("UALICE", ask, "Yes, we met");
        SlackApiStub.Call form = slack.await("views.open", mark);
        JsonNode picker = null;
        for (JsonNode block : form.json("view").at("/blocks")) {
            picker = "date".equals(block.at("/block_id").asString()) ? block.at("/element") : picker;
        }
        assertThat(picker.at("/type").asString()).isEqualTo("datepicker");
        assertThat(picker.at("/initial_date").asString()).as("the day we met: today, unless she picks another")
                .isEqualTo(today);
        mark = slack.size();
        assertThat(req.submit(TEAM, form, "UALICE", Map.of("date", today), trigger()).body()).isEmpty();
        posted(mark, "UALICE", "Logged, thank you");
        SlackApiStub.Call prompt = posted(mark, "UALICE", "Write my reflection");
        mark = slack.size();
        click("UALICE", prompt, "Write my reflection");
        SlackApiStub.Call reflection = slack.await("views.open", mark);
        mark = slack.size();
        assertThat(req.submit(TEAM, reflection, "UALICE", Map.of("takeaway", "Delegate more", "progress1", "2"),
                trigger()).body()).isEmpty();
        posted(mark, "UALICE", "Saved in your journal");
    }

    /** Two weeks at a time, Alice answering "Not yet" to each new check-in, until she is told {@code text}. */
    void weeksPassUntil(String text) throws InterruptedException {
        int start = slack.size();
        for (int i = 0; i < 16 && slack.posted("UALICE", start).stream().noneMatch(b -> b.contains(text)); i++) {
            int mark = slack.size();
            advance("P14D");
            List<SlackApiStub.Call> asks = slack.calls().subList(mark, slack.size()).stream()
                    .filter(c -> c.method().equals("chat.postMessage") && c.ok()
                            && "UALICE".equals(c.params().get("channel"))
                            && c.params().get("blocks").contains("checkin.answer")).toList();
            if (!asks.isEmpty()) {
                int before = slack.size();
                click("UALICE", asks.get(asks.size() - 1), "Not yet");
                posted(before, "UALICE", "I will ask again in a few days");
                clickEachAgain();
            }
        }
        assertThat(slack.posted("UALICE", start)).anySatisfy(b -> assertThat(b).contains(text));
    }

    /** At the end, Alice closes the mentoring; both are told, and so are the coordinators. */
    void close() throws InterruptedException {
        SlackApiStub.Call decide = posted(0, "UALICE", "milestone.decide");
        int mark = slack.size();
        click("UALICE", decide, "Close our mentoring");
        posted(mark, "UALICE", "Your mentoring with Bob is complete");
        posted(mark, ADMIN, "completed their mentoring in *Leadership*");
        assertThat(pair().getString("status")).isEqualTo("completed");
    }

    /**
     * The coordinators' report: its summary in the channel, then its charts uploaded there as PNGs (Slack shows them
     * inline, by their name) with their numbers as alt text, and the CSV.
     */
    void report() throws Exception {
        int mark = slack.size();
        command("UCAROL", ADMIN, "report Leadership");
        posted(mark, ADMIN, "Results of Leadership");
        // the weekly digests shared their charts there before
        SlackLifecycleIT.eventually("the report's 4 files in " + ADMIN, () -> slack.uploads(ADMIN).stream()
                .filter(f -> f.filename().startsWith("report-")).count() >= 4);
        List<SlackApiStub.Upload> files = slack.uploads(ADMIN).stream().filter(f -> f.filename().startsWith("report-"))
                .toList();
        assertThat(files).extracting(SlackApiStub.Upload::filename).anySatisfy(n -> assertThat(n).endsWith(
                "-funnel.png")).anySatisfy(n -> assertThat(n).endsWith("-objectives.png"))
                .anySatisfy(n -> assertThat(n).endsWith(".csv"));
        SlackApiStub.Upload funnel = files.stream().filter(f -> f.filename().endsWith("-funnel.png")).findFirst()
                .orElseThrow();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(funnel.bytes()));
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(450);
        assertThat(slack.calls().subList(mark, slack.size())).as("a chart's alt text is its numbers")
                .filteredOn(c -> c.method().startsWith("files.")).anySatisfy(c -> assertThat(c.params().toString())
                        .contains("How far people came", "Enrolled: "));
    }

    /**
     * The same button on the same message again, as a person whose Slack still showed it would: nothing Tandem keeps
     * changes, no message is posted and no form opens, and the message is updated to its outcome once more.
     */
    void clickAgain(Clicked c) throws InterruptedException {
        Map<String, List<String>> before = state();
        int mark = slack.size();
        assertThat(req.click(TEAM, c.user(), c.channel(), channelName(c.channel()), c.ts(), c.blocks(), c.label(),
                trigger()).status()).isEqualTo(200);
        SlackApiStub.Call shown = slack.await("chat.update", mark, u -> c.channel().equals(u.params().get("channel"))
                && c.ts().equals(u.params().get("ts")));
        assertThat(liveButtons(shown.json("blocks"))).as("'%s' again shows its outcome", c.label()).isEmpty();
        Thread.sleep(100);
        assertThat(slack.calls().subList(mark, slack.size())).extracting(SlackApiStub.Call::method)
                .as("a second click on '%s' posts nothing and opens nothing", c.label())
                .doesNotContain("chat.postMessage", "chat.postEphemeral", "views.open", "response_url");
        assertThat(state()).as("a second click on '%s' changes nothing", c.label()).isEqualTo(before);
    }

    // --- helpers ---

    /** Moves the dev clock on, doing what falls due on the way; the new time. */
    String advance(String period) {
        RunningApp.Reply r = app.post("/api/dev/clock", "{\"advance\":\"" + period + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/now").asString();
    }

    void command(String user, String channel, String text) {
        assertThat(req.command(TEAM, user, channel, channelName(channel), text, trigger()).status()).isEqualTo(200);
    }

    /** Clicks a button of a message where Slack says it landed, and remembers it for the second click. */
    void click(String user, SlackApiStub.Call message, String label) {
        String channel = answered(message, "channel");
        String ts = answered(message, "ts");
        JsonNode blocks = message.json("blocks");
        // a person reads a message before clicking it: by then Tandem has recorded the question it asks (it does so
        // as soon as Slack answered the post)
        SlackLifecycleIT.eventually("Tandem recorded the question of " + ts, () -> app.db().getCollection("questions")
                .countDocuments(new Document("ref.id", TEAM + "/" + channel + "/" + ts)) > 0);
        assertThat(req.click(TEAM, user, channel, channelName(channel), ts, blocks, label, trigger()).status())
                .isEqualTo(200);
        clicked.add(new Clicked(user, channel, ts, blocks, label));
    }

    /** A message Slack took after {@code mark} for {@code channel} (a user id for a DM) that contains {@code text}. */
    SlackApiStub.Call posted(int mark, String channel, String text) {
        return slack.await("chat.postMessage", mark, c -> channel.equals(c.params().get("channel"))
                && c.params().get("blocks").contains(text));
    }

    static String answered(SlackApiStub.Call call, String field) {
        return call.answer().at("/" + field).asString();
    }

    /** The buttons a message still offers. */
    static List<String> liveButtons(JsonNode blocks) {
        List<String> out = new ArrayList<>();
        for (JsonNode block : blocks) {
            if ("actions".equals(block.at("/type").asString())) {
                for (JsonNode e : block.path("elements")) {
                    if ("button".equals(e.at("/type").asString())) {
                        out.add(e.at("/text/text").asString());
                    }
                }
            }
        }
        return out;
    }

    /** Every document of the collections a click may change, as JSON, by collection. */
    Map<String, List<String>> state() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : STATE) {
            List<String> docs = new ArrayList<>();
            app.db().getCollection(name).find().sort(new Document("_id", 1)).forEach(d -> docs.add(d.toJson()));
            out.put(name, docs);
        }
        return out;
    }

    Document pair() {
        return app.db().getCollection("pairs").find(new Document("mentee", alice().key())).first();
    }

    static PersonRef alice() {
        return new PersonRef("slack", TEAM, "UALICE");
    }

    static String dm(String user) {
        return "D" + user.substring(1);
    }

    static String channelName(String channel) {
        if (channel.equals(ADMIN)) {
            return "tandem-admins";
        }
        return channel.equals(GROUP) ? "mpdm-alice--bob-1" : "directmessage";
    }

    String trigger() {
        return "4242." + triggers.incrementAndGet() + ".journey";
    }
}

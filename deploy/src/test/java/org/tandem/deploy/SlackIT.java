package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;

/**
 * The Slack adapter end to end: the real application with real Bolt behind {@code /slack/events}, signed
 * requests shaped like Slack's, and a local stand-in for Slack's Web API that records what the bot does.
 */
class SlackIT {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TEAM = "T1";
    static final String ADMIN = "CADMIN";

    @TempDir
    static Path dir;
    static SlackApiStub slack;
    static RunningApp app;
    static SlackRequests req;
    static final AtomicInteger triggers = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackApiStub();
        slack.user("UCAROL", "Carol", "en-GB", "Europe/London");
        slack.user("UALICE", "Alice", "en-US", "Europe/Paris");
        slack.user("UBOB", "Bob", "en-US", "Europe/Berlin");
        slack.user("UZOE", "Zoé", "fr-FR", "Europe/Paris");
        slack.user("UMAL", "<!channel> & <https://evil.example|win>", "en-US", "UTC");
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                "tandem.slack.admin-channel=" + ADMIN,
                // the tests sweep when they mean to (TandemCore#sweep), not on Quartz's timer
                "tandem.scheduler.enabled=false");
        req = new SlackRequests(app.base(), SECRET);
        createAndOpenProgramme("Leadership");
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    /** A coordinator creates a programme in the admin channel: the form opens as a modal with the trigger. */
    static void createAndOpenProgramme(String name) {
        int mark = slack.size();
        String trigger = trigger();
        SlackRequests.Reply ack = req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "program create", trigger);
        assertThat(ack.status()).isEqualTo(200);
        SlackApiStub.Call opened = slack.await("views.open", mark);
        assertThat(opened.params().get("trigger_id")).isEqualTo(trigger);
        assertThat(opened.json("view").at("/callback_id").asString()).isEqualTo("program.create");
        assertThat(opened.json("view").at("/private_metadata").asString()).isEqualTo("admin");

        mark = slack.size();
        SlackRequests.Reply done = submit(opened, "UCAROL", Forms.program(name));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).isEmpty();
        assertThat(slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel")))
                .params().get("blocks")).contains("created as a draft");

        mark = slack.size();
        req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "program open " + name, trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel")))
                .params().get("blocks")).contains("is open for enrolment");
    }

    @Test
    void helpAnswersASlashCommandInTheDm() {
        int mark = slack.size();
        SlackRequests.Reply ack = req.command(TEAM, "UALICE", "DALICE", "directmessage", "help", trigger());
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        SlackApiStub.Call posted = slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel")));
        assertThat(posted.token()).isEqualTo("xoxb-test");
        assertThat(posted.params().get("text")).contains("Here is what you can do");
        assertWellFormed(posted.json("blocks"));
        assertThat(posted.params().get("blocks")).contains("`join`", "`profile`").doesNotContain("program create");
        SlackApiStub.Call info = slack.calls("users.info").stream()
                .filter(c -> "UALICE".equals(c.params().get("user"))).findFirst().orElseThrow();
        assertThat(info.params().get("include_locale")).isIn("1", "true");
    }

    @Test
    void aCommandTypedInAChannelIsAnsweredInTheDmWithANoteWhereItWasTyped() {
        int mark = slack.size();
        SlackRequests.Reply ack = req.command(TEAM, "UGUS", "CGENERAL", "general", "help", trigger());
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().at("/text").asString()).contains("answered you in our direct messages");
        assertThat(ack.json().at("/response_type").asString("ephemeral")).isEqualTo("ephemeral");
        slack.await("chat.postMessage", mark, c -> "UGUS".equals(c.params().get("channel")));
        assertThat(slack.posted("CGENERAL", mark)).isEmpty();
    }

    @Test
    void frenchComesFromUsersInfo() {
        int mark = slack.size();
        req.command(TEAM, "UZOE", "DZOE", "directmessage", "", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> "UZOE".equals(c.params().get("channel")))
                .params().get("blocks")).contains("Voici ce que vous pouvez faire");
    }

    @Test
    void fromJoinThroughMatchingToAnActivePair() {
        // a mentee: role button -> modal -> a validation error answered in the ack -> the fix -> consent
        int mark = slack.size();
        req.command(TEAM, "UALICE", "DALICE", "directmessage", "join", trigger());
        JsonNode roles = slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("intake.role")).json("blocks");
        assertWellFormed(roles);
        mark = slack.size();
        String trigger = trigger();
        assertThat(click("UALICE", "DALICE", "directmessage", roles, "Mentee", trigger).status()).isEqualTo(200);
        SlackApiStub.Call form = slack.await("views.open", mark);
        assertThat(form.params().get("trigger_id")).isEqualTo(trigger);
        JsonNode view = form.json("view");
        assertThat(view.at("/callback_id").asString()).isEqualTo("intake.mentee");
        assertThat(view.at("/title/text").asString()).isEqualTo("About you as a mentee");
        assertThat(view.at("/blocks/0/type").asString()).isEqualTo("header");
        assertThat(view.at("/blocks/0/text/text").asString()).contains("About you as a mentee");

        int before = slack.size();
        SlackRequests.Reply errors = submit(form, "UALICE",
                Forms.with(Forms.with(Forms.mentee(), "hopes", ""), "timeZone", "Mars/Base"));
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.json().at("/response_action").asString()).isEqualTo("errors");
        assertThat(errors.json().at("/errors/hopes").asString()).isEqualTo("Please answer this.");
        assertThat(errors.json().at("/errors/timeZone").asString()).contains("Mars/Base");
        assertThat(slack.posted("UALICE", before)).as("errors go in the ack, not in a DM").isEmpty();

        mark = slack.size();
        SlackRequests.Reply ok = submit(form, "UALICE", Forms.mentee());
        assertThat(ok.body()).as("the modal closes").isEmpty();
        JsonNode consent = slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("I agree")).json("blocks");
        mark = slack.size();
        click("UALICE", "DALICE", "directmessage", consent, "I agree", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel")))
                .params().get("blocks")).contains("You are enrolled in *Leadership* as: *Mentee*");

        mark = slack.size();
        req.command(TEAM, "UALICE", "DALICE", "directmessage", "profile", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel")))
                .params().get("blocks")).contains("Your profile", "Mentee", "Speak with confidence");

        // a mentor, the same way (no errors this time)
        enrolMentor("UBOB", "DBOB");

        // the coordinator runs a matching round in the admin channel and confirms it with the preview's button
        mark = slack.size();
        req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "match", trigger());
        SlackApiStub.Call preview = slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("Matching preview"));
        assertThat(preview.params().get("blocks")).contains("1 of 1 mentee matched", "Alice → Bob");
        assertWellFormed(preview.json("blocks"));
        mark = slack.size();
        click("UCAROL", ADMIN, "tandem-admins", preview.json("blocks"), "Confirm", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("Confirmed for")).params().get("blocks"))
                .contains("1 mentee received their shortlist");

        // the mentee chooses from her shortlist; the mentor accepts
        SlackApiStub.Call shortlist = slack.await("chat.postMessage", mark,
                c -> "UALICE".equals(c.params().get("channel")) && c.params().get("blocks").contains("shortlist.choose"));
        assertThat(shortlist.params().get("blocks")).contains("Your mentor shortlist", "*Bob* — Engineering");
        assertWellFormed(shortlist.json("blocks"));
        mark = slack.size();
        click("UALICE", "DALICE", "directmessage", shortlist.json("blocks"), "Ask Bob", trigger());
        JsonNode request = slack.await("chat.postMessage", mark, c -> "UBOB".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("request.accept")).json("blocks");
        assertThat(request.toString()).contains("*Alice* would like you as their mentor in *Leadership*");
        assertWellFormed(request);

        mark = slack.size();
        click("UBOB", "DBOB", "directmessage", request, "Accept", trigger());
        SlackApiStub.Call group = slack.await("conversations.open", mark);
        assertThat(group.params().get("users")).isEqualTo("UALICE,UBOB");
        String channel = "G" + Math.abs("UALICE,UBOB".hashCode());
        SlackApiStub.Call intro = slack.await("chat.postMessage", mark, c -> channel.equals(c.params().get("channel")));
        assertThat(intro.params().get("blocks")).contains("Meet your mentoring pair", "Alice, meet Bob");
        assertWellFormed(intro.json("blocks"));
        assertThat(slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel")))
                .params().get("blocks")).contains("Alice and Bob have been introduced in *Leadership*");

        // "We have met", a question of its own after the introduction, clicked in the group DM, is answered there
        // and starts the private click check
        JsonNode met = slack.await("chat.postMessage", mark, c -> channel.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("intro.met")).json("blocks");
        assertWellFormed(met);
        mark = slack.size();
        click("UALICE", channel, "mpdm-alice--bob-1", met, "We have met", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> channel.equals(c.params().get("channel")))
                .params().get("blocks")).contains("asking each of you privately");
        JsonNode askAlice = slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("click.answer")).json("blocks");
        JsonNode askBob = slack.await("chat.postMessage", mark, c -> "UBOB".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("click.answer")).json("blocks");
        assertThat(askBob.toString()).contains("How was your first conversation with *Alice*?");
        assertWellFormed(askAlice);

        mark = slack.size();
        click("UALICE", "DALICE", "directmessage", askAlice, "Yes", trigger());
        slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("Your answer stays between us"));
        click("UBOB", "DBOB", "directmessage", askBob, "Yes", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("A new pair is active")).params().get("blocks"))
                .contains("A new pair is active in *Leadership*: Alice and Bob");
        slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("it clicked for both of you"));
        Document pair = db().getCollection("pairs").find(new Document("mentee",
                new PersonRef("slack", TEAM, "UALICE").key())).first();
        assertThat(pair).containsEntry("mentor", new PersonRef("slack", TEAM, "UBOB").key())
                .containsEntry("status", "active").containsEntry("group", channel);
    }

    @Test
    void whatSlackKeepsRefusingIsKeptAndTheNextSweepDeliversItOnce() throws Exception {
        slack.refuse("UPAT", 500);
        slack.refuse("UQUIN", 503);
        int mark = slack.size();
        req.command(TEAM, "UPAT", "DPAT", "directmessage", "help", trigger());
        req.command(TEAM, "UQUIN", "DQUIN", "directmessage", "profile", trigger());
        Document parked = awaitParked("dm:UPAT");
        awaitParked("dm:UQUIN");
        assertThat(parked).containsEntry("status", "waiting").containsEntry("reason", "HTTP 500");
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> "UPAT".equals(c.params().get("channel"))))
                .as("the inline retries").extracting(SlackApiStub.Call::status).containsOnly(500).hasSize(4);
        assertThat(slack.posted("UPAT", mark)).isEmpty();

        // Slack heals; two sweeps at the same moment (two replicas) deliver each message once
        slack.heal("UPAT");
        slack.heal("UQUIN");
        TandemCore core = app.context().getBean(TandemCore.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sweeps.add(pool.submit(() -> {
                go.await();
                return core.sweep();
            }));
        }
        go.countDown();
        for (Future<Integer> f : sweeps) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        core.sweep();
        assertThat(slack.posted("UPAT", mark)).singleElement().asString().contains("Here is what you can do");
        assertThat(slack.posted("UQUIN", mark)).singleElement().asString().contains("Your profile");
        assertThat(db().getCollection("slack_undelivered").countDocuments(new Document("to",
                new Document("$in", List.of("dm:UPAT", "dm:UQUIN"))))).isZero();
    }

    /** Waits until a message to a destination is kept in {@code slack_undelivered} (after the inline retries). */
    static Document awaitParked(String to) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Document d = db().getCollection("slack_undelivered").find(new Document("to", to)).first();
            if (d != null) {
                return d;
            }
            RunningApp.pause(50);
        }
        throw new AssertionError("nothing was kept for " + to);
    }

    @Test
    void aDirectMessageIsReadAsACommandAndARetriedEventIsHandledOnce() {
        int mark = slack.size();
        String event = "{\"type\":\"message\",\"channel\":\"DERIN\",\"user\":\"UERIN\",\"text\":\"profile\","
                + "\"ts\":\"1700000100.000100\",\"event_ts\":\"1700000100.000100\",\"channel_type\":\"im\"}";
        assertThat(req.event(TEAM, "Ev0001", event).status()).isEqualTo(200);
        assertThat(slack.await("chat.postMessage", mark, c -> "UERIN".equals(c.params().get("channel")))
                .params().get("blocks")).contains("Your profile");
        // Slack retries when it thinks the first delivery failed: same event id, X-Slack-Retry-Num set
        String body = "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"event\":" + event
                + ",\"type\":\"event_callback\",\"event_id\":\"Ev0001\",\"event_time\":1700000100}";
        String ts = Long.toString(Instant.now().getEpochSecond());
        assertThat(req.send(body, "application/json", Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", req.sign(ts, body), "X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).status()).isEqualTo(200);
        // and the bot's own message in the DM is not read as input
        req.event(TEAM, "Ev0002", "{\"type\":\"message\",\"channel\":\"DERIN\",\"user\":\"UBOT\",\"bot_id\":\"BBOT\","
                + "\"text\":\"profile\",\"ts\":\"1700000101.000100\",\"channel_type\":\"im\"}");
        // a person's events are handled in order: once the answer to a later one is out, the others are done
        req.event(TEAM, "Ev0003", "{\"type\":\"message\",\"channel\":\"DERIN\",\"user\":\"UERIN\",\"text\":\"help\","
                + "\"ts\":\"1700000102.000100\",\"channel_type\":\"im\"}");
        slack.await("chat.postMessage", mark, c -> "UERIN".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("Here is what you can do"));
        assertThat(slack.posted("UERIN", mark)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forged signature", "timestamp 6 minutes old", "timestamp 6 minutes ahead",
        "no signature", "no timestamp"})
    void badlySignedRequestsAreRefusedAndChangeNothing(String what) {
        int mark = slack.size();
        long people = db().getCollection("people").countDocuments();
        String body = SlackRequests.form(Map.of("team_id", TEAM, "channel_id", "DMAL", "user_id", "UMALLORY",
                "command", "/mentor", "text", "join", "trigger_id", "t"));
        String now = Long.toString(Instant.now().getEpochSecond());
        String old = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        String ahead = Long.toString(Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond());
        Map<String, String> headers = switch (what) {
            case "forged signature" -> Map.of("X-Slack-Request-Timestamp", now,
                    "X-Slack-Signature", new SlackRequests(app.base(), "not-the-secret").sign(now, body));
            case "timestamp 6 minutes old" -> Map.of("X-Slack-Request-Timestamp", old,
                    "X-Slack-Signature", req.sign(old, body));
            case "timestamp 6 minutes ahead" -> Map.of("X-Slack-Request-Timestamp", ahead,
                    "X-Slack-Signature", req.sign(ahead, body));
            case "no signature" -> Map.of("X-Slack-Request-Timestamp", now);
            default -> Map.of("X-Slack-Signature", req.sign(now, body));
        };
        SlackRequests.Reply r = req.send(body, "application/x-www-form-urlencoded", headers);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("join");
        RunningApp.pause(100);
        assertThat(slack.calls().subList(mark, slack.size())).isEmpty();
        assertThat(db().getCollection("people").countDocuments()).isEqualTo(people);
        assertThat(db().getCollection("people").countDocuments(new Document("userId", "UMALLORY"))).isZero();
    }

    @Test
    void aRateLimitedMessageIsRetriedAfterRetryAfterAndArrives() {
        int mark = slack.size();
        slack.rateLimitNext("chat.postMessage", 1);
        req.command(TEAM, "UFRED", "DFRED", "directmessage", "help", trigger());
        SlackApiStub.Call delivered = slack.await("chat.postMessage", mark, c -> "UFRED".equals(c.params().get("channel")));
        List<SlackApiStub.Call> attempts = slack.calls("chat.postMessage").stream()
                .filter(c -> "UFRED".equals(c.params().get("channel"))).toList();
        assertThat(attempts).extracting(SlackApiStub.Call::status).containsExactly(429, 200);
        assertThat(Duration.between(attempts.get(0).at(), delivered.at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void whatPeopleTypedIsEscapedSoNobodyCanPingTheChannel() {
        int mark = slack.size();
        req.command(TEAM, "UMAL", "DMAL", "directmessage", "join", trigger());
        SlackApiStub.Call welcome = slack.await("chat.postMessage", mark, c -> "UMAL".equals(c.params().get("channel")));
        assertThat(welcome.params().get("blocks"))
                .contains("&lt;!channel&gt; &amp; &lt;https://evil.example|win&gt;")
                .doesNotContain("<!channel>", "<https://evil");
        assertThat(welcome.params().get("text")).doesNotContain("<!channel>");
        assertThat(welcome.json("blocks").at("/0/text/verbatim").asBoolean()).isTrue();
    }

    @Test
    void theAppHomeShowsTheNextStepAndItsButtonsWork() {
        int mark = slack.size();
        req.event(TEAM, "Ev0100", "{\"type\":\"app_home_opened\",\"user\":\"UHANA\",\"channel\":\"DHANA\","
                + "\"tab\":\"home\",\"event_ts\":\"1700000200.000100\"}");
        SlackApiStub.Call published = slack.await("views.publish", mark);
        assertThat(published.params().get("user_id")).isEqualTo("UHANA");
        JsonNode home = published.json("view");
        assertThat(home.at("/type").asString()).isEqualTo("home");
        assertWellFormed(home.at("/blocks"));
        assertThat(home.toString()).contains("Next step", "home.run");

        mark = slack.size();
        JsonNode join = button(home.at("/blocks"), "Join");
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"tandem-test\"},"
                + "\"user\":{\"id\":\"UHANA\",\"username\":\"hana\",\"name\":\"hana\",\"team_id\":\"T1\"},"
                + "\"api_app_id\":\"A1\",\"token\":\"legacy\",\"trigger_id\":\"" + trigger() + "\","
                + "\"container\":{\"type\":\"view\",\"view_id\":\"V1\"},"
                + "\"view\":{\"id\":\"V1\",\"team_id\":\"T1\",\"type\":\"home\",\"blocks\":[],\"hash\":\"h\"},"
                + "\"actions\":[{\"action_id\":\"" + join.at("/action_id").asString() + "\",\"block_id\":\"b1\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Join\"},\"value\":\"join\",\"type\":\"button\","
                + "\"action_ts\":\"1700000201.000100\"}]}";
        assertThat(req.interaction(payload).status()).isEqualTo(200);
        assertThat(slack.await("chat.postMessage", mark, c -> "UHANA".equals(c.params().get("channel")))
                .params().get("blocks")).contains("Welcome to *Leadership*", "intake.role");
        slack.await("views.publish", mark);
    }

    @Test
    void openingTandemTheFirstTimeIsAnsweredOnceWithAWelcomeInTheDm() {
        slack.user("UNINA", "Nina", "en-US", "Europe/Paris");
        int mark = slack.size();
        // the Messages tab: Tandem's DM, where the welcome goes
        req.event(TEAM, "Ev0600", "{\"type\":\"app_home_opened\",\"user\":\"UNINA\",\"channel\":\"DNINA\","
                + "\"tab\":\"messages\",\"event_ts\":\"1700000700.000100\"}");
        SlackApiStub.Call welcome = slack.await("chat.postMessage", mark, c -> "UNINA".equals(c.params().get("channel")));
        assertThat(welcome.params().get("blocks")).contains("Welcome to Tandem, Nina!", "Find a mentor or a mentee");
        assertWellFormed(welcome.json("blocks"));
        assertThat(slack.calls("views.publish").stream().filter(c -> "UNINA".equals(c.params().get("user_id"))))
                .as("the Messages tab has no view to publish").isEmpty();

        // the Home tab later, Slack retrying that event, the Messages tab again: the Home is published, nothing is said
        mark = slack.size();
        String home = "{\"type\":\"app_home_opened\",\"user\":\"UNINA\",\"channel\":\"DNINA\","
                + "\"tab\":\"home\",\"event_ts\":\"1700000701.000100\"}";
        req.event(TEAM, "Ev0601", home);
        assertThat(slack.await("views.publish", mark).params().get("user_id")).isEqualTo("UNINA");
        req.event(TEAM, "Ev0601", home);
        req.event(TEAM, "Ev0602", "{\"type\":\"app_home_opened\",\"user\":\"UNINA\",\"channel\":\"DNINA\","
                + "\"tab\":\"messages\",\"event_ts\":\"1700000702.000100\"}");
        // her events are handled in order: once this answer is out, the openings before it were handled
        req.command(TEAM, "UNINA", "DNINA", "directmessage", "help", trigger());
        slack.await("chat.postMessage", mark, c -> "UNINA".equals(c.params().get("channel"))
                && c.params().get("blocks").contains("Here is what you can do"));
        assertThat(slack.posted("UNINA", mark)).as("one welcome, then only the answer to help").singleElement()
                .asString().contains("Here is what you can do");

        // its one button starts joining
        mark = slack.size();
        click("UNINA", "DNINA", "directmessage", welcome.json("blocks"), "Find a mentor or a mentee", trigger());
        assertThat(slack.await("chat.postMessage", mark, c -> "UNINA".equals(c.params().get("channel")))
                .params().get("blocks")).contains("intake.role");
    }

    @Test
    void aWorkshopsDayAndTimeArePickedInTheModalAndReachTheCoreAsIsoValues() {
        int mark = slack.size();
        req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "workshop Leadership", trigger());
        SlackApiStub.Call opened = slack.await("views.open", mark);
        JsonNode view = opened.json("view");
        assertThat(view.at("/callback_id").asString()).isEqualTo("workshop.form");
        Map<String, String> elements = new HashMap<>();
        view.at("/blocks").forEach(b -> elements.put(b.at("/block_id").asString(), b.at("/element/type").asString()));
        assertThat(elements).containsEntry("date", "datepicker").containsEntry("time", "timepicker")
                .containsEntry("title", "plain_text_input");

        // a day gone by: the error is shown next to the picker, in the answer to the submission
        SlackRequests.Reply past = submit(opened, "UCAROL", Map.of("title", "Kick-off", "date", "2020-01-06",
                "time", "09:30", "where", "Room 4"));
        assertThat(past.json().at("/response_action").asString()).isEqualTo("errors");
        assertThat(past.json().at("/errors/date").asString()).contains("passed");

        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        mark = slack.size();
        SlackRequests.Reply ok = submit(opened, "UCAROL", Map.of("title", "Kick-off", "date", day.toString(),
                "time", "09:30", "where", "Room 4"));
        assertThat(ok.body()).as("the modal closes").isEmpty();
        slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("*Kick-off* is announced"));
        Document w = db().getCollection("workshops").find(new Document("title", "Kick-off")).first();
        assertThat(w.getDate("at").toInstant()).isEqualTo(day.atTime(9, 30)
                .atZone(ZoneId.of(w.getString("zone"))).toInstant());
    }

    @Test
    void aFormAskedForByAMentionComesWithAButtonThatOpensIt() {
        int mark = slack.size();
        req.event(TEAM, "Ev0200", "{\"type\":\"app_mention\",\"user\":\"UCAROL\",\"channel\":\"" + ADMIN + "\","
                + "\"text\":\"<@UBOT> program create\",\"ts\":\"1700000300.000100\",\"event_ts\":\"1700000300.000100\"}");
        SlackApiStub.Call posted = slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("slack.open-form"));
        assertThat(posted.params().get("blocks")).contains("Open the form", "New programme");

        mark = slack.size();
        String trigger = trigger();
        click("UCAROL", ADMIN, "tandem-admins", posted.json("blocks"), "Open the form", trigger);
        SlackApiStub.Call opened = slack.await("views.open", mark);
        assertThat(opened.params().get("trigger_id")).isEqualTo(trigger);
        assertThat(opened.json("view").at("/callback_id").asString()).isEqualTo("program.create");
    }

    @Test
    void slackFormatsAreShownAsTypedInTheDm() {
        int mark = slack.size();
        req.event(TEAM, "Ev0300", "{\"type\":\"message\",\"channel\":\"DIVY\",\"user\":\"UIVY\","
                + "\"text\":\"language &lt;fr&gt;\",\"ts\":\"1700000400.000100\",\"channel_type\":\"im\"}");
        assertThat(slack.await("chat.postMessage", mark, c -> "UIVY".equals(c.params().get("channel")))
                .params().get("blocks")).contains("&lt;fr&gt;");
    }

    @Test
    void theRequestUrlCheckIsAnsweredAndOtherBodiesRefused() {
        SlackRequests.Reply challenge = req.post("{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}", "application/json", Instant.now());
        assertThat(challenge.status()).isEqualTo(200);
        assertThat(challenge.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertThat(req.post("hello=world", "application/x-www-form-urlencoded", Instant.now()).status()).isEqualTo(400);
        assertThat(req.post("x".repeat(1024 * 1024 + 1), "text/plain", Instant.now()).status()).isEqualTo(413);
    }

    @Test
    void aRevokedBotTokenStopsSendingToThatWorkspace() {
        assertThat(req.event("T9", "Ev0400", "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]},"
                + "\"event_ts\":\"1700000500.000100\"}").status()).isEqualTo(200);
        PlatformMessenger messenger = app.context().getBeansOfType(PlatformMessenger.class).values().stream()
                .filter(m -> m.platform().equals("slack")).findFirst().orElseThrow();
        int mark = slack.size();
        messenger.send(Address.person(new PersonRef("slack", "T9", "UKIM")), Message.text(Rich.markup("hello?")));
        messenger.send(Address.person(new PersonRef("slack", TEAM, "UKIM")), Message.text(Rich.markup("hello")));
        assertThat(slack.calls().subList(mark, slack.size())).extracting(c -> c.params().get("blocks"))
                .singleElement().asString().contains("hello").doesNotContain("hello?");
        assertThat(db().getCollection("slack_installations").find(new Document("_id", "T:T9")).first())
                .containsKey("uninstalledAt");
        assertThat(db().getCollection("due_items").find(new Document("_id", "workspace.purge|slack|T9")).first())
                .as("the workspace's personal data goes after the retention period").isNotNull();
    }

    @Test
    void theCoreCanUpdateAMessageItSent() {
        PlatformMessenger messenger = app.context().getBeansOfType(PlatformMessenger.class).values().stream()
                .filter(m -> m.platform().equals("slack")).findFirst().orElseThrow();
        int mark = slack.size();
        MessageRef ref = messenger.send(Address.person(new PersonRef("slack", TEAM, "UJO")), Message.text(Rich.markup("first")));
        SlackApiStub.Call posted = slack.await("chat.postMessage", mark, c -> "UJO".equals(c.params().get("channel")));
        assertThat(posted.params().get("blocks")).contains("first");
        assertThat(ref.id()).startsWith(TEAM + "/DJO/");
        messenger.update(ref, Message.text(Rich.markup("second")));
        SlackApiStub.Call updated = slack.await("chat.update", mark);
        assertThat(updated.params()).containsEntry("channel", "DJO")
                .containsEntry("ts", ref.id().substring(ref.id().lastIndexOf('/') + 1));
        assertThat(updated.params().get("blocks")).contains("second");
    }

    // --- helpers: Slack's payloads, built from what the bot really posted ---

    static void enrolMentor(String user, String dm) {
        int mark = slack.size();
        req.command(TEAM, user, dm, "directmessage", "join", trigger());
        JsonNode roles = slack.await("chat.postMessage", mark, c -> user.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("intake.role")).json("blocks");
        mark = slack.size();
        click(user, dm, "directmessage", roles, "Mentor", trigger());
        SlackApiStub.Call form = slack.await("views.open", mark);
        assertThat(form.json("view").at("/callback_id").asString()).isEqualTo("intake.mentor");
        mark = slack.size();
        assertThat(submit(form, user, Forms.mentor()).body()).isEmpty();
        JsonNode consent = slack.await("chat.postMessage", mark, c -> user.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("I agree")).json("blocks");
        mark = slack.size();
        click(user, dm, "directmessage", consent, "I agree", trigger());
        slack.await("chat.postMessage", mark, c -> user.equals(c.params().get("channel"))
                && c.params().get("blocks").contains("You are enrolled"));
    }

    /** Clicks the button with this label in posted blocks, as a {@code block_actions} payload. */
    static SlackRequests.Reply click(String user, String channel, String channelName, JsonNode blocks, String label,
                                     String trigger) {
        return req.click(TEAM, user, channel, channelName, blocks, label, trigger);
    }

    static JsonNode button(JsonNode blocks, String label) {
        return SlackRequests.button(blocks, label);
    }

    /** Submits the modal that {@code views.open} received, filled in as a person would, as Slack sends it. */
    static SlackRequests.Reply submit(SlackApiStub.Call opened, String user, Map<String, Object> answers) {
        return req.submit(TEAM, opened, user, answers, trigger());
    }

    /** Block Kit's rules Slack would refuse a message for: known types, unique action ids, lengths. */
    static void assertWellFormed(JsonNode blocks) {
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks.size()).isBetween(1, 100);
        Set<String> actionIds = new HashSet<>();
        List<String> types = new ArrayList<>();
        for (JsonNode block : blocks) {
            String type = block.at("/type").asString();
            types.add(type);
            assertThat(type).isIn("section", "actions", "context", "header", "divider", "input");
            if (type.equals("section") && block.has("text")) {
                assertThat(block.at("/text/type").asString()).isEqualTo("mrkdwn");
                assertThat(block.at("/text/text").asString().length()).isBetween(1, 3000);
            }
            for (JsonNode e : block.path("elements")) {
                if (e.has("action_id")) {
                    assertThat(actionIds.add(e.at("/action_id").asString())).as("unique action ids").isTrue();
                }
                if ("button".equals(e.at("/type").asString())) {
                    assertThat(e.at("/text/text").asString().length()).isBetween(1, 75);
                }
            }
        }
        assertThat(types).isNotEmpty();
    }

    static MongoDatabase db() {
        return app.db();
    }

    static String trigger() {
        return "1337." + triggers.incrementAndGet() + ".abcdef";
    }

}

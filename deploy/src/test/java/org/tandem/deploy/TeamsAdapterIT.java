package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Teams end to end: the real application and the real Bot Framework SDK over real HTTP; Activities are posted to
 * {@code /api/messages} as Teams would, and the bot's answers reach a local Bot Connector stub. From a coordinator's
 * {@code admin here} and a programme, through a mentee's and a mentor's enrolment and a matching round, to their
 * introduction and an active pair.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsAdapterIT {

    static final String TENANT = BotConnectorStub.TENANT;
    static final String ADMIN = "19:admin@thread.tacv2";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=aad-carol", "tandem.teams.retry-delay=PT0.02S",
                "tandem.teams.retry-max-delay=PT0.1S",
                // sweeps happen when a test says (TandemCore#sweep, the dev clock), not on Quartz's timer
                "tandem.scheduler.enabled=false", "tandem.dev.clock-control=true");
        teams.member("29:alice", "aad-alice", "Alice", "alice@example.org");
        teams.member("29:bob", "aad-bob", "Bob", "bob@example.org");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    @Order(1)
    void aCoordinatorMakesAChannelTheAdminChannelAndCreatesAProgramme() {
        int mark = teams.mark();
        ObjectNode added = teams.activity("carol", "Carol", ADMIN, "channel");
        added.put("type", "conversationUpdate");
        added.putArray("membersAdded").addObject().put("id", "28:bot");
        post(added);

        ObjectNode refused = teams.activity("mallory", "Mallory", ADMIN, "channel");
        BotConnectorStub.mention(refused, "admin here");
        post(refused);
        teams.awaitTo(ADMIN, mark, "Only a coordinator");

        ObjectNode here = teams.activity("carol", "Carol", ADMIN + ";messageid=42", "channel");
        BotConnectorStub.mention(here, "admin here");
        post(here);
        // asked in a thread, answered in that thread
        assertThat(teams.awaitTo(ADMIN + ";messageid=42", mark, "now the admin channel").text())
                .as("in a channel the bot hears only what mentions it").contains("Mention me with **help**");

        mark = teams.mark();
        ObjectNode create = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(create, "program create");
        post(create);
        BotConnectorStub.Call form = teams.awaitTo(ADMIN, mark, "New programme");
        post(teams.submit("carol", "Carol", ADMIN, "channel", form.action("Save"), Forms.program("Leadership")));
        teams.awaitTo(ADMIN, mark, "Programme **Leadership** created");
        ObjectNode open = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(open, "program open Leadership");
        post(open);
        teams.awaitTo(ADMIN, mark, "is open for enrolment");
    }

    @Test
    @Order(2)
    void helpIsACardInThePersonalChat() {
        int mark = teams.mark();
        post(teams.text("alice", "Alice *Star*", "help"));
        BotConnectorStub.Call help = teams.awaitTo("a:alice", mark, "Here is what you can do");
        JsonNode card = help.card();
        assertThat(help.body().at("/attachments/0/contentType").asString())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.at("/type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.at("/version").asString()).isEqualTo("1.5");
        assertThat(help.text()).contains("**join** enrol in a mentoring programme");
        card.at("/body").forEach(b -> assertThat(b.at("/type").asString()).isIn("TextBlock", "FactSet",
                "ActionSet"));
        assertThat(help.body().at("/conversation/id").asString()).isEqualTo("a:alice");
        assertThat(help.body().at("/from/id").asString()).isEqualTo("28:bot");
    }

    @Test
    @Order(3)
    void aMenteeEnrolsThroughButtonsAndAFormWithAnErrorThenSeesTheirProfile() {
        int mark = teams.mark();
        post(teams.text("alice", "Alice *Star*", "join"));
        BotConnectorStub.Call roles = teams.awaitTo("a:alice", mark, "Would you like to be mentored");
        assertThat(roles.text()).contains("Welcome to **Leadership**, Alice \\*Star\\*!");
        JsonNode mentee = roles.action("Mentee");
        assertThat(mentee.at("/type").asString()).isEqualTo("Action.Execute");
        assertThat(mentee.at("/fallback/type").asString()).as("for clients without Universal Actions")
                .isEqualTo("Action.Submit");
        assertThat(mentee.at("/data/tandem/action").asString()).isEqualTo("intake.role");

        mark = teams.mark();
        post(teams.click("alice", "Alice *Star*", roles, mentee));
        BotConnectorStub.Call form = teams.await(mark, c -> "a:alice".equals(c.conversation())
                && c.text().contains("About you as a mentee"));
        Map<String, Object> answers = Forms.with(Forms.mentee(), "timeZone", "Mars/Base");
        answers.put("department", "R&D [core] *team*");

        mark = teams.mark();
        post(teams.submit("alice", "Alice *Star*", "a:alice", "personal", form.action("Next"), answers));
        // the form shows again in its place, with what was typed and what to correct
        BotConnectorStub.Call again = teams.awaitShown("a:alice", mark, "is not a time zone I know");
        assertThat(again.isUpdate()).isTrue();
        JsonNode zone = input(again.card(), "timeZone");
        assertThat(zone.at("/value").asString()).isEqualTo("Mars/Base");
        assertThat(zone.at("/errorMessage").asString()).contains("is not a time zone I know");
        assertThat(again.card().at("/body").toString()).contains("\"color\":\"Attention\"");
        assertThat(input(again.card(), "department").at("/value").asString()).isEqualTo("R&D [core] *team*");

        mark = teams.mark();
        post(teams.submit("alice", "Alice *Star*", "a:alice", "personal", again.action("Next"), Forms.with(answers,
                "timeZone", "Europe/Paris")));
        BotConnectorStub.Call consent = teams.awaitTo("a:alice", mark, "Do you agree?");
        mark = teams.mark();
        post(teams.click("alice", "Alice *Star*", consent, consent.action("I agree")));
        teams.awaitTo("a:alice", mark, "You are enrolled in **Leadership** as: **Mentee**");

        mark = teams.mark();
        post(teams.text("alice", "Alice *Star*", "profile"));
        BotConnectorStub.Call profile = teams.awaitTo("a:alice", mark, "**Your profile**");
        assertThat(profile.text()).contains("Alice \\*Star\\*", "R&D \\[core\\] \\*team\\*", "Europe/Paris");
        assertThat(profile.card().at("/body").toString()).contains("\"type\":\"FactSet\"");
    }

    @Test
    @Order(4)
    void aMatchingRoundConfirmedInTheAdminChannelLeadsToAnIntroductionAndAnActivePair() throws InterruptedException {
        enrolMentor("bob", "Bob");

        // the coordinator runs a matching round in the admin channel and confirms it with the card's button
        int mark = teams.mark();
        ObjectNode match = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(match, "match");
        post(match);
        BotConnectorStub.Call preview = teams.awaitTo(ADMIN, mark, "**Matching preview**");
        assertThat(preview.text()).contains("1 of 1 mentee matched", "→ Bob");
        assertWellFormed(preview.card());
        mark = teams.mark();
        post(teams.click("carol", "Carol", preview, preview.action("Confirm")));
        teams.awaitTo(ADMIN, mark, "1 mentee received their shortlist");

        // the mentee chooses from her shortlist; the mentor accepts
        BotConnectorStub.Call shortlist = teams.awaitTo("a:alice", mark, "**Your mentor shortlist**");
        assertWellFormed(shortlist.card());
        JsonNode ask = shortlist.action("Ask Bob");
        assertThat(ask.at("/data/tandem/action").asString()).isEqualTo("shortlist.choose");
        assertThat(shortlist.text()).doesNotContain("aad-bob", "teams|");
        mark = teams.mark();
        post(teams.click("alice", "Alice *Star*", shortlist, ask));
        BotConnectorStub.Call request = teams.awaitTo("a:bob", mark, "would like you as their mentor");
        teams.awaitTo("a:alice", mark, "I have asked **Bob** to be your mentor");
        assertWellFormed(request.card());

        mark = teams.mark();
        post(teams.click("bob", "Bob", request, request.action("Accept")));
        BotConnectorStub.Call toAlice = teams.awaitTo("a:alice", mark, "Meet your mentoring pair");
        BotConnectorStub.Call toBob = teams.awaitTo("a:bob", mark, "Meet your mentoring pair");
        JsonNode link = toAlice.action("Chat with Bob in Teams");
        assertThat(link.at("/type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(link.at("/url").asString()).startsWith("https://teams.microsoft.com/l/chat/0/0?users=bob%40example.org");
        assertThat(toBob.action("Chat with Alice *Star* in Teams").at("/url").asString())
                .contains("users=alice%40example.org");
        assertWellFormed(toAlice.card());
        teams.awaitTo(ADMIN, mark, "have been introduced in **Leadership**");

        // "We have met" on the pair's question (a card of its own, after the introduction) starts the private
        // click check; both say yes
        BotConnectorStub.Call haveYouMet = teams.awaitTo("a:alice", mark, "whether it clicked");
        assertWellFormed(haveYouMet.card());
        mark = teams.mark();
        post(teams.click("alice", "Alice *Star*", haveYouMet, haveYouMet.action("We have met")));
        teams.awaitTo("a:alice", mark, "asking each of you privately");
        BotConnectorStub.Call askAlice = teams.awaitTo("a:alice", mark, "Did it click?");
        BotConnectorStub.Call askBob = teams.awaitTo("a:bob", mark, "Did it click?");
        assertThat(askAlice.action("Yes").at("/data/tandem/action").asString()).isEqualTo("click.answer");
        mark = teams.mark();
        post(teams.click("alice", "Alice *Star*", askAlice, askAlice.action("Yes")));
        teams.awaitTo("a:alice", mark, "Your answer stays between us");
        post(teams.click("bob", "Bob", askBob, askBob.action("Yes")));
        teams.awaitTo("a:bob", mark, "it clicked for both of you");
        teams.awaitTo(ADMIN, mark, "A new pair is active in **Leadership**");
        Document pair = db().getCollection("pairs").find(new Document("mentee",
                new PersonRef("teams", TENANT, "aad-alice").key())).first();
        assertThat(pair).containsEntry("mentor", new PersonRef("teams", TENANT, "aad-bob").key())
                .containsEntry("status", "active");

        // the agreement, then weeks later a check-in nudge: proactive messages through the stored references
        BotConnectorStub.Call invite = teams.awaitTo("a:alice", mark, "draft 1 to 3 learning objectives");
        mark = teams.mark();
        post(teams.click("alice", "Alice *Star*", invite, invite.action("Draft our agreement")));
        BotConnectorStub.Call agreement = teams.awaitTo("a:alice", mark, "Our mentoring agreement");
        post(teams.submit("alice", "Alice *Star*", "a:alice", "personal", agreement.action("Send to my mentor"),
                Map.of("goal1", "Speak at the all-hands", "measure1", "I gave the talk", "cadence", "weekly",
                        "format", "video", "contact", "A chat message", "confidential", List.of("yes"))));
        BotConnectorStub.Call review = teams.awaitTo("a:bob", mark, "drafted your mentoring agreement");
        post(teams.click("bob", "Bob", review, review.action("Confirm")));
        teams.awaitTo("a:alice", mark, "Your mentoring agreement with Bob is confirmed");
        // the turn goes on after that message (it plans the first check-in): time moves only once it is planned
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (db().getCollection("due_items").countDocuments(new Document("kind", "rhythm.checkin")) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        mark = teams.mark();
        assertThat(app.post("/api/dev/clock", "{\"advance\":\"P7D\"}").status()).isEqualTo(200);
        for (int i = 0; i < 30 && teams.callsTo("a:alice", mark, "Have you met").isEmpty(); i++) {
            assertThat(app.post("/api/dev/clock", "{\"advance\":\"PT4H\"}").status()).isEqualTo(200);
        }
        BotConnectorStub.Call nudge = teams.awaitTo("a:alice", mark, "Have you met **Bob** since");
        assertThat(nudge.action("Yes, we met").at("/data/tandem/action").asString()).isEqualTo("checkin.answer");
    }

    @Test
    @Order(5)
    void theSameActivityTwiceIsHandledOnce() throws Exception {
        int mark = teams.mark();
        ObjectNode help = teams.text("erin", "Erin", "help");
        post(help);
        post(help);
        teams.awaitTo("a:erin", mark, "Here is what you can do");
        Thread.sleep(500);
        assertThat(teams.sentTo("a:erin", mark)).hasSize(1);
    }

    @Test
    @Order(6)
    void throttlingIsRetriedAndAGoneConversationIsMarkedStale() throws Exception {
        teams.failNext("a:fred", 429, 502);
        int mark = teams.mark();
        post(teams.text("fred", "Fred", "help"));
        teams.awaitTo("a:fred", mark, "Here is what you can do");
        assertThat(teams.calls().subList(mark, teams.calls().size()).stream()
                .filter(c -> "a:fred".equals(c.conversation())).map(BotConnectorStub.Call::status))
                .containsExactly(429, 502, 200);

        teams.failNext("a:gina", 403);
        post(teams.text("gina", "Gina", "help"));
        MongoDatabase db = app.context().getBean(MongoDatabase.class);
        Document gina = null;
        for (int i = 0; i < 200 && (gina == null || !Boolean.TRUE.equals(gina.getBoolean("stale"))); i++) {
            Thread.sleep(20);
            gina = db.getCollection("teams_conversations").find(new Document("_id", "person|" + TENANT + "|aad-gina"))
                    .first();
        }
        assertThat(gina.getBoolean("stale")).isTrue();
    }

    @Test
    @Order(7)
    void malformedActivitiesAreRefusedBeforeAnythingHappens() {
        RunningApp.Reply noJson = app.post("/api/messages", "{\"type\":");
        assertThat(noJson.status()).isEqualTo(400);
        assertThat(noJson.json().at("/error").asString()).contains("malformed JSON");
        ObjectNode bad = teams.text("hank", "Hank", "help");
        bad.remove("serviceUrl");
        assertThat(app.post("/api/messages", bad.toString()).status()).isEqualTo(400);
        RunningApp.Reply forged = app.post("/api/messages", teams.text("hank", "Hank", "help").toString(),
                "Authorization", "Bearer not-a-token");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    @Order(8)
    void anAdminNoticeWaitsUntilTheTenantHasAnAdminChannel() {
        PlatformMessenger messenger = app.context().getBean("teamsMessenger", PlatformMessenger.class);
        messenger.send(Address.admin(new Scope("teams", "tenant-2")), Message.text(Rich.markup("A notice that *waited*")));
        int mark = teams.mark();
        ObjectNode here = teams.activity("carol", "Carol", "19:other@thread.tacv2", "channel");
        ((ObjectNode) here.get("conversation")).put("tenantId", "tenant-2");
        BotConnectorStub.mention(here, "admin here");
        post(here);
        teams.awaitTo("19:other@thread.tacv2", mark, "now the admin channel");
        teams.awaitTo("19:other@thread.tacv2", mark, "A notice that **waited**");
    }

    @Test
    @Order(9)
    void aMessageTeamsKeptRefusingGoesOutOnTheNextSweepOnce() {
        int mark = teams.mark();
        post(teams.text("ivan", "Ivan", "help"));
        teams.awaitTo("a:ivan", mark, "Here is what you can do");
        // more failures than tries: the answer is parked, not lost
        teams.failNext("a:ivan", 503, 503, 503, 503, 503, 503);
        mark = teams.mark();
        post(teams.text("ivan", "Ivan", "profile"));
        Document parked = awaitParked("person:aad-ivan");
        assertThat(parked.getString("reason")).isEqualTo("HTTP 503");
        assertThat(teams.calls().subList(mark, teams.calls().size())).filteredOn(c -> "a:ivan".equals(c.conversation()))
                .extracting(BotConnectorStub.Call::status).containsOnly(503).hasSize(6);

        TandemCore core = app.context().getBean(TandemCore.class);
        core.sweep();
        assertThat(teams.sentTo("a:ivan", mark)).as("not due yet: it waits a minute").isEmpty();
        // a minute and more later: the dev clock moves on and runs the next sweep, which sends it
        RunningApp.Reply moved = app.post("/api/dev/clock", "{\"advance\":\"PT2M\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(teams.sentTo("a:ivan", mark)).singleElement()
                .satisfies(c -> assertThat(c.text()).contains("**Your profile**"));
        core.sweep();
        assertThat(teams.sentTo("a:ivan", mark)).hasSize(1);
        assertThat(db().getCollection("teams_undelivered").countDocuments(new Document("to", "person:aad-ivan")))
                .isZero();
    }

    static Document awaitParked(String to) {
        for (int i = 0; i < 500; i++) {
            Document d = db().getCollection("teams_undelivered").find(new Document("to", to)).first();
            if (d != null) {
                return d;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError("nothing was parked for " + to);
    }

    static MongoDatabase db() {
        return app.db();
    }


    /**
     * What Teams would refuse a card for: version 1.5, known element types, Universal Actions ({@code Action.Execute}
     * with a verb) that carry our data, each with the same {@code Action.Submit} as its fallback for older clients.
     */
    static void assertWellFormed(JsonNode card) {
        assertThat(card.at("/type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.at("/version").asString()).isEqualTo("1.5");
        assertThat(card.at("/body").size()).isPositive();
        for (JsonNode b : card.at("/body")) {
            assertThat(b.at("/type").asString()).isIn("TextBlock", "FactSet", "ActionSet", "Input.Text",
                    "Input.Number", "Input.ChoiceSet");
            for (JsonNode a : b.at("/actions")) {
                assertThat(a.at("/type").asString()).isIn("Action.Execute", "Action.OpenUrl");
                assertThat(a.at("/title").asString()).isNotBlank();
                if (a.at("/type").asString().equals("Action.Execute")) {
                    assertThat(a.at("/verb").asString()).isNotBlank();
                    assertThat(a.at("/data/tandem").isObject()).as("our ids in the action's data").isTrue();
                    assertThat(a.at("/fallback/type").asString()).isEqualTo("Action.Submit");
                    assertThat(a.at("/fallback/data")).isEqualTo(a.at("/data"));
                }
            }
        }
    }

    private static void enrolMentor(String user, String name) {
        int mark = teams.mark();
        post(teams.text(user, name, "join"));
        BotConnectorStub.Call roles = teams.awaitTo("a:" + user, mark, "Would you like to be mentored");
        mark = teams.mark();
        post(teams.click(user, name, roles, roles.action("Mentor")));
        BotConnectorStub.Call form = teams.awaitTo("a:" + user, mark, "About you as a mentor");
        mark = teams.mark();
        post(teams.submit(user, name, "a:" + user, "personal", form.action("Next"), Forms.mentor()));
        BotConnectorStub.Call consent = teams.awaitTo("a:" + user, mark, "Do you agree?");
        mark = teams.mark();
        post(teams.click(user, name, consent, consent.action("I agree")));
        teams.awaitTo("a:" + user, mark, "You are enrolled");
    }

    static JsonNode input(JsonNode card, String id) {
        for (JsonNode b : card.at("/body")) {
            if (b.at("/id").asString().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no input " + id + " in " + card);
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
    }
}

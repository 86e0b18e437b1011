package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tandem in Teams as a new user meets it, over the real app and SDK, the Bot Connector a stub: installed in the
 * coordinators' channel, in a team and in a personal chat, each welcomed once although Teams tells each install
 * twice; answers to a mention in a channel's thread in that thread; the bot typing while an answer is prepared; the
 * member lookup asked once for many turns, and again once what it said is old; a workshop's day and time picked in
 * its card. Coordinators are configured by address, so that each of their turns needs the member lookup.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsFirstContactIT {

    static final String TENANT = BotConnectorStub.TENANT;
    static final String ADMIN = "19:admin@thread.tacv2";
    static final String GENERAL = "19:general@thread.tacv2";

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=carol@example.org,dave@example.org", "tandem.teams.admin-channel=" + ADMIN,
                // every answer in a personal chat shows the bot typing first, to see it in order
                "tandem.teams.typing-after=0s", "tandem.teams.member-cache=1h",
                "tandem.scheduler.enabled=false", "tandem.dev.clock-control=true");
        teams.member("29:carol", "aad-carol", "Carol", "carol@example.org");
        teams.member("29:dave", "aad-dave", "Dave", "dave@example.org");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    @Order(1)
    void addedToTheCoordinatorsChannelTandemSaysWhereToBeginOnce() {
        int mark = teams.mark();
        post(installed(teams.activity("carol", "Carol", ADMIN, "channel"), ADMIN));
        BotConnectorStub.Call welcome = teams.awaitTo(ADMIN, mark, "This is the coordinators' channel");
        assertThat(welcome.action("See the templates").at("/type").asString()).isEqualTo("Action.Execute");
        post(membersAdded(teams.activity("carol", "Carol", ADMIN, "channel"), ADMIN));

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
        assertThat(teams.callsTo(ADMIN, mark, "coordinators' channel")).as("one welcome for one install").hasSize(1);
    }

    @Test
    @Order(2)
    void addedToATeamTandemGreetsItsChannelOnceAndAgainAfterAReinstall() {
        int mark = teams.mark();
        post(membersAdded(teams.activity("erin", "Erin", GENERAL, "channel"), GENERAL));
        BotConnectorStub.Call welcome = teams.awaitTo(GENERAL, mark, "Hi everyone! I'm Tandem");
        assertThat(welcome.action("Find a mentor or a mentee").at("/data/tandem/action").asString())
                .isEqualTo("welcome.start");
        post(installed(teams.activity("erin", "Erin", GENERAL, "channel"), GENERAL));

        // Gus presses its button: Tandem writes to him in a personal chat, and tells him so by the card, to him alone
        int pressed = teams.mark();
        RunningApp.Reply answer = app.post("/api/messages", teams.invoke("gus", "Gus", welcome,
                welcome.action("Find a mentor or a mentee"), Map.of()).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/type").asString()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(answer.json().at("/value").asString()).isEqualTo("I've written to you in a private conversation.");
        BotConnectorStub.Call personal = teams.await(pressed, c -> c.text().contains("Welcome to Tandem, Gus!"));
        assertThat(personal.conversation()).startsWith("a:");
        assertThat(teams.calls().subList(pressed, teams.calls().size())).as("not in his personal chat, nor the team's")
                .noneMatch(c -> c.isSentActivity() && c.text().contains("written to you"));

        // once a later answer there is out, both install activities were handled
        ObjectNode help = teams.activity("erin", "Erin", GENERAL, "channel");
        BotConnectorStub.mention(help, "help");
        post(help);
        teams.awaitTo(GENERAL, mark, "Here is what you can do");
        assertThat(teams.callsTo(GENERAL, mark, "Hi everyone")).as("one welcome for one install").hasSize(1);

        ObjectNode removed = teams.activity("erin", "Erin", GENERAL, "channel");
        removed.put("type", "installationUpdate").put("action", "remove");
        team(removed, GENERAL);
        post(removed);
        awaitStale("conversation|" + TENANT + "|" + GENERAL);
        mark = teams.mark();
        post(installed(teams.activity("erin", "Erin", GENERAL, "channel"), GENERAL));
        teams.awaitTo(GENERAL, mark, "Hi everyone! I'm Tandem");
    }

    @Test
    @Order(3)
    void installedInAPersonalChatThePersonIsWelcomedOnceWithOneButtonToStart() {
        String chat = "a:dana";
        int mark = teams.mark();
        post(installed(teams.activity("dana", "Dana", chat, "personal"), null));
        BotConnectorStub.Call welcome = teams.awaitTo(chat, mark, "Welcome to Tandem, Dana!");
        post(membersAdded(teams.activity("dana", "Dana", chat, "personal"), null));
        post(teams.text("dana", "Dana", "help"));
        teams.awaitTo(chat, mark, "Here is what you can do");
        assertThat(teams.callsTo(chat, mark, "Welcome to Tandem")).as("one welcome for one install").hasSize(1);

        mark = teams.mark();
        post(teams.click("dana", "Dana", welcome, welcome.action("Find a mentor or a mentee").at("/fallback")));
        teams.awaitTo(chat, mark, "Would you like to be mentored");
    }

    @Test
    @Order(4)
    void aMentionInAChannelsThreadIsAnsweredInThatThread() {
        String thread = GENERAL + ";messageid=1700000000123";
        int mark = teams.mark();
        ObjectNode help = teams.activity("erin", "Erin", thread, "channel");
        BotConnectorStub.mention(help, "help");
        team(help, GENERAL);
        post(help);
        BotConnectorStub.Call answer = teams.awaitTo(thread, mark, "Here is what you can do");
        assertThat(answer.body().at("/conversation/id").asString()).isEqualTo(thread);
        assertThat(answer.body().at("/replyToId").asString()).isEqualTo(help.at("/id").asString());
        assertThat(teams.sentTo(GENERAL, mark)).as("nothing of it as a new post in the channel").isEmpty();
        // what Tandem sends there on its own still starts a conversation of its own in the channel
        Document stored = app.db().getCollection("teams_conversations")
                .find(new Document("_id", "conversation|" + TENANT + "|" + GENERAL)).first();
        assertThat(stored.getString("reference")).doesNotContain("messageid");
    }

    @Test
    @Order(5)
    void theBotIsTypingBeforeAnAnswerInAPersonalChatAndNeverAfterIt() {
        int mark = teams.mark();
        post(teams.text("fred", "Fred", "help"));
        BotConnectorStub.Call answer = teams.awaitTo("a:fred", mark, "Here is what you can do");
        RunningApp.pause(300);
        List<BotConnectorStub.Call> calls = teams.calls();
        int answered = calls.indexOf(answer);
        List<BotConnectorStub.Call> typing = calls.subList(mark, calls.size()).stream()
                .filter(c -> c.isTyping() && "a:fred".equals(c.conversation())).toList();
        assertThat(typing).as("typing shown").isNotEmpty();
        assertThat(typing).allSatisfy(t -> assertThat(calls.indexOf(t)).as("typing before the answer")
                .isLessThan(answered));
    }

    @Test
    @Order(6)
    void aCoordinatorsManyTurnsAskTheMemberLookupOnceUntilWhatItSaidIsOld() {
        int mark = teams.mark();
        for (String command : List.of("programs", "status", "programs")) {
            int before = teams.mark();
            ObjectNode mention = teams.activity("dave", "Dave", ADMIN, "channel");
            BotConnectorStub.mention(mention, command);
            post(mention);
            teams.await(before, c -> ADMIN.equals(c.conversation()));
        }
        assertThat(teams.memberLookups("29:dave", mark)).as("one lookup for three turns").hasSize(1);

        assertThat(app.post("/api/dev/clock", "{\"advance\":\"PT2H\"}").status()).isEqualTo(200);
        int before = teams.mark();
        ObjectNode mention = teams.activity("dave", "Dave", ADMIN, "channel");
        BotConnectorStub.mention(mention, "programs");
        post(mention);
        teams.awaitTo(ADMIN, before, "Leadership");
        assertThat(teams.memberLookups("29:dave", mark)).as("asked again two hours later").hasSize(2);
    }

    @Test
    @Order(7)
    void aWorkshopsDayAndTimeArePickedInItsCardAndReachTheCoreAsIsoValues() {
        int mark = teams.mark();
        ObjectNode ask = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(ask, "workshop Leadership");
        post(ask);
        BotConnectorStub.Call form = teams.awaitTo(ADMIN, mark, "Workshop for Leadership");
        assertThat(TeamsAdapterIT.input(form.card(), "date").at("/type").asString()).isEqualTo("Input.Date");
        assertThat(TeamsAdapterIT.input(form.card(), "time").at("/type").asString()).isEqualTo("Input.Time");

        // Teams submits a date input as yyyy-MM-dd and a time input as HH:mm; a day gone by shows the form again
        mark = teams.mark();
        post(teams.submit("carol", "Carol", ADMIN, "channel", form.action("Announce"), Map.of("title", "Kick-off",
                "date", "2020-01-06", "time", "09:30", "where", "Room 4")));
        BotConnectorStub.Call again = teams.awaitShown(ADMIN, mark, "This moment has passed");
        assertThat(TeamsAdapterIT.input(again.card(), "date").at("/value").asString()).isEqualTo("2020-01-06");
        assertThat(TeamsAdapterIT.input(again.card(), "time").at("/value").asString()).isEqualTo("09:30");

        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        mark = teams.mark();
        post(teams.submit("carol", "Carol", ADMIN, "channel", form.action("Announce"), Map.of("title", "Kick-off",
                "date", day.toString(), "time", "09:30", "where", "Room 4")));
        teams.awaitShown(ADMIN, mark, "**Kick-off** is announced");
        Document w = db().getCollection("workshops").find(new Document("title", "Kick-off")).first();
        assertThat(w.getDate("at").toInstant()).isEqualTo(day.atTime(9, 30)
                .atZone(ZoneId.of(w.getString("zone"))).toInstant());
    }

    // --- helpers: what Teams posts when the app is installed or the bot added ---

    /** The app installed where the activity is ({@code installationUpdate} {@code add}), in a team or not. */
    static ObjectNode installed(ObjectNode a, String teamId) {
        a.put("type", "installationUpdate").put("action", "add");
        if (teamId != null) {
            team(a, teamId);
        }
        return a;
    }

    /** The bot among the members added where the activity is ({@code conversationUpdate}). */
    static ObjectNode membersAdded(ObjectNode a, String teamId) {
        a.put("type", "conversationUpdate");
        a.putArray("membersAdded").addObject().put("id", "28:bot");
        if (teamId != null) {
            team(a, teamId).put("eventType", "teamMemberAdded");
        }
        return a;
    }

    static ObjectNode team(ObjectNode a, String teamId) {
        ObjectNode data = a.putObject("channelData");
        data.putObject("team").put("id", teamId);
        data.putObject("tenant").put("id", TENANT);
        return data;
    }

    static void awaitStale(String key) {
        for (int i = 0; i < 500; i++) {
            Document d = db().getCollection("teams_conversations").find(new Document("_id", key)).first();
            if (d != null && Boolean.TRUE.equals(d.getBoolean("stale"))) {
                return;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError(key + " was not marked stale");
    }

    static MongoDatabase db() {
        return app.db();
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
    }
}

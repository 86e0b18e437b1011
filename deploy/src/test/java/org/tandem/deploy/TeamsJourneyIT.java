package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole journey on Teams, every card answered in place: a coordinator's programme, a mentee's and a mentor's
 * intake, a matching round, the request, the introduction, "have you met", the click check, the agreement and a
 * check-in. Most clicks are Universal Actions ({@code adaptiveCard/action} invokes), answered with the card as it
 * now shows; some come from an old client's {@code Action.Submit}, whose card is then replaced (PUT). Every clicked
 * card ends with nothing left to act on, and a second click changes nothing and is answered with the outcome, not
 * with a new message. The real application and Bot Framework SDK over HTTP; only the Bot Connector is a stub.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsJourneyIT {

    static final String TENANT = BotConnectorStub.TENANT;
    static final String ADMIN = "19:admin@thread.tacv2";
    static final String CARD = "application/vnd.microsoft.card.adaptive";

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;
    /** Cards clicked through an old client's Action.Submit: each must end replaced by a PUT without live actions. */
    static final List<BotConnectorStub.Call> submitted = new ArrayList<>();

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=aad-carol", "tandem.teams.retry-delay=PT0.02S",
                "tandem.teams.retry-max-delay=PT0.1S", "tandem.scheduler.enabled=false",
                "tandem.dev.clock-control=true");
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
    void theCoordinatorsProgrammeFormTurnsIntoWhatItDid() {
        int mark = teams.mark();
        ObjectNode here = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(here, "admin here");
        app.activity(here);
        teams.awaitTo(ADMIN, mark, "now the admin channel");

        ObjectNode create = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(create, "program create");
        app.activity(create);
        BotConnectorStub.Call form = teams.awaitTo(ADMIN, mark, "New programme");
        assertThat(form.action("Cancel").at("/data/tandem/action").asString()).isEqualTo("form.cancel");
        mark = teams.mark();
        JsonNode shown = execute("carol", "Carol", form, "Save", Forms.program("Leadership"));
        assertSettled(shown, "Sent");
        teams.awaitTo(ADMIN, mark, "Programme **Leadership** created");
        // in a channel, the others there see the card change too
        assertThat(teams.updatesOf(form, mark)).singleElement()
                .satisfies(put -> assertSettled(put.card(), "Sent"));

        ObjectNode open = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(open, "program open Leadership");
        app.activity(open);
        teams.awaitTo(ADMIN, mark, "is open for enrolment");

        // a form can be cancelled: it turns into "Cancelled", and nothing is created
        mark = teams.mark();
        ObjectNode another = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(another, "program create");
        app.activity(another);
        BotConnectorStub.Call second = teams.awaitTo(ADMIN, mark, "New programme");
        assertSettled(execute("carol", "Carol", second, "Cancel", Map.of()), "Cancelled");
        assertThat(db().getCollection("programs").countDocuments()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aMenteeEnrolsThroughUniversalActions() {
        String chat = "a:alice";
        int mark = teams.mark();
        app.activity(teams.text("alice", "Alice", "join"));
        BotConnectorStub.Call roles = teams.awaitTo(chat, mark, "Would you like to be mentored");
        assertThat(roles.card().at("/refresh/userIds/0").asString()).as("her view refreshes by itself")
                .isEqualTo("29:alice");
        mark = teams.mark();
        assertSettled(execute("alice", "Alice", roles, "Mentee", Map.of()), "You chose: Mentee");
        BotConnectorStub.Call form = teams.awaitTo(chat, mark, "About you as a mentee");

        // a field the form never had is refused before anything happens
        int before = teams.mark();
        RunningApp.Reply forged = app.post("/api/messages", teams.invoke("alice", "Alice", form,
                form.action("Next"), Forms.with(Forms.mentee(), "admin", "yes")).toString());
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.json().at("/error").asString()).contains("no such field");
        RunningApp.pause(200);
        assertThat(teams.calls().subList(before, teams.calls().size())).isEmpty();

        // an answer to correct: the form comes back in the invoke's answer, with the error
        JsonNode again = execute("alice", "Alice", form, "Next", Forms.with(Forms.mentee(), "timeZone", "Mars/Base"));
        assertThat(again.toString()).contains("is not a time zone I know");
        assertThat(again.at("/refresh").isObject()).as("still to be acted on").isTrue();
        mark = teams.mark();
        assertSettled(execute("alice", "Alice", form, "Next", Forms.mentee()), "Sent");
        BotConnectorStub.Call consent = teams.awaitTo(chat, mark, "Do you agree?");

        // an old client: the Action.Submit fallback, answered by replacing the card
        mark = teams.mark();
        app.activity(teams.click("alice", "Alice", asked(consent), consent.action("I agree").at("/fallback")));
        teams.awaitTo(chat, mark, "You are enrolled in **Leadership** as: **Mentee**");
        submitted.add(consent);
    }

    @Test
    @Order(3)
    void aMentorEnrolsThroughAnOldClient() {
        String chat = "a:bob";
        int mark = teams.mark();
        app.activity(teams.text("bob", "Bob", "join"));
        BotConnectorStub.Call roles = teams.awaitTo(chat, mark, "Would you like to be mentored");
        mark = teams.mark();
        app.activity(teams.click("bob", "Bob", asked(roles), roles.action("Mentor").at("/fallback")));
        BotConnectorStub.Call form = teams.awaitTo(chat, mark, "About you as a mentor");
        submitted.add(roles);
        mark = teams.mark();
        asked(form);
        app.activity(teams.submit("bob", "Bob", chat, "personal", form.action("Next").at("/fallback"),
                Forms.mentor()));
        BotConnectorStub.Call consent = teams.awaitTo(chat, mark, "Do you agree?");
        submitted.add(form);
        mark = teams.mark();
        assertSettled(execute("bob", "Bob", consent, "I agree", Map.of()), "I agree");
        teams.awaitTo(chat, mark, "You are enrolled");
    }

    @Test
    @Order(4)
    void matchingRequestAndIntroduction() {
        int mark = teams.mark();
        ObjectNode match = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(match, "match");
        app.activity(match);
        BotConnectorStub.Call preview = teams.awaitTo(ADMIN, mark, "**Matching preview**");
        assertThat(preview.text()).contains("1 of 1 mentee matched", "→ Bob");
        mark = teams.mark();
        assertSettled(execute("carol", "Carol", preview, "Confirm", Map.of()), null);
        teams.awaitTo(ADMIN, mark, "1 mentee received their shortlist");

        BotConnectorStub.Call shortlist = teams.awaitTo("a:alice", mark, "**Your mentor shortlist**");
        mark = teams.mark();
        assertSettled(execute("alice", "Alice", shortlist, "Ask Bob", Map.of()), "You asked Bob");
        BotConnectorStub.Call request = teams.awaitTo("a:bob", mark, "would like you as their mentor");
        teams.awaitTo("a:alice", mark, "I have asked **Bob** to be your mentor");

        mark = teams.mark();
        JsonNode accepted = execute("bob", "Bob", request, "Accept", Map.of());
        assertSettled(accepted, "You accepted on");
        teams.awaitTo("a:alice", mark, "Meet your mentoring pair");
        teams.awaitTo("a:bob", mark, "Meet your mentoring pair");
        teams.awaitTo(ADMIN, mark, "have been introduced in **Leadership**");
        assertThat(pair().getString("status")).isEqualTo("introduced");

        // a second click (a stale client, a double tap) changes nothing and shows the outcome again
        Document before = pair();
        long questions = db().getCollection("questions").countDocuments();
        mark = teams.mark();
        JsonNode twice = execute("bob", "Bob", request, "Accept", Map.of());
        assertSettled(twice, "You accepted on");
        RunningApp.pause(300);
        assertThat(pair()).isEqualTo(before);
        assertThat(db().getCollection("questions").countDocuments()).isEqualTo(questions);
        assertThat(teams.sentTo("a:bob", mark)).as("no new message").isEmpty();
        assertThat(teams.sentTo("a:alice", mark)).isEmpty();

        // what Teams asks when Bob looks at the card again (its refresh): the card as it is now
        assertThat(invoke(teams.refresh("bob", "Bob", request)).toString()).contains("You accepted on")
                .doesNotContain("Action.Execute");
    }

    @Test
    @Order(5)
    void haveYouMetIsOneQuestionForBothAndTheClickCheckFollows() {
        int mark = 0;
        BotConnectorStub.Call aliceCopy = teams.awaitTo("a:alice", mark, "whether it clicked");
        BotConnectorStub.Call bobCopy = teams.awaitTo("a:bob", mark, "whether it clicked");
        mark = teams.mark();
        assertSettled(execute("alice", "Alice", aliceCopy, "We have met", Map.of()), "said you have met");
        teams.awaitTo("a:alice", mark, "asking each of you privately");
        // Bob's copy of the same question is replaced too
        assertThat(teams.updatesOf(bobCopy, mark)).isNotEmpty();
        assertSettled(teams.shownNow(bobCopy), "said you have met");

        BotConnectorStub.Call askAlice = teams.awaitTo("a:alice", mark, "Did it click?");
        BotConnectorStub.Call askBob = teams.awaitTo("a:bob", mark, "Did it click?");
        mark = teams.mark();
        assertSettled(execute("alice", "Alice", askAlice, "Yes", Map.of()), "You chose: Yes");
        teams.awaitTo("a:alice", mark, "Your answer stays between us");
        app.activity(teams.click("bob", "Bob", asked(askBob), askBob.action("Yes").at("/fallback")));
        submitted.add(askBob);
        teams.awaitTo("a:bob", mark, "it clicked for both of you");
        teams.awaitTo(ADMIN, mark, "A new pair is active in **Leadership**");
        assertThat(pair().getString("status")).isEqualTo("active");

        // Bob's old client clicks again: nothing changes, the card shows its outcome again (a PUT, no new message)
        Document before = pair();
        mark = teams.mark();
        app.activity(teams.click("bob", "Bob", askBob, askBob.action("Yes").at("/fallback")));
        long end = System.nanoTime() + 5_000_000_000L;
        while (teams.updatesOf(askBob, mark).isEmpty() && System.nanoTime() < end) {
            RunningApp.pause(20);
        }
        assertThat(teams.updatesOf(askBob, mark)).singleElement().satisfies(put -> assertSettled(put.card(), null));
        RunningApp.pause(300);
        assertThat(teams.sentTo("a:bob", mark)).as("no new message").isEmpty();
        assertThat(pair()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void theAgreementAndACheckIn() {
        BotConnectorStub.Call invite = teams.awaitTo("a:alice", 0, "draft 1 to 3 learning objectives");
        int mark = teams.mark();
        // the invitation stays open while the draft is written: its question is answered once the draft is sent
        assertThat(execute("alice", "Alice", invite, "Draft our agreement", Map.of()).toString())
                .contains("Action.Execute");
        BotConnectorStub.Call agreement = teams.awaitTo("a:alice", mark, "Our mentoring agreement");
        mark = teams.mark();
        assertSettled(execute("alice", "Alice", agreement, "Send to my mentor", Map.of("goal1",
                "Speak at the all-hands", "measure1", "I gave the talk", "cadence", "weekly", "format", "video",
                "contact", "A chat message", "confidential", List.of("yes"))), "Sent");
        assertSettled(teams.shownNow(invite), "Draft sent to Bob");
        BotConnectorStub.Call review = teams.awaitTo("a:bob", mark, "drafted your mentoring agreement");
        mark = teams.mark();
        app.activity(teams.click("bob", "Bob", asked(review), review.action("Confirm").at("/fallback")));
        submitted.add(review);
        teams.awaitTo("a:alice", mark, "Your mentoring agreement with Bob is confirmed");

        // weeks later, the check-in: the dev clock moves once the turn has planned it
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (db().getCollection("due_items").countDocuments(new Document("kind", "rhythm.checkin")) == 0
                && System.nanoTime() < deadline) {
            RunningApp.pause(20);
        }
        mark = teams.mark();
        assertThat(app.post("/api/dev/clock", "{\"advance\":\"P7D\"}").status()).isEqualTo(200);
        for (int i = 0; i < 30 && teams.callsTo("a:alice", mark, "Have you met").isEmpty(); i++) {
            assertThat(app.post("/api/dev/clock", "{\"advance\":\"PT4H\"}").status()).isEqualTo(200);
        }
        BotConnectorStub.Call nudge = teams.awaitTo("a:alice", mark, "Have you met **Bob** since");
        mark = teams.mark();
        // the check-in waits for the meeting's date: its card stays as it is, the form follows
        assertThat(execute("alice", "Alice", nudge, "Yes, we met", Map.of()).toString()).contains("Action.Execute");
        BotConnectorStub.Call meeting = teams.awaitTo("a:alice", mark, "Log a meeting");
        assertThat(meeting.action("Cancel").at("/data/tandem/action").asString()).isEqualTo("form.cancel");
        JsonNode picker = TeamsAdapterIT.input(meeting.card(), "date");
        assertThat(picker.at("/type").asString()).isEqualTo("Input.Date");
        String date = picker.at("/value").asString();
        String now = app.get("/api/dev/clock").json().at("/now").asString();
        assertThat(date).as("the day we met: today, unless she picks another")
                .isEqualTo(LocalDate.ofInstant(Instant.parse(now), ZoneId.of("Europe/Paris")).toString());
        mark = teams.mark();
        assertSettled(invoke(teams.invoke("alice", "Alice", asked(meeting), formAction(meeting),
                Map.of("date", date, "note", ""))), "Sent");
        teams.awaitTo("a:alice", mark, "Logged, thank you");
        assertThat(db().getCollection("meetings").countDocuments(new Document("date", date)))
                .as("the meeting on the day the card sent, yyyy-MM-dd").isEqualTo(1);
        // the check-in's card says who answered what (Bob's too, if his working hours let it go out yet)
        assertSettled(teams.shownNow(nudge), "Alice: Yes, we met");
        for (BotConnectorStub.Call bobs : teams.callsTo("a:bob", 0, "Have you met **Alice** since")) {
            assertSettled(teams.shownNow(bobs), "Alice: Yes, we met");
        }
    }

    @Test
    @Order(7)
    void everyCardClickedThroughAnOldClientWasReplacedWithoutLiveActions() {
        assertThat(submitted).hasSizeGreaterThanOrEqualTo(5);
        for (BotConnectorStub.Call card : submitted) {
            assertThat(teams.updatesOf(card, 0)).as("a PUT of %s", card.text()).isNotEmpty();
            assertSettled(teams.shownNow(card), null);
        }
    }

    /**
     * Waits until the core has recorded the question a card asks (the turn that sent it may still be running when
     * the card arrives: a person is never that quick, a test is).
     */
    static BotConnectorStub.Call asked(BotConnectorStub.Call card) {
        String id = card.card().at("/refresh/action/data/tandem/refresh").asString();
        assertThat(id).as("a card to act on names itself in its refresh").isNotBlank();
        Document ref = new Document("ref.id", new Document("$regex", Pattern.quote(id)));
        long end = System.nanoTime() + 10_000_000_000L;
        while (db().getCollection("questions").countDocuments(ref) == 0) {
            assertThat(System.nanoTime()).as("the question of %s is recorded", card.text()).isLessThan(end);
            RunningApp.pause(10);
        }
        return card;
    }

    /** A form's submit action (the one whose data names the form). */
    static JsonNode formAction(BotConnectorStub.Call card) {
        for (JsonNode b : card.card().at("/body")) {
            for (JsonNode a : b.at("/actions")) {
                if (a.at("/data/tandem/form").isString()) {
                    return a;
                }
            }
        }
        throw new AssertionError("no form in " + card.card());
    }

    /** Clicks an Action.Execute: the invoke's answer is the card as it now shows, which is returned. */
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
        assertThat(body.at("/type").asString()).as(r.body()).isEqualTo(CARD);
        assertThat(body.at("/value/type").asString()).isEqualTo("AdaptiveCard");
        return body.at("/value");
    }

    /** A card that shows an outcome: nothing left to click or fill in, no refresh, and the outcome's words. */
    static void assertSettled(JsonNode card, String outcome) {
        assertThat(card.at("/refresh").isMissingNode()).as("no refresh: %s", card).isTrue();
        for (JsonNode b : card.at("/body")) {
            assertThat(b.at("/type").asString()).as("%s", card).doesNotStartWith("Input.");
            for (JsonNode a : b.at("/actions")) {
                assertThat(a.at("/type").asString()).as("%s", card).isEqualTo("Action.OpenUrl");
            }
        }
        if (outcome != null) {
            assertThat(card.toString()).contains(outcome);
        }
    }

    static Document pair() {
        return db().getCollection("pairs").find(new Document("mentee",
                new PersonRef("teams", TENANT, "aad-alice").key())).first();
    }

    static MongoDatabase db() {
        return app.db();
    }
}

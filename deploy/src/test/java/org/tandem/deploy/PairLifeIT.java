package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A whole pair's life through the web chat API over HTTP, weeks passing with the dev clock: enrolment,
 * matching, introduction, the click check, the agreement, a check-in with a logged meeting and a reflection,
 * the midpoint, and the close.
 */
class PairLifeIT {

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
        WebchatApiIT.app = app;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void fromEnrolmentToTheClose() {
        WebchatApiIT.openProgramme(app, "Leadership");
        say("alice", "join");
        click("alice", "intake.role", "mentee");
        post("alice", "\"form\":{\"id\":\"intake.mentee\",\"values\":{\"topic1\":\"leadership\","
                + "\"hopes\":\"Lead my first team\",\"languages\":[\"en\",\"fr\"],\"timeZone\":\"Europe/Paris\","
                + "\"department\":\"Finance\",\"seniority\":\"junior\",\"format\":\"video\"}}");
        click("alice", "intake.consent", "yes");
        say("bob", "join");
        click("bob", "intake.role", "mentor");
        WebchatApiIT.enrolMentor(app, "bob", "en");

        admin("match");
        admin("match confirm Leadership");
        click("alice", "shortlist.choose", button("alice", "shortlist.choose"));
        click("bob", "request.accept", button("bob", "request.accept"));
        String group = lastConversation("alice", "group:");
        String pair = button("alice", "intro.met");
        post("alice", "\"conversation\":\"" + group + "\",\"action\":{\"id\":\"intro.met\",\"value\":\"" + pair + "\"}");
        click("alice", "click.answer", pair + ":0:yes");
        click("bob", "click.answer", pair + ":0:yes");
        assertThat(text("alice")).contains("it clicked for both of you");

        click("alice", "agreement.draft", pair);
        post("alice", "\"form\":{\"id\":\"agreement.form\",\"values\":{\"goal1\":\"Lead my first team\","
                + "\"measure1\":\"My team says so\",\"cadence\":\"biweekly\",\"format\":\"video\","
                + "\"contact\":\"Chat\",\"confidential\":[\"yes\"]}}");
        click("bob", "agreement.confirm", button("bob", "agreement.confirm"));
        assertThat(text("bob")).contains("Your mentoring agreement with Alice is confirmed");

        // a check-in arrives on the cadence, within Alice's working hours: move on until it does
        String now = advance("P14D");
        for (int i = 0; i < 24 && !text("alice").contains("Have you met"); i++) {
            now = advance("PT4H");
        }
        assertThat(text("alice")).contains("Have you met *Bob* since");
        click("alice", "checkin.answer", button("alice", "checkin.answer").replaceAll(":[a-z-]+$", ":met"));
        post("alice", "\"form\":{\"id\":\"checkin.met-form\",\"values\":{\"date\":\"" + now.substring(0, 10) + "\"}}");
        assertThat(text("alice")).contains("Logged, thank you");
        click("alice", "reflection.write", button("alice", "reflection.write"));
        post("alice", "\"form\":{\"id\":\"reflection.form\",\"values\":{\"takeaway\":\"Delegate more\","
                + "\"progress1\":\"2\"}}");
        say("alice", "journal");
        assertThat(text("alice")).contains("Delegate more");

        advance("P80D");
        for (int i = 0; i < 24 && !text("alice").contains("half-way"); i++) {
            advance("PT4H");
        }
        assertThat(text("alice")).contains("half-way through your mentoring with Bob");
        advance("P90D");
        for (int i = 0; i < 24 && !text("alice").contains("comes to its end"); i++) {
            advance("PT4H");
        }
        click("alice", "milestone.decide", button("alice", "milestone.decide").replace(":extend:", ":close:"));
        assertThat(text("alice")).contains("Your mentoring with Bob is complete");
        assertThat(text("coordinator")).contains("completed their mentoring in *Leadership*");
    }

    private static String advance(String period) {
        RunningApp.Reply r = app.post("/api/dev/clock", "{\"advance\":\"" + period + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/now").asString();
    }

    private static void say(String user, String text) {
        post(user, "\"text\":\"" + text + "\"");
    }

    private static void admin(String text) {
        post("coordinator", "\"conversation\":\"admin\",\"text\":\"" + text + "\"");
    }

    private static void click(String user, String id, String value) {
        post(user, "\"action\":{\"id\":\"" + id + "\",\"value\":\"" + value + "\"}");
    }

    private static void post(String user, String rest) {
        String name = Character.toUpperCase(user.charAt(0)) + user.substring(1);
        RunningApp.Reply r = app.post("/api/webchat/inbound", "{\"user\":\"" + user + "\",\"name\":\"" + name
                + "\"," + rest + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    /** The value of the latest button with this action id in what the person received. */
    private static String button(String user, String actionId) {
        List<JsonNode> all = WebchatApiIT.messages(user, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode b : all.get(i).at("/blocks")) {
                if (b.at("/type").asString().equals("buttons")) {
                    b.at("/buttons").forEach(x -> {
                        if (x.at("/id").asString().equals(actionId)) {
                            found.add(x);
                        }
                    });
                }
            }
            if (!found.isEmpty()) {
                return found.get(0).at("/value").asString();
            }
        }
        throw new AssertionError("no " + actionId + " button for " + user + " in " + all);
    }

    private static String lastConversation(String user, String prefix) {
        List<JsonNode> all = WebchatApiIT.messages(user, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            String c = all.get(i).at("/conversation").asString();
            if (c.startsWith(prefix)) {
                return c;
            }
        }
        throw new AssertionError("no " + prefix + " conversation for " + user);
    }

    private static String text(String user) {
        return WebchatApiIT.messages(user, 0).toString();
    }
}

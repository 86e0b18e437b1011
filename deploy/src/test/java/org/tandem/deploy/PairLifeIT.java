package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
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
    static WebchatClient chat;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
        WebchatApiIT.app = app;
        chat = new WebchatClient(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Two weeks at a time, answering each new check-in, until Alice was sent {@code text}. */
    private static void answerUntil(String text) {
        for (int i = 0; i < 16 && !chat.text("alice").contains(text); i++) {
            int before = chat.count("alice", "checkin.answer");
            chat.advance("P14D");
            if (chat.count("alice", "checkin.answer") > before) {
                chat.click("alice", "checkin.answer",
                        chat.button("alice", "checkin.answer").replaceAll(":[a-z-]+$", ":not-yet"));
            }
        }
        assertThat(chat.text("alice")).contains(text);
    }

    @Test
    void fromEnrolmentToTheClose() {
        // the agreement is made late in the evening, so every jump below lands outside working hours
        Instant start = Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
        int hour = start.atZone(ZoneOffset.UTC).getHour();
        chat.advance("PT" + ((22 - hour + 24) % 24 + 1) + "H");
        WebchatApiIT.openProgramme(app, "Leadership");
        chat.say("alice", "join");
        chat.click("alice", "intake.role", "mentee");
        chat.post("alice", "\"form\":{\"id\":\"intake.mentee\",\"values\":{\"topic1\":\"leadership\","
                + "\"hopes\":\"Lead my first team\",\"languages\":[\"en\",\"fr\"],\"timeZone\":\"Europe/Paris\","
                + "\"department\":\"Finance\",\"seniority\":\"junior\",\"format\":\"video\"}}");
        chat.click("alice", "intake.consent", "yes");
        chat.say("bob", "join");
        chat.click("bob", "intake.role", "mentor");
        WebchatApiIT.enrolMentor(app, "bob", "en");

        chat.admin("match");
        chat.admin("match confirm Leadership");
        chat.click("alice", "shortlist.choose", chat.button("alice", "shortlist.choose"));
        chat.click("bob", "request.accept", chat.button("bob", "request.accept"));
        String group = chat.lastConversation("alice", "group:");
        String pair = chat.button("alice", "intro.met");
        JsonNode met = chat.post("alice", "\"conversation\":\"" + group + "\",\"action\":{\"id\":\"intro.met\","
                + "\"value\":\"" + pair + "\"}");
        // the turn answers her in the group, then asks each of them privately: all there once the request returns,
        // each read in the order it was said (the outbox is read in the order of changes: a card answered in place
        // comes again after what was sent since, with its own seq)
        assertThat(met.at("/replies").size()).as(met.toString()).isEqualTo(1);
        long thanks = met.at("/replies/0").asLong();
        assertThat(chat.message("alice", thanks).at("/conversation").asString()).isEqualTo(group);
        assertThat(chat.message("bob", thanks).toString()).contains("asking each of you privately");
        for (String user : List.of("alice", "bob")) {
            assertThat(chat.withButton(user, "click.answer").at("/seq").asLong()).as(user).isGreaterThan(thanks);
            assertThat(chat.messages(user, 0)).extracting(m -> m.at("/rev").asLong()).isSorted()
                    .doesNotHaveDuplicates();
        }
        chat.click("alice", "click.answer", pair + ":0:yes");
        chat.click("bob", "click.answer", pair + ":0:yes");
        assertThat(chat.text("alice")).contains("it clicked for both of you");

        chat.click("alice", "agreement.draft", pair);
        chat.post("alice", "\"form\":{\"id\":\"agreement.form\",\"values\":{\"goal1\":\"Lead my first team\","
                + "\"measure1\":\"My team says so\",\"cadence\":\"biweekly\",\"format\":\"video\","
                + "\"contact\":\"Chat\",\"confidential\":[\"yes\"]}}");
        chat.click("bob", "agreement.confirm", chat.button("bob", "agreement.confirm"));
        assertThat(chat.text("bob")).contains("Your mentoring agreement with Alice is confirmed");

        // a check-in arrives on the cadence, within Alice's working hours, whatever hour the jump lands at
        String now = chat.advanceAndExpect("P17D", "alice", "Have you met");
        assertThat(chat.text("alice")).contains("Have you met *Bob* since");
        chat.click("alice", "checkin.answer",
                chat.button("alice", "checkin.answer").replaceAll(":[a-z-]+$", ":met"));
        chat.post("alice", "\"form\":{\"id\":\"checkin.met-form\",\"values\":{\"date\":\""
                + now.substring(0, 10) + "\"}}");
        assertThat(chat.text("alice")).contains("Logged, thank you");
        chat.click("alice", "reflection.write", chat.button("alice", "reflection.write"));
        chat.post("alice", "\"form\":{\"id\":\"reflection.form\",\"values\":{\"takeaway\":\"Delegate more\","
                + "\"progress1\":\"2\"}}");
        chat.say("alice", "journal");
        assertThat(chat.text("alice")).contains("Delegate more");

        // weeks pass; Alice answers "not yet" to each check-in (a pair that answers nothing is left in peace,
        // the midpoint included), until the midpoint review, then the close
        answerUntil("half-way");
        assertThat(chat.text("alice")).contains("half-way through your mentoring with Bob");
        answerUntil("comes to its end");
        chat.click("alice", "milestone.decide",
                chat.button("alice", "milestone.decide").replace(":extend:", ":close:"));
        assertThat(chat.text("alice")).contains("Your mentoring with Bob is complete");
        assertThat(chat.text("coordinator")).contains("completed their mentoring in *Leadership*");
    }
}

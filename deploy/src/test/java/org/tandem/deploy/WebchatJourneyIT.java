package org.tandem.deploy;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pair's journey through the web chat over HTTP as the page makes it, every click and submission saying which
 * message it came from: each message someone acted on ends updated in place (a higher {@code rev}, nothing left to
 * act on), and acting on it again changes nothing but shows it again.
 */
class WebchatJourneyIT {

    @TempDir
    static Path dir;

    static RunningApp app;
    static WebchatClient chat;

    /**
     * A message someone acted on during the journey: who, which, its revision just before, and what they did: a
     * click of {@code actionId} with {@code value}, or a submission of form {@code formId} with {@code value} as its
     * fields' JSON.
     */
    record Acted(String user, long seq, long rev, String actionId, String formId, String value) {
        @Override
        public String toString() {
            return user + "'s message " + seq + " (" + (formId == null ? actionId + " " + value : "form " + formId)
                    + ")";
        }
    }

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
        chat = new WebchatClient(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private final List<Acted> acted = new ArrayList<>();

    private JsonNode click(String user, JsonNode message, String actionId, String value) {
        acted.add(new Acted(user, message.at("/seq").asLong(), message.at("/rev").asLong(), actionId, null,
                value));
        return chat.clickOn(user, message, actionId, value);
    }

    private JsonNode click(String user, String actionId) {
        JsonNode m = chat.withButton(user, actionId);
        return click(user, m, actionId, value(m, actionId));
    }

    private JsonNode submit(String user, String formId, String values) {
        JsonNode m = chat.withForm(user, formId);
        acted.add(new Acted(user, m.at("/seq").asLong(), m.at("/rev").asLong(), null, formId, values));
        return chat.submitOn(user, m, formId, values);
    }

    private static String value(JsonNode message, String actionId) {
        for (JsonNode b : message.at("/blocks")) {
            for (JsonNode x : b.at("/buttons")) {
                if (x.at("/id").asString().equals(actionId)) {
                    return x.at("/value").asString();
                }
            }
        }
        throw new AssertionError("no " + actionId + " on " + message);
    }

    @Test
    void everyMessageActedOnEndsUpdatedAndASecondClickChangesNothing() {
        // the agreement is made late in the evening, so that the check-in's jump lands as PairLifeIT's does
        Instant start = Instant.parse(app.get("/api/dev/clock").json().at("/now").asString());
        chat.advance("PT" + ((22 - start.atZone(ZoneOffset.UTC).getHour() + 24) % 24 + 1) + "H");
        chat.admin("program create");
        submit("coordinator", "program.create", "{\"name\":\"Leadership\",\"topics\":\"leadership, public speaking\","
                + "\"cadence\":\"biweekly\",\"duration\":\"6\",\"matching\":\"mentee-chooses\",\"capacity\":\"2\","
                + "\"languages\":[\"en\",\"fr\"],\"workStart\":\"09:30\",\"workEnd\":\"17:00\","
                + "\"workDays\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]}");
        click("coordinator", "program.open");

        chat.say("alice", "join");
        click("alice", chat.withButton("alice", "intake.role"), "intake.role", "mentee");
        submit("alice", "intake.mentee", "{\"topic1\":\"leadership\",\"hopes\":\"Lead my first team\","
                + "\"languages\":[\"en\",\"fr\"],\"timeZone\":\"Europe/Paris\",\"department\":\"Finance\","
                + "\"seniority\":\"junior\",\"format\":\"video\"}");
        click("alice", chat.withButton("alice", "intake.consent"), "intake.consent", "yes");
        chat.say("bob", "join");
        click("bob", chat.withButton("bob", "intake.role"), "intake.role", "mentor");
        submit("bob", "intake.mentor", "{\"topics\":[\"leadership\"],\"seniority\":\"senior\",\"years\":\"12\","
                + "\"department\":\"Engineering\",\"languages\":[\"fr\"],\"timeZone\":\"Europe/Paris\","
                + "\"format\":\"video\",\"capacity\":\"2\"}");
        click("bob", chat.withButton("bob", "intake.consent"), "intake.consent", "yes");

        chat.admin("match Leadership");
        click("coordinator", "match.confirm");
        click("alice", "shortlist.choose");
        click("bob", "request.accept");
        // the page names the pair's group after its two people: the outbox says who is in it, to them only
        String group = chat.lastConversation("alice", "group:");
        for (String user : List.of("alice", "bob")) {
            List<String> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            JsonNode groups = app.get("/api/webchat/outbox?user=" + user + "&after=" + chat.last(user)).json()
                    .at("/groups/" + group);
            groups.at("/members").forEach(m -> members.add(m.asString()));
            groups.at("/names").forEach(m -> names.add(m.asString()));
            assertThat(members).as(user + "'s groups").containsExactlyInAnyOrder("alice", "bob");
            assertThat(names).as("as Tandem knows them").containsExactlyInAnyOrder("Alice", "Bob");
        }
        assertThat(app.get("/api/webchat/outbox?user=coordinator").json().at("/groups").size()).isZero();
        // each sees the other's profile privately, in the group where they asked, and the other never sees it
        long bobsLast = chat.last("bob");
        JsonNode shown = chat.clickOn("alice", chat.withButton("alice", "intro.profile"), "intro.profile");
        long seq = shown.at("/replies/0").asLong();
        JsonNode profile = chat.messages("alice", 0).stream().filter(m -> m.at("/seq").asLong() == seq).findFirst()
                .orElseThrow();
        assertThat(profile.at("/conversation").asString()).isEqualTo(group);
        assertThat(profile.at("/private").asBoolean()).isTrue();
        assertThat(profile.toString()).contains("Bob's profile");
        assertThat(chat.messages("bob", bobsLast).toString()).doesNotContain("Bob's profile");
        click("alice", "intro.met");
        String pair = value(chat.withButton("alice", "click.answer"), "click.answer").replaceAll(":[a-z]+$", "");
        click("alice", chat.withButton("alice", "click.answer"), "click.answer", pair + ":yes");
        click("bob", chat.withButton("bob", "click.answer"), "click.answer", pair + ":yes");
        assertThat(chat.text("alice")).contains("it clicked for both of you");

        click("alice", "agreement.draft");
        submit("alice", "agreement.form", "{\"goal1\":\"Lead my first team\",\"measure1\":\"My team says so\","
                + "\"cadence\":\"biweekly\",\"format\":\"video\",\"contact\":\"Chat\",\"confidential\":[\"yes\"]}");
        click("bob", "agreement.confirm");
        assertThat(chat.text("bob")).contains("Your mentoring agreement with Alice is confirmed");

        String now = chat.advanceAndExpect("P17D", "alice", "Have you met");
        JsonNode checkIn = chat.withButton("alice", "checkin.answer");
        click("alice", checkIn, "checkin.answer", value(checkIn, "checkin.answer").replaceAll(":[a-z-]+$", ":met"));
        submit("alice", "checkin.met-form", "{\"date\":\"" + now.substring(0, 10) + "\"}");
        assertThat(chat.text("alice")).contains("Logged, thank you");

        SoftAssertions soft = new SoftAssertions();
        for (Acted a : acted) {
            JsonNode m = chat.message(a.user(), a.seq());
            soft.assertThat(m.at("/rev").asLong()).as(a + ": updated in place").isGreaterThan(a.rev());
            soft.assertThat(WebchatClient.actionable(m)).as(a + ": nothing left to act on, in " + m).isFalse();
        }
        for (Acted a : acted) {
            long before = newest();
            Map<String, List<Document>> stored = stored();
            JsonNode m = chat.message(a.user(), a.seq());
            JsonNode answer = a.formId() != null ? chat.submitOn(a.user(), m, a.formId(), a.value())
                    : chat.clickOn(a.user(), m, a.actionId(), a.value());
            soft.assertThat(answer.at("/replies").size()).as(a + ": acted on again, no new message: " + answer)
                    .isZero();
            soft.assertThat(answer.at("/updated").toString()).as(a + ": acted on again, shown again")
                    .isEqualTo("[" + a.seq() + "]");
            soft.assertThat(newest()).as(a + ": acted on again, nobody was sent anything").isEqualTo(before);
            soft.assertThat(stored()).as(a + ": acted on again, nothing stored changed").isEqualTo(stored);
            JsonNode after = chat.message(a.user(), a.seq());
            soft.assertThat(after.at("/blocks")).as(a + ": acted on again, still shows its outcome")
                    .isEqualTo(m.at("/blocks"));
        }
        soft.assertAll();
    }

    /**
     * What the core stored, collection by collection: all but the web chat's own (a message shown again is
     * rewritten with a higher {@code rev}) and the journals that every event adds to whatever it does (the ids of the
     * events handled, the audit's line, when a person was last seen).
     */
    private static Map<String, List<Document>> stored() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : app.db().listCollectionNames()) {
            if (name.startsWith("webchat_") || List.of("processed_events", "audit").contains(name)) {
                continue;
            }
            List<Document> docs = app.db().getCollection(name).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            docs.forEach(d -> d.remove("lastSeen"));
            all.put(name, docs);
        }
        return all;
    }

    /** The highest {@code seq} anyone of the journey can read: what a new message would raise. */
    private static long newest() {
        long max = 0;
        for (String user : List.of("alice", "bob", "coordinator")) {
            for (JsonNode m : chat.messages(user, 0)) {
                max = Math.max(max, m.at("/seq").asLong());
            }
        }
        return max;
    }

    @Test
    void aFormShownAgainWithItsErrorsReplacesItselfAndOnceTakenCannotBeTakenAgain() {
        chat.admin("program create");
        JsonNode form = chat.withForm("coordinator", "program.create");
        long seq = form.at("/seq").asLong();
        String values = "{\"name\":\"Spring\",\"topics\":\"leadership, mentoring\",\"cadence\":\"biweekly\","
                + "\"duration\":\"6\",\"matching\":\"mentee-chooses\",\"capacity\":\"2\",\"languages\":[\"en\"],"
                + "\"workStart\":\"09:30\",\"workEnd\":\"17:00\","
                + "\"workDays\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]}";

        JsonNode wrong = chat.submitOn("coordinator", form, "program.create", values.replace("\"Spring\"", "\"\""));
        assertThat(wrong.at("/replies").size()).as("no second form: " + wrong).isZero();
        assertThat(wrong.at("/updated").toString()).isEqualTo("[" + seq + "]");
        JsonNode again = chat.message("coordinator", seq);
        assertThat(again.at("/rev").asLong()).isGreaterThan(form.at("/rev").asLong());
        assertThat(again.toString()).contains("\"type\":\"form\"", "\"error\"");
        assertThat(liveForms("coordinator", "program.create")).as("one live form").isEqualTo(1);

        JsonNode taken = chat.submitOn("coordinator", again, "program.create", values);
        assertThat(taken.at("/updated").toString()).isEqualTo("[" + seq + "]");
        JsonNode sent = chat.message("coordinator", seq);
        assertThat(WebchatClient.actionable(sent)).as(sent.toString()).isFalse();
        assertThat(sent.toString()).contains("✓ Sent.");
        assertThat(programmes("Spring")).isEqualTo(1);

        // the old form, submitted again (a second Save, a page that did not refresh): nothing is created
        long before = chat.last("coordinator");
        JsonNode twice = chat.submitOn("coordinator", again, "program.create", values);
        assertThat(twice.at("/replies").size()).as(twice.toString()).isZero();
        assertThat(twice.at("/updated").toString()).isEqualTo("[" + seq + "]");
        assertThat(programmes("Spring")).as("no second draft programme").isEqualTo(1);
        assertThat(chat.messages("coordinator", before)).extracting(m -> m.at("/seq").asLong()).containsOnly(seq);
    }

    @Test
    void aFormCanBeCancelledAndACancelledFormTakesNothing() {
        chat.admin("program create");
        JsonNode form = chat.withForm("coordinator", "program.create");
        long seq = form.at("/seq").asLong();
        JsonNode cancelButton = form.at("/blocks").get(form.at("/blocks").size() - 1).at("/cancel");
        assertThat(cancelButton.at("/id").asString()).isEqualTo("form.cancel");
        assertThat(cancelButton.at("/label").asString()).isEqualTo("Cancel");

        JsonNode cancelled = chat.clickOn("coordinator", form, "form.cancel", "program.create");
        assertThat(cancelled.at("/replies").size()).as(cancelled.toString()).isZero();
        // (any other copy of the same form that this person left open is cancelled with it)
        assertThat(cancelled.at("/updated")).extracting(JsonNode::asLong).contains(seq);
        JsonNode shown = chat.message("coordinator", seq);
        assertThat(WebchatClient.actionable(shown)).isFalse();
        assertThat(shown.toString()).contains("Cancelled.");

        chat.submitOn("coordinator", form, "program.create", "{\"name\":\"Autumn\",\"topics\":\"leadership, x\","
                + "\"cadence\":\"biweekly\",\"duration\":\"6\",\"matching\":\"mentee-chooses\",\"capacity\":\"2\","
                + "\"languages\":[\"en\"],\"workStart\":\"09:30\",\"workEnd\":\"17:00\","
                + "\"workDays\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]}");
        assertThat(programmes("Autumn")).isZero();
    }

    private static long programmes(String name) {
        return app.db().getCollection("programs").countDocuments(eq("name", name));
    }

    private static int liveForms(String user, String formId) {
        int n = 0;
        for (JsonNode m : chat.messages(user, 0)) {
            for (JsonNode b : m.at("/blocks")) {
                n += b.at("/type").asString().equals("form") && b.at("/id").asString().equals(formId) ? 1 : 0;
            }
        }
        return n;
    }
}

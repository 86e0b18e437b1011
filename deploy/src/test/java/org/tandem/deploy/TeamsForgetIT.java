package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.node.ObjectNode;

/**
 * After forget-me on Teams, no copy the Teams adapter keeps carries the person: not her chat's reference or
 * contact, not what was parked for her, not what was parked for others naming or quoting her, not the stored files
 * (her my-data, the coordinators' export listing her). Distinctive strings are planted over real HTTP, then every
 * Teams collection and every stored file is scanned; what concerns only others stays.
 */
class TeamsForgetIT {

    static final String ADMIN = "19:admin@thread.tacv2";
    static final String ZELDA = "Zelda Quennell-Marsh";
    /** What must be nowhere afterwards: her name, her words, her ids, as typed and in any case. */
    static final List<String> NEEDLES = List.of("Quennell", "Hebrides", "Vorlauf", "aad-zelda", "29:zelda",
            "zelda@example.org");

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=aad-carol", "tandem.teams.files.base-url=https://tandem.example.com",
                "tandem.teams.retry-attempts=2", "tandem.teams.retry-delay=PT0.01S",
                "tandem.teams.retry-max-delay=PT0.05S", "tandem.scheduler.enabled=false");
        teams.member("29:zelda", "aad-zelda", ZELDA, "zelda@example.org");
        teams.member("29:bob", "aad-bob", "Bob", "bob@example.org");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    void afterForgetMeNoTeamsCollectionOrStoredFileCarriesHerAndOthersKeepTheirs() {
        adminChannelWithAProgramme();
        Map<String, Object> hopes = Forms.with(Forms.with(Forms.mentee(), "hopes",
                "Sail the Hebrides with my crew *at dawn*"), "department", "Vorlauf Logistics");
        teams.enrol(app, "zelda", ZELDA, "Mentee", "About you as a mentee", hopes);
        teams.enrol(app, "bob", "Bob", "Mentor", "About you as a mentor", Forms.mentor());
        // she speaks in a channel too: its reference must not keep her account
        int mark = teams.mark();
        ObjectNode inChannel = teams.activity("zelda", ZELDA, "19:lounge@thread.tacv2", "channel");
        BotConnectorStub.mention(inChannel, "help");
        post(inChannel);
        teams.await(mark, c -> "19:lounge@thread.tacv2".equals(c.conversation()) || "a:zelda".equals(c.conversation()));

        // the coordinators' export lists her; her own data is a file too
        mark = teams.mark();
        ObjectNode export = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(export, "export");
        post(export);
        teams.awaitTo(ADMIN, mark, "Export of");
        post(teams.text("zelda", ZELDA, "my-data"));
        teams.awaitTo("a:zelda", mark, "everything I store about you");
        assertThat(db().getCollection("teams_files").countDocuments()).isEqualTo(2);

        // matched, she asks Bob; Teams keeps refusing Bob's chat: the request quoting her hopes is parked for him
        mark = teams.mark();
        ObjectNode match = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(match, "match");
        post(match);
        BotConnectorStub.Call preview = teams.awaitTo(ADMIN, mark, "**Matching preview**");
        post(teams.click("carol", "Carol", preview, preview.action("Confirm")));
        BotConnectorStub.Call shortlist = teams.awaitTo("a:zelda", mark, "**Your mentor shortlist**");
        teams.failNext("a:bob", 503, 503, 503, 503);
        post(teams.click("zelda", ZELDA, shortlist, shortlist.action("Ask Bob")));
        awaitParked("person:aad-bob", 1);
        // and an answer of Bob's own that has nothing to do with her, parked too: it must stay
        teams.failNext("a:bob", 503, 503);
        post(teams.text("bob", "Bob", "help"));
        awaitParked("person:aad-bob", 2);
        // one for her, parked
        teams.failNext("a:zelda", 503, 503);
        post(teams.text("zelda", ZELDA, "profile"));
        awaitParked("person:aad-zelda", 1);
        assertThat(scan()).as("planted").isNotEmpty();

        mark = teams.mark();
        post(teams.text("zelda", ZELDA, "forget-me"));
        BotConnectorStub.Call confirm = teams.awaitTo("a:zelda", mark, "Erase your personal data?");
        post(teams.click("zelda", ZELDA, confirm, confirm.action("Erase my data")));
        teams.awaitTo("a:zelda", mark, "your personal data is erased");
        awaitGone();

        assertThat(scan()).as("every Teams collection and stored file, after forget-me").isEmpty();
        List<Document> bobs = db().getCollection("teams_undelivered").find(new Document("to", "person:aad-bob"))
                .into(new ArrayList<>());
        assertThat(bobs).as("Bob's own parked answer stays").singleElement()
                .satisfies(d -> assertThat(d.getString("activity")).contains("Here is what you can do"));
        assertThat(db().getCollection("teams_files").countDocuments()).as("both files named her").isZero();
        assertThat(db().getCollection("teams_conversations").countDocuments(
                new Document("conversationId", "19:lounge@thread.tacv2"))).as("the channel is still reachable")
                .isEqualTo(1);
    }

    /** Every place the Teams adapter keeps something, read as text, where a needle still is. */
    private static List<String> scan() {
        List<String> found = new ArrayList<>();
        for (String name : db().listCollectionNames()) {
            if (!name.startsWith("teams_")) {
                continue;
            }
            for (Document d : db().getCollection(name).find()) {
                StringBuilder text = new StringBuilder(d.toJson());
                d.values().stream().filter(Binary.class::isInstance)
                        .forEach(b -> text.append(new String(((Binary) b).getData(), StandardCharsets.UTF_8)));
                String lower = text.toString().toLowerCase(Locale.ROOT);
                NEEDLES.stream().filter(n -> lower.contains(n.toLowerCase(Locale.ROOT)))
                        .forEach(n -> found.add(name + " " + d.get("_id") + ": " + n));
            }
        }
        return found;
    }

    private static void adminChannelWithAProgramme() {
        int mark = teams.mark();
        ObjectNode here = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(here, "admin here");
        post(here);
        teams.awaitTo(ADMIN, mark, "now the admin channel");
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


    private static void awaitParked(String to, int count) {
        for (int i = 0; i < 500; i++) {
            if (db().getCollection("teams_undelivered").countDocuments(new Document("to", to)) >= count) {
                return;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError(count + " message(s) were not parked for " + to);
    }

    /** The adapter forgets last, after the farewell: wait for its work, not only the core's. */
    private static void awaitGone() {
        for (int i = 0; i < 500; i++) {
            if (db().getCollection("teams_conversations").countDocuments(new Document("_id",
                    "person|" + BotConnectorStub.TENANT + "|aad-zelda")) == 0
                    && db().getCollection("teams_files").countDocuments() == 0) {
                break;
            }
            RunningApp.pause(20);
        }
        RunningApp.pause(300);
    }

    static MongoDatabase db() {
        return app.db();
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
    }

}

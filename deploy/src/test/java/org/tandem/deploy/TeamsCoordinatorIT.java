package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * In the Teams admin channel, the cards posted for a coordinator work for configured coordinators only: someone
 * else in the channel who clicks their buttons or submits their forms is refused, nothing is created, and the
 * refusal is in the audit log. The real app and SDK over HTTP, the Bot Connector a stub, MongoDB checked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsCoordinatorIT {

    static final String ADMIN = "19:admin@thread.tacv2";
    static final String TENANT = BotConnectorStub.TENANT;

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true",
                "tandem.teams.coordinators=aad-carol", "tandem.scheduler.enabled=false");
        int mark = teams.mark();
        ObjectNode here = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(here, "admin here");
        post(here);
        teams.awaitTo(ADMIN, mark, "now the admin channel");
        BotConnectorStub.Call form = createForm();
        post(teams.submit("carol", "Carol", ADMIN, "channel", form.action("Save"), Forms.program("Leadership")));
        teams.awaitTo(ADMIN, mark, "Programme **Leadership** created");
        ObjectNode open = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(open, "program open Leadership");
        post(open);
        teams.awaitTo(ADMIN, mark, "is open for enrolment");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    @Order(1)
    void theProgrammeFormSubmittedByANonCoordinatorCreatesNothingAndIsAudited() {
        int mark = teams.mark();
        BotConnectorStub.Call form = createForm();
        JsonNode save = form.action("Save");
        String formId = save.at("/data/tandem/form").asString();

        post(teams.submit("mallory", "Mallory", ADMIN, "channel", save, Forms.program("Mallory's own")));
        RunningApp.pause(1000);
        assertThat(db().getCollection("programs").countDocuments(new Document("name", "Mallory's own")))
                .as("no programme for a non-coordinator").isZero();
        awaitRefusal("aad-mallory", formId);

        post(teams.submit("carol", "Carol", ADMIN, "channel", save, Forms.program("Mentoring for managers")));
        teams.awaitTo(ADMIN, mark, "Programme **Mentoring for managers** created");
    }

    @Test
    @Order(2)
    void theMatchingRoundConfirmedByANonCoordinatorSendsNoShortlistAndIsAudited() {
        teams.enrol(app, "alice", "Alice", "Mentee", "About you as a mentee", Forms.mentee());
        teams.enrol(app, "bob", "Bob", "Mentor", "About you as a mentor", Forms.mentor());

        int mark = teams.mark();
        ObjectNode match = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(match, "match Leadership");
        post(match);
        BotConnectorStub.Call preview = teams.awaitTo(ADMIN, mark, "**Matching preview**");
        JsonNode confirm = preview.action("Confirm");
        String actionId = confirm.at("/data/tandem/action").asString();

        post(teams.click("mallory", "Mallory", preview, confirm));
        awaitRefusal("aad-mallory", actionId);
        RunningApp.pause(300);
        assertThat(db().getCollection("shortlists").countDocuments()).as("no shortlist went out").isZero();
        assertThat(teams.callsTo("a:alice", mark, "shortlist")).isEmpty();

        post(teams.click("carol", "Carol", preview, confirm));
        teams.awaitTo(ADMIN, mark, "1 mentee received their shortlist");
        teams.awaitTo("a:alice", mark, "**Your mentor shortlist**");
    }

    /** A coordinator asks for the programme form in the admin channel. */
    private static BotConnectorStub.Call createForm() {
        int mark = teams.mark();
        ObjectNode create = teams.activity("carol", "Carol", ADMIN, "channel");
        BotConnectorStub.mention(create, "program create");
        post(create);
        return teams.awaitTo(ADMIN, mark, "New programme");
    }

    /** The audit log keeps the refusal: who, and which form or button. */
    private static void awaitRefusal(String user, String id) {
        String actor = new PersonRef("teams", TENANT, user).key();
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            entries = db().getCollection("audit").find(new Document("actor", actor)).into(new ArrayList<>());
            if (entries.stream().anyMatch(e -> e.getString("action").startsWith("refused")
                    && String.valueOf(e.getString("subject")).contains(id))) {
                break;
            }
            RunningApp.pause(20);
        }
        assertThat(entries).as("the audit log of %s", actor)
                .anySatisfy(e -> {
                    assertThat(e.getString("action")).startsWith("refused");
                    assertThat(e.getString("subject")).contains(id);
                })
                .as("nothing of %s was taken as a coordinator's", actor)
                .noneSatisfy(e -> assertThat(e.getString("action")).isIn("click", "submit"));
    }


    static MongoDatabase db() {
        return app.db();
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
    }

}

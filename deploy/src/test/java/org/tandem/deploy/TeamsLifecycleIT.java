package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Scope;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Teams tenant that removes the bot gets the lifecycle Slack workspaces have: removed from every conversation of
 * the tenant (an uninstall in a team or a personal chat, the bot among the members removed) its people's data is
 * erased after the retention period, unless a sign of life comes first; and before erasing, Teams is asked once
 * more whether the bot is still anywhere. The real app and SDK over HTTP, the Bot Connector a stub, the dev clock.
 */
class TeamsLifecycleIT {

    @TempDir
    static Path dir;

    static BotConnectorStub teams;
    static RunningApp app;

    @BeforeAll
    static void start() {
        teams = new BotConnectorStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.teams.enabled=true", "tandem.scheduler.enabled=false",
                "tandem.dev.clock-control=true", "tandem.retention.closed-programmes=P2D");
    }

    @AfterAll
    static void stop() {
        app.close();
        teams.close();
    }

    @Test
    void uninstalledFromTheTeamAndThenFromTheLastPersonalChatTheTenantIsGoneUntilItShowsLife() {
        String tenant = "t-install";
        ObjectNode added = in(tenant, teams.activity("carol", "Carol", "19:general@thread.tacv2", "channel"));
        added.put("type", "conversationUpdate");
        added.putArray("membersAdded").addObject().put("id", "28:bot");
        team(added, "19:general@thread.tacv2");
        post(added);
        ObjectNode other = in(tenant, teams.activity("carol", "Carol", "19:other@thread.tacv2", "channel"));
        BotConnectorStub.mention(other, "help");
        team(other, "19:general@thread.tacv2");
        post(other);
        helpFrom(tenant, "dora");
        awaitStored(tenant, 3);

        ObjectNode fromTeam = in(tenant, teams.activity("carol", "Carol", "19:general@thread.tacv2", "channel"));
        installation(fromTeam, "remove");
        team(fromTeam, "19:general@thread.tacv2");
        post(fromTeam);
        awaitStale(tenant, "conversation|" + tenant + "|19:other@thread.tacv2");
        assertThat(core().workspacePurgePlanned(scope(tenant))).as("Dora still has Tandem in her personal chat")
                .isFalse();

        ObjectNode personal = in(tenant, teams.activity("dora", "Dora", "a:dora", "personal"));
        installation(personal, "remove");
        post(personal);
        awaitPlanned(tenant, true);

        helpFrom(tenant, "erin");
        awaitPlanned(tenant, false);
        assertThat(db().getCollection("teams_conversations").countDocuments(new Document("_id", "tenant|" + tenant)))
                .isZero();
    }

    @Test
    void theBotRemovedFromTheOnlyGroupChatIsGoneAndAnInstallBringsItBack() {
        String tenant = "t-chat";
        ObjectNode added = in(tenant, teams.activity("fay", "Fay", "19:chat@unq.gbl.spaces", "groupChat"));
        added.put("type", "conversationUpdate");
        added.putArray("membersAdded").addObject().put("id", "28:bot");
        post(added);
        awaitStored(tenant, 1);

        ObjectNode someoneElse = in(tenant, teams.activity("fay", "Fay", "19:chat@unq.gbl.spaces", "groupChat"));
        someoneElse.put("type", "conversationUpdate");
        someoneElse.putArray("membersRemoved").addObject().put("id", "29:gil");
        post(someoneElse);
        RunningApp.pause(300);
        assertThat(core().workspacePurgePlanned(scope(tenant))).as("another member left, not the bot").isFalse();

        ObjectNode removed = in(tenant, teams.activity("fay", "Fay", "19:chat@unq.gbl.spaces", "groupChat"));
        removed.put("type", "conversationUpdate");
        removed.putArray("membersRemoved").addObject().put("id", "28:bot");
        post(removed);
        awaitPlanned(tenant, true);

        ObjectNode install = in(tenant, teams.activity("fay", "Fay", "a:fay", "personal"));
        installation(install, "add");
        post(install);
        awaitPlanned(tenant, false);
    }

    @Test
    void beforeTheErasureTeamsIsAskedAgainAndOnlyARemovedTenantIsErased() {
        for (String t : new String[] {"t-gone", "t-live", "t-unwell"}) {
            helpFrom(t, "hal-" + t);
            awaitStored(t, 1);
            // the core records Hal as it answers his "help", after the adapter stored his chat: wait for both
            SlackLifecycleIT.eventually("Hal of " + t + " is known to the core", () -> people(t) == 1);
            ObjectNode removed = in(t, teams.activity("hal-" + t, "Hal", "a:hal-" + t, "personal"));
            installation(removed, "remove");
            post(removed);
            awaitPlanned(t, true);
            assertThat(people(t)).isEqualTo(1);
        }
        teams.removeBot("a:hal-t-gone");
        // t-live: Teams still lists the bot in its chat (it was added back, and nobody wrote since)
        teams.failNext("a:hal-t-unwell", 500, 500);
        PlatformMessenger messenger = app.context().getBean("teamsMessenger", PlatformMessenger.class);
        assertThat(messenger.presence(scope("t-gone"))).isEqualTo(Messenger.Presence.REMOVED);
        assertThat(messenger.presence(scope("t-live"))).isEqualTo(Messenger.Presence.INSTALLED);
        assertThat(messenger.presence(scope("t-unwell"))).isEqualTo(Messenger.Presence.UNKNOWN);

        teams.failNext("a:hal-t-unwell", 500, 500, 500, 500);
        RunningApp.Reply moved = app.post("/api/dev/clock", "{\"advance\":\"P3D\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(people("t-gone")).as("removed for the retention period: erased").isZero();
        assertThat(people("t-live")).as("still installed: kept").isEqualTo(1);
        assertThat(core().workspacePurgePlanned(scope("t-live"))).isFalse();
        assertThat(people("t-unwell")).as("Teams could not say: kept, asked again tomorrow").isEqualTo(1);
        assertThat(core().workspacePurgePlanned(scope("t-unwell"))).isTrue();
    }

    private static void helpFrom(String tenant, String user) {
        post(in(tenant, teams.text(user, user, "help")));
    }

    private static ObjectNode in(String tenant, ObjectNode activity) {
        ((ObjectNode) activity.get("conversation")).put("tenantId", tenant);
        return activity;
    }

    private static void team(ObjectNode activity, String teamId) {
        activity.putObject("channelData").putObject("team").put("id", teamId);
    }

    private static void installation(ObjectNode activity, String action) {
        activity.put("type", "installationUpdate");
        activity.put("action", action);
    }

    private static long people(String tenant) {
        return db().getCollection("people").countDocuments(new Document("tenant", tenant));
    }

    private static void awaitStored(String tenant, int references) {
        for (int i = 0; i < 500; i++) {
            if (db().getCollection("teams_conversations").countDocuments(new Document("tenant", tenant)
                    .append("kind", new Document("$in", List.of("person", "conversation")))) >= references) {
                return;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError("the references of " + tenant + " were not stored");
    }

    private static void awaitStale(String tenant, String key) {
        for (int i = 0; i < 500; i++) {
            Document d = db().getCollection("teams_conversations").find(new Document("_id", key)).first();
            if (d != null && Boolean.TRUE.equals(d.getBoolean("stale"))) {
                return;
            }
            RunningApp.pause(20);
        }
        throw new AssertionError(key + " was not marked stale");
    }

    private static void awaitPlanned(String tenant, boolean planned) {
        for (int i = 0; i < 500 && core().workspacePurgePlanned(scope(tenant)) != planned; i++) {
            RunningApp.pause(20);
        }
        assertThat(core().workspacePurgePlanned(scope(tenant))).as("erasure of %s planned", tenant)
                .isEqualTo(planned);
    }

    private static Scope scope(String tenant) {
        return new Scope("teams", tenant);
    }

    static TandemCore core() {
        return app.context().getBean(TandemCore.class);
    }

    static MongoDatabase db() {
        return app.db();
    }

    static void post(ObjectNode activity) {
        app.activity(activity);
    }

}

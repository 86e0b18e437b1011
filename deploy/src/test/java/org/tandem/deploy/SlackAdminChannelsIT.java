package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Forms;
import tools.jackson.databind.JsonNode;

/**
 * Every Slack workspace has its own admin channel, chosen with {@code admin here} in a private channel Tandem is in;
 * what the core says to a workspace's coordinators goes there (kept until there is one), and
 * {@code tandem.slack.coordinators} narrows who acts as a coordinator in it. Real app over HTTP, Slack stubbed.
 */
class SlackAdminChannelsIT {

    @TempDir
    Path dir;

    @Test
    void twoOauthWorkspacesEachChooseTheirOwnAdminChannel() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), SlackOAuthIT.oauth(slack, SlackOAuthIT.KEY_A))) {
            SlackRequests req = new SlackRequests(app.base(), SlackOAuthIT.SECRET, slack.hooks());
            SlackOAuthIT.install(req, slack, "T2");
            SlackOAuthIT.install(req, slack, "T3");
            slack.channel("CPUB2", false, true, false, "UCAROL");
            slack.channel("CSHARED2", true, true, true, "UCAROL");
            slack.channel("CADM2", true, true, false, "UCAROL");
            slack.channel("CEVE2", true, true, false, "UEVE");
            slack.channel("CADM3", true, true, false, "UDAN");

            // before any admin here, what is for T2's coordinators is kept, not sent nor lost
            int mark = slack.size();
            messenger(app).send(Address.admin(new Scope("slack", "T2")), Message.text(Rich.markup("a notice kept for T2")));
            assertThat(slack.calls().subList(mark, slack.size())).isEmpty();
            assertThat(db(app).getCollection("slack_undelivered").find(new Document("tenant", "T2")).first())
                    .containsEntry("to", "admin").containsEntry("status", "held");

            // not a public channel, not a channel Tandem is not in, not one shared with another organisation
            for (String channel : List.of("CPUB2", "GNOTIN2", "CSHARED2")) {
                mark = slack.size();
                req.command("T2", "UCAROL", channel, "somewhere", "admin here", "t-" + channel);
                SlackApiStub.Call answer = slack.await("response_url", mark);
                assertThat(answer.params()).containsEntry("response_type", "ephemeral");
                assertThat(answer.params().get("text")).contains(channel.equals("CSHARED2") ? "shared with another"
                        : "private channel I am a member of");
                assertThat(slack.posted(channel, mark)).isEmpty();
            }
            assertThat(db(app).getCollection("slack_admin_channels").countDocuments()).isZero();

            // T2: a slash command in a private channel
            mark = slack.size();
            req.command("T2", "UCAROL", "CADM2", "coordinators", "admin here", "t-adm2");
            SlackApiStub.Call done = slack.await("chat.postMessage", mark, c -> "CADM2".equals(c.params().get("channel"))
                    && c.params().get("blocks").contains("now Tandem's admin channel"));
            assertThat(done.token()).isEqualTo("xoxb-installed-T2");
            SlackApiStub.Call kept = slack.await("chat.postMessage", mark, c -> "CADM2".equals(c.params().get("channel"))
                    && c.params().get("blocks").contains("a notice kept for T2"));
            assertThat(kept.token()).isEqualTo("xoxb-installed-T2");
            SlackLifecycleIT.eventually("nothing more kept for T2", () -> db(app).getCollection("slack_undelivered")
                    .countDocuments(new Document("tenant", "T2")) == 0);

            // T3: a mention in its own private channel
            mark = slack.size();
            req.event("T3", "EvAdm3", "{\"type\":\"app_mention\",\"user\":\"UDAN\",\"channel\":\"CADM3\","
                    + "\"text\":\"<@UBOT2> admin  HERE\",\"ts\":\"1700000300.000100\"}");
            assertThat(slack.await("chat.postMessage", mark, c -> "CADM3".equals(c.params().get("channel"))).token())
                    .isEqualTo("xoxb-installed-T3");
            assertThat(adminChannels(app)).containsExactlyInAnyOrder("T2=CADM2", "T3=CADM3");

            // each workspace's coordinators work in their own channel, and the core reaches each one there
            mark = slack.size();
            req.command("T3", "UDAN", "CADM3", "coordinators", "programs", "t-programs");
            SlackApiStub.Call programs = slack.await("chat.postMessage", mark,
                    c -> "CADM3".equals(c.params().get("channel")));
            assertThat(programs.token()).isEqualTo("xoxb-installed-T3");
            assertThat(slack.posted("CADM2", mark)).isEmpty();
            mark = slack.size();
            messenger(app).send(Address.admin(new Scope("slack", "T3")), Message.text(Rich.markup("for T3")));
            messenger(app).send(Address.admin(new Scope("slack", "T2")), Message.text(Rich.markup("for T2")));
            assertThat(slack.posted("CADM3", mark)).singleElement().asString().contains("for T3");
            assertThat(slack.posted("CADM2", mark)).singleElement().asString().contains("for T2");

            // a form for T2's coordinators opens as a modal that reports the admin channel back
            mark = slack.size();
            req.command("T2", "UCAROL", "CADM2", "coordinators", "program create", "t-create");
            SlackApiStub.Call opened = slack.await("views.open", mark);
            assertThat(opened.token()).isEqualTo("xoxb-installed-T2");
            assertThat(opened.json("view").at("/private_metadata").asString()).isEqualTo("admin");

            // someone who is not in T2's admin channel cannot move it to their own
            mark = slack.size();
            req.command("T2", "UEVE", "CEVE2", "eves-corner", "admin here", "t-eve");
            assertThat(slack.await("response_url", mark).params().get("text")).contains("Only a coordinator");
            assertThat(slack.posted("CEVE2", mark)).isEmpty();
            assertThat(adminChannels(app)).contains("T2=CADM2");

            // a member of it can
            slack.channel("CADM2", true, true, false, "UCAROL", "UEVE");
            mark = slack.size();
            req.command("T2", "UEVE", "CEVE2", "eves-corner", "admin here", "t-eve2");
            slack.await("chat.postMessage", mark, c -> "CEVE2".equals(c.params().get("channel")));
            assertThat(adminChannels(app)).contains("T2=CEVE2").contains("T3=CADM3");
        }
    }

    @Test
    void withCoordinatorsListedOnlyTheyActAsCoordinatorsInTheAdminChannel() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                     "tandem.slack.signing-secret=" + SlackIT.SECRET, "tandem.slack.api-url=" + slack.url(),
                     "tandem.slack.admin-channel=CADMIN", "tandem.slack.coordinators=UCAROL, UOLGA",
                     "tandem.scheduler.enabled=false")) {
            SlackRequests req = new SlackRequests(app.base(), SlackIT.SECRET, slack.hooks());
            slack.channel("CADMIN", true, true, false, "UCAROL", "UOLGA", "UEVE");
            slack.channel("CNEW", true, true, false, "UCAROL", "UEVE");

            // Eve can post in the admin channel, but is not a coordinator: a command is refused to her alone
            int mark = slack.size();
            req.command("T1", "UEVE", "CADMIN", "tandem-admins", "programs", "t-1");
            SlackApiStub.Call refused = slack.await("response_url", mark);
            assertThat(refused.params().get("text")).contains("admin channel");
            assertThat(slack.posted("CADMIN", mark)).isEmpty();
            assertThat(db(app).getCollection("audit").find().into(new ArrayList<>()).toString()).contains("UEVE");

            // a coordinator's form kept in the channel does not open for her
            mark = slack.size();
            req.event("T1", "EvMention", "{\"type\":\"app_mention\",\"user\":\"UCAROL\",\"channel\":\"CADMIN\","
                    + "\"text\":\"<@UBOT> program create\",\"ts\":\"1700000301.000100\"}");
            SlackApiStub.Call kept = slack.await("chat.postMessage", mark, c -> "CADMIN".equals(c.params().get("channel"))
                    && c.params().get("blocks").contains("slack.open-form"));
            JsonNode blocks = kept.json("blocks");
            mark = slack.size();
            req.click("T1", "UEVE", "CADMIN", "tandem-admins", blocks, "Open the form", "t-eve");
            SlackApiStub.Call whispered = slack.await("chat.postEphemeral", mark);
            assertThat(whispered.params()).containsEntry("channel", "CADMIN").containsEntry("user", "UEVE");
            assertThat(whispered.params().get("blocks")).contains("for the coordinators");
            assertThat(slack.calls().subList(mark, slack.size())).extracting(SlackApiStub.Call::method)
                    .doesNotContain("views.open");

            // and for Carol it does, and what she submits is a coordinator's
            mark = slack.size();
            req.click("T1", "UCAROL", "CADMIN", "tandem-admins", blocks, "Open the form", "t-carol");
            SlackApiStub.Call opened = slack.await("views.open", mark);
            mark = slack.size();
            assertThat(req.submit("T1", opened, "UCAROL", Forms.program("Listed"), "t-submit").status())
                    .isEqualTo(200);
            slack.await("chat.postMessage", mark, c -> "CADMIN".equals(c.params().get("channel"))
                    && c.params().get("blocks").contains("created as a draft"));

            // typed in a DM, it says where to type it
            mark = slack.size();
            req.event("T1", "EvDm", "{\"type\":\"message\",\"channel\":\"DOLGA\",\"user\":\"UOLGA\","
                    + "\"text\":\"admin here\",\"ts\":\"1700000302.000100\",\"channel_type\":\"im\"}");
            assertThat(slack.await("chat.postMessage", mark, c -> "UOLGA".equals(c.params().get("channel")))
                    .params().get("blocks")).contains("in the private channel that should become the admin channel");

            // Eve cannot move the admin channel; Olga (listed) can, even from a channel she just joined
            mark = slack.size();
            req.command("T1", "UEVE", "CNEW", "new", "admin here", "t-2");
            assertThat(slack.await("response_url", mark).params().get("text")).contains("Only a coordinator");
            mark = slack.size();
            req.command("T1", "UOLGA", "CNEW", "new", "admin here", "t-3");
            slack.await("chat.postMessage", mark, c -> "CNEW".equals(c.params().get("channel")));
            assertThat(adminChannels(app)).containsExactly("T1=CNEW");
            mark = slack.size();
            messenger(app).send(Address.admin(new Scope("slack", "T1")), Message.text(Rich.markup("moved")));
            assertThat(slack.posted("CNEW", mark)).singleElement().asString().contains("moved");
            assertThat(slack.posted("CADMIN", mark)).as("the configured channel was the default only").isEmpty();
        }
    }

    static PlatformMessenger messenger(RunningApp app) {
        return SlackLifecycleIT.messenger(app);
    }

    static MongoDatabase db(RunningApp app) {
        return app.context().getBean(MongoDatabase.class);
    }

    static List<String> adminChannels(RunningApp app) {
        List<String> out = new ArrayList<>();
        db(app).getCollection("slack_admin_channels").find()
                .forEach(d -> out.add(d.getString("_id") + "=" + d.getString("channel")));
        return out;
    }
}

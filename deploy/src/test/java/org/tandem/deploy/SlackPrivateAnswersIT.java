package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is for one person is answered to them only, never posted to the group nor lost: a {@code /mentor} typed in a
 * group DM Tandem is not in goes back through the command's {@code response_url}; a refusal in a pair's group too,
 * else as an ephemeral message there ({@code chat.postEphemeral}), else in the person's DM.
 */
class SlackPrivateAnswersIT {

    static final String SECRET = "private-answers-signing-secret";

    @TempDir
    static Path dir;
    static SlackApiStub slack;
    static RunningApp app;
    static SlackRequests req;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackApiStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                "tandem.slack.admin-channel=CADMIN", "tandem.scheduler.enabled=false");
        req = new SlackRequests(app.base(), SECRET, slack.hooks());
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @Test
    void aCommandInAGroupDmTandemIsNotInIsAnsweredThroughItsResponseUrl() {
        slack.error("chat.postMessage", "GOTHER", "channel_not_found");
        int mark = slack.size();
        assertThat(req.command("T1", "UZED", "GOTHER", "mpdm-zed--yann-1", "help", "t-1").status()).isEqualTo(200);
        SlackApiStub.Call answer = slack.await("response_url", mark);
        assertThat(answer.params()).containsEntry("response_type", "ephemeral").containsEntry("replace_original",
                "false");
        assertThat(answer.params().get("text")).contains("Here is what you can do");
        assertThat(answer.params().get("blocks")).startsWith("[");
        assertThat(slack.posted("GOTHER", mark)).isEmpty();
        RunningApp.pause(200);
        assertThat(db().countDocuments(new Document("to", "group:GOTHER"))).as("not kept, not dead: answered").isZero();
    }

    @Test
    void aRefusalInAPairsGroupIsForThePersonOnly() {
        int mark = slack.size();
        req.command("T1", "UALMA", "GPAIR", "mpdm-alma--ben-1", "journal", "t-2");
        SlackApiStub.Call refusal = slack.await("response_url", mark);
        assertThat(refusal.params().get("text")).contains("journal").contains("direct message");
        RunningApp.pause(200);
        assertThat(slack.posted("GPAIR", mark)).as("never posted to the group").isEmpty();
        assertThat(slack.posted("UALMA", mark)).as("nor in the DM: it was shown where it was typed").isEmpty();
    }

    @Test
    void whenTheResponseUrlIsRefusedTheAnswerIsEphemeralInTheGroupAndElseInTheDm() {
        slack.hookStatus(404);
        try {
            int mark = slack.size();
            req.command("T1", "UBEN", "GPAIR2", "mpdm-alma--ben-2", "profile", "t-3");
            SlackApiStub.Call ephemeral = slack.await("chat.postEphemeral", mark);
            assertThat(ephemeral.params()).containsEntry("channel", "GPAIR2").containsEntry("user", "UBEN");
            assertThat(ephemeral.params().get("blocks")).contains("profile");
            assertThat(slack.posted("GPAIR2", mark)).isEmpty();

            slack.error("chat.postEphemeral", "GPAIR3", "user_not_in_channel");
            mark = slack.size();
            req.command("T1", "UCLEO", "GPAIR3", "mpdm-cleo--dan-1", "journal", "t-4");
            assertThat(slack.await("chat.postMessage", mark, c -> "UCLEO".equals(c.params().get("channel")))
                    .params().get("blocks")).contains("journal");
            assertThat(slack.posted("GPAIR3", mark)).isEmpty();
        } finally {
            slack.hookStatus(200);
        }
    }

    static MongoCollection<Document> db() {
        return app.context().getBean(MongoDatabase.class).getCollection("slack_undelivered");
    }
}

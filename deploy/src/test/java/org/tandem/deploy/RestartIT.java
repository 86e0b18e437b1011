package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a person stored is still there after the application stops and starts again on the same data file. */
class RestartIT {

    @TempDir
    Path dir;

    @Test
    void theRoleSurvivesARestart() {
        Path data = dir.resolve("tandem.mv");
        try (RunningApp first = new RunningApp(data)) {
            WebchatApiIT.app = first;
            first.post("/api/webchat/inbound", "{\"user\":\"alice\",\"text\":\"join\"}");
            first.post("/api/webchat/inbound",
                    "{\"user\":\"alice\",\"action\":{\"id\":\"join.role\",\"value\":\"mentee\"}}");
        }
        try (RunningApp second = new RunningApp(data)) {
            WebchatApiIT.app = second;
            long before = WebchatApiIT.messages("alice", 0).size();
            assertThat(before).as("the chat history survives too").isEqualTo(3);
            second.post("/api/webchat/inbound", "{\"user\":\"alice\",\"text\":\"profile\"}");
            JsonNode fields = WebchatApiIT.findBlock(WebchatApiIT.messages("alice", 0), "fields");
            assertThat(fields.toString()).contains("\"Role\"", "\"Mentee\"");
        }
    }

    @Test
    void withPlatformCredentialsTheWebChatIsOff() {
        try (RunningApp app = new RunningApp(dir.resolve("other.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=s")) {
            assertThat(app.get("/api/webchat/outbox?user=alice").status()).isEqualTo(404);
            assertThat(app.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}

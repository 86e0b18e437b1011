package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a person stored is still there after the application stops and starts again on the same data file. */
class RestartIT {

    @TempDir
    Path dir;

    @Test
    void anEnrolmentStartedBeforeARestartFinishesAfterItAndStays() {
        Path data = dir.resolve("tandem.mv");
        try (RunningApp first = new RunningApp(data)) {
            WebchatApiIT.app = first;
            WebchatApiIT.openProgramme(first, "Leadership");
            first.post("/api/webchat/inbound", "{\"user\":\"alice\",\"text\":\"join\"}");
            first.post("/api/webchat/inbound",
                    "{\"user\":\"alice\",\"action\":{\"id\":\"intake.role\",\"value\":\"mentor\"}}");
        }
        try (RunningApp second = new RunningApp(data)) {
            // half-way through the questionnaire when the app stopped: the answer still lands
            WebchatApiIT.app = second;
            WebchatApiIT.enrolMentor(second, "alice", "en");
        }
        try (RunningApp third = new RunningApp(data)) {
            WebchatApiIT.app = third;
            assertThat(WebchatApiIT.messages("alice", 0)).as("the chat history survives too").hasSizeGreaterThan(4);
            third.post("/api/webchat/inbound", "{\"user\":\"alice\",\"text\":\"profile\"}");
            List<JsonNode> all = WebchatApiIT.messages("alice", 0);
            assertThat(all.get(all.size() - 1).toString()).contains("*Leadership* — Mentor", "\"Engineering\"");
        }
    }

    @Test
    void withPlatformCredentialsTheWebChatIsOff() {
        try (RunningApp app = new RunningApp(dir.resolve("other.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=s")) {
            assertThat(app.get("/api/webchat/outbox?user=alice").status()).isEqualTo(404);
            assertThat(app.management("/actuator/health").status()).isEqualTo(200);
        }
    }
}

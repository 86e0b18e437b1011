package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a person stored is still there after the application stops and starts again on the same data file. */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

    @TempDir
    Path dir;

    @Test
    void anEnrolmentStartedBeforeARestartFinishesAfterItAndStays(CapturedOutput output) {
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
        assertThat(output.getOut()).as("the web chat alone is a try, not a pilot").doesNotContain("embedded MongoDB");
    }

    @Test
    void withPlatformCredentialsTheWebChatIsOff(CapturedOutput output) {
        try (RunningApp app = new RunningApp(dir.resolve("other.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=s")) {
            // Slack's people's data in one local file: said at start, once
            assertThat(output.getOut()).containsOnlyOnce("Slack is configured but the data lives in the embedded "
                    + "MongoDB").contains(dir.resolve("other.mv").toAbsolutePath().toString(), "MONGODB_URI");
            assertThat(app.get("/api/webchat/outbox?user=alice").status()).isEqualTo(404);
            assertThat(app.management("/actuator/health").status()).isEqualTo(200);
        }
    }
}

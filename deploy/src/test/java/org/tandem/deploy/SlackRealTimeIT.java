package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack signs its requests with real time: with the dev clock moved weeks ahead, a request signed now is still
 * taken, and one signed six minutes ago (or at the dev clock's time) is still refused.
 */
class SlackRealTimeIT {

    static final String SECRET = "real-time-signing-secret";

    @TempDir
    Path dir;

    @Test
    void signaturesAreCheckedOnRealTimeWhileTheDevClockIsWeeksAhead() throws Exception {
        try (SlackApiStub slack = new SlackApiStub();
             RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                     "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                     "tandem.dev.clock-control=true", "tandem.scheduler.enabled=false")) {
            assertThat(app.post("/api/dev/clock", "{\"advance\":\"P21D\"}").status()).isEqualTo(200);
            SlackRequests req = new SlackRequests(app.base(), SECRET);
            String help = command("UALICE", "help", "t-1");

            int mark = slack.size();
            assertThat(req.post(help, "application/x-www-form-urlencoded", Instant.now()).status())
                    .as("signed now").isEqualTo(200);
            slack.await("chat.postMessage", mark, c -> "UALICE".equals(c.params().get("channel")));

            String stale = command("UMALLORY", "help", "t-2");
            assertThat(req.post(stale, "application/x-www-form-urlencoded",
                    Instant.now().minus(Duration.ofMinutes(6))).status()).as("signed six minutes ago").isEqualTo(401);
            assertThat(req.post(stale, "application/x-www-form-urlencoded",
                    Instant.now().plus(Duration.ofDays(21))).status()).as("signed at the dev clock's time")
                    .isEqualTo(401);
            assertThat(slack.calls().stream().filter(c -> "UMALLORY".equals(c.params().get("user"))
                    || "UMALLORY".equals(c.params().get("channel")))).isEmpty();
        }
    }

    static String command(String user, String text, String trigger) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("team_id", "T1");
        f.put("channel_id", "D" + user.substring(1));
        f.put("channel_name", "directmessage");
        f.put("user_id", user);
        f.put("command", "/mentor");
        f.put("text", text);
        f.put("trigger_id", trigger);
        return SlackRequests.form(f);
    }
}

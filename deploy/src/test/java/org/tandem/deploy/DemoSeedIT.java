package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The demo programme is there for a new user of the web chat, once, however often the app starts. */
class DemoSeedIT {

    @TempDir
    Path dir;

    @Test
    void theDemoProgrammeIsSeededOnceAndOpen() {
        Path data = dir.resolve("tandem.mv");
        for (int start = 0; start < 2; start++) {
            try (RunningApp app = new RunningApp(data, "tandem.demo.seed=true")) {
                WebchatApiIT.app = app;
                app.post("/api/webchat/inbound", "{\"user\":\"coordinator\",\"conversation\":\"admin\",\"text\":\"programs\"}");
                List<JsonNode> all = WebchatApiIT.messages("coordinator", 0);
                String last = all.get(all.size() - 1).toString();
                assertThat(last).contains("Programmes* (1)", "Demo mentoring programme",
                        "Open for enrolment · 12 mentees, 8 mentors");
            }
        }
    }
}

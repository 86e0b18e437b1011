package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code /actuator/health} to anyone: the status and each check's status, no details; DOWN without MongoDB. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthIT {

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void anAnonymousCallerSeesOnlyStatuses() {
        RunningApp.Reply health = app.management("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode json = health.json();
        assertThat(json.at("/status").asString()).isEqualTo("UP");
        assertThat(json.at("/components/mongoHealth/status").asString()).isEqualTo("UP");
        assertThat(json.at("/components/diskSpace/status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("details", "total", "free", "path", dir.toString(),
                System.getProperty("user.dir"), "tandem\"");
    }

    @Test
    @Order(1)
    void theProbesAnswerOnBothPortsAndTheMetersOnlyOnTheManagementPort() {
        for (String path : List.of("/livez", "/readyz")) {
            RunningApp.Reply probe = app.get(path);
            assertThat(probe.status()).as(path).isEqualTo(200);
            assertThat(probe.json().at("/status").asString()).as(path).isEqualTo("UP");
        }
        assertThat(app.management("/actuator/health/liveness").status()).isEqualTo(200);
        RunningApp.Reply readiness = app.management("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/mongoHealth/status").asString()).isEqualTo("UP");
        RunningApp.Reply meters = app.management("/actuator/prometheus");
        assertThat(meters.status()).isEqualTo(200);
        assertThat(meters.body()).contains("jvm_memory_used_bytes", "application=\"tandem\"");
        // the application's port serves neither Actuator nor the meters
        assertThat(app.get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(app.get("/actuator/health").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void withoutMongoDbItIsDownQuickly() {
        app.context().getBean(EmbeddedMongo.class).close();
        long start = System.nanoTime();
        RunningApp.Reply health = app.management("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().at("/status").asString()).isEqualTo("DOWN");
        assertThat(health.json().at("/components/mongoHealth/status").asString()).isEqualTo("DOWN");
        assertThat(health.body()).doesNotContain("details", "error", "Exception");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
    }
}

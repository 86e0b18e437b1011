package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.TandemCore;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/** Quartz fires the sweep on its own, and stops with the application. */
class SchedulerIT {

    @TempDir
    Path dir;

    @Test
    void quartzSweepsDueItemsAndStopsWithTheApplication() throws InterruptedException {
        try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.sweep-interval=200ms")) {
            DueItems items = app.context().getBean(TandemCore.class).dueItems();
            Clock clock = app.context().getBean(Clock.class);
            items.schedule("it:now", "it-kind", "webchat", "local", Map.of(), clock.instant());
            long deadline = System.currentTimeMillis() + 20_000;
            while (items.find("it:now").orElseThrow().status() != DueItem.Status.FAILED
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            // no handler of this test's kind in the core: taken by a sweep, and failed loudly
            assertThat(items.find("it:now").orElseThrow().status()).isEqualTo(DueItem.Status.FAILED);
            assertThat(schedulerThreads()).as("Quartz runs").isPositive();
        }
        assertThat(schedulerThreads()).as("no Quartz thread outlives the application").isZero();
    }

    @Test
    void theSchedulerCanBeSwitchedOff() {
        try (RunningApp app = new RunningApp(dir.resolve("off.mv"), "tandem.scheduler.enabled=false",
                "tandem.scheduler.sweep-interval=100ms")) {
            assertThat(app.context().getBeanNamesForType(
                    org.springframework.context.SmartLifecycle.class)).doesNotContain("quartzSweeps");
            assertThat(schedulerThreads()).isZero();
        }
    }

    private static long schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("tandem-scheduler")).count();
    }
}

package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.core.TandemCore;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.DueItems;

/** The dev clock over real HTTP: it moves time forward and sweeps at once, refuses bad input, and is off by rule. */
class DevClockIT {

    @TempDir
    static Path dir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        // no Quartz here: every sweep in these tests is the one the clock runs
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Instant now(RunningApp on) {
        RunningApp.Reply r = on.get("/api/dev/clock");
        assertThat(r.status()).isEqualTo(200);
        return Instant.parse(r.json().at("/now").asString());
    }

    @Test
    void itTellsTheTime() {
        Instant before = Instant.now();
        RunningApp.Reply r = app.get("/api/dev/clock");
        assertThat(r.status()).isEqualTo(200);
        Duration offset = Duration.parse(r.json().at("/offset").asString());
        assertThat(Instant.parse(r.json().at("/now").asString()))
                .isBetween(before.plus(offset).minusSeconds(1), Instant.now().plus(offset).plusSeconds(1));
    }

    @Test
    void advancingMovesTimeAndSweepsWhatBecameDue() {
        DueItems items = app.context().getBean(TandemCore.class).dueItems();
        Instant start = now(app);
        items.schedule("it:in-two-weeks", "it-kind", "webchat", "local", Map.of(), start.plus(Duration.ofDays(14)));
        items.schedule("it:in-three-weeks", "it-kind", "webchat", "local", Map.of(), start.plus(Duration.ofDays(21)));

        RunningApp.Reply moved = app.post("/api/dev/clock", "{\"advance\":\"P14D\"}");
        assertThat(moved.status()).isEqualTo(200);
        Instant after = Instant.parse(moved.json().at("/now").asString());
        assertThat(after).isBetween(start.plus(Duration.ofDays(14)), start.plus(Duration.ofDays(14)).plusSeconds(30));
        assertThat(moved.json().at("/swept").asInt()).isEqualTo(1);
        // the core has no handler of this test's kind: the item was taken, and failed loudly
        assertThat(items.find("it:in-two-weeks").orElseThrow().status()).isEqualTo(DueItem.Status.FAILED);
        assertThat(items.find("it:in-three-weeks").orElseThrow().status()).isEqualTo(DueItem.Status.PENDING);

        RunningApp.Reply hours = app.post("/api/dev/clock", "{\"advance\":\"pt3h\"}");
        assertThat(hours.status()).isEqualTo(200);
        assertThat(hours.json().at("/swept").asInt()).isZero();
        assertThat(now(app)).isAfterOrEqualTo(after.plus(Duration.ofHours(3)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "malformed JSON   | {\"advance\":                      | malformed JSON",
        "empty body       | ^^                                   | JSON object",
        "not an object    | [\"P1D\"]                            | JSON object",
        "unknown field    | {\"advance\":\"P1D\",\"by\":1}       | unknown field 'by'",
        "missing advance  | {}                                   | 'advance' is required",
        "a number         | {\"advance\":14}                     | 'advance' is required",
        "not ISO-8601     | {\"advance\":\"14 days\"}            | ISO-8601 period or duration",
        "mixed units      | {\"advance\":\"P1MT1H\"}             | ISO-8601 period or duration",
        "negative         | {\"advance\":\"-P1D\"}               | forward",
        "negative period  | {\"advance\":\"P-1D\"}               | forward",
        "zero             | {\"advance\":\"PT0S\"}               | forward",
        "over 400 days    | {\"advance\":\"P401D\"}              | at most 400 days",
        "two years        | {\"advance\":\"P2Y\"}                | at most 400 days",
        "absurd years     | {\"advance\":\"P999999999Y\"}        | at most 400 days",
        "duplicate key    | {\"advance\":\"P1D\",\"advance\":\"P2D\"} | malformed JSON",
    })
    void badInputGetsAClearErrorAndLeavesTheClockAlone(String what, String body, String error) {
        Duration before = Duration.parse(app.get("/api/dev/clock").json().at("/offset").asString());
        RunningApp.Reply r = app.post("/api/dev/clock", body == null ? "" : body);
        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.json().at("/error").asString()).as(what).contains(error);
        assertThat(app.get("/api/dev/clock").json().at("/offset").asString()).as(what)
                .isEqualTo(before.toString());
    }

    @Test
    void aRestartKeepsTheClockWhereItWas(@TempDir Path own) {
        Instant moved;
        try (RunningApp first = new RunningApp(own.resolve("tandem.mv"), "tandem.scheduler.enabled=false")) {
            moved = Instant.parse(first.post("/api/dev/clock", "{\"advance\":\"P30D\"}").json().at("/now").asString());
        }
        try (RunningApp second = new RunningApp(own.resolve("tandem.mv"), "tandem.scheduler.enabled=false")) {
            assertThat(now(second)).isAfterOrEqualTo(moved);
        }
    }

    @Test
    void nextToAChatPlatformOrWhenSwitchedOffThereIsNoDevClock(@TempDir Path own) {
        try (RunningApp slack = new RunningApp(own.resolve("a.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=s", "tandem.scheduler.enabled=false")) {
            assertThat(slack.get("/api/dev/clock").status()).isEqualTo(404);
            assertThat(slack.post("/api/dev/clock", "{\"advance\":\"P1D\"}").status()).isEqualTo(404);
        }
        try (RunningApp off = new RunningApp(own.resolve("b.mv"), "tandem.dev.clock-control=false",
                "tandem.scheduler.enabled=false")) {
            assertThat(off.get("/api/dev/clock").status()).isEqualTo(404);
            assertThat(off.post("/api/dev/clock", "{\"advance\":\"P1D\"}").status()).isEqualTo(404);
            assertThat(off.get("/api/webchat/outbox?user=alice").status()).as("the web chat is still on").isEqualTo(200);
        }
    }
}

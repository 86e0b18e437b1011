package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.TandemCore;
import org.tandem.core.testing.Forms;

/**
 * Tandem's meters at {@code /actuator/prometheus} after a short journey over Slack (its Web API stubbed, one 429
 * on the way): each with its name and tags as the README and the Grafana dashboard say, every series the dashboard
 * queries present, and nobody named in any of them.
 */
class MetricsIT {

    static final String SECRET = "metrics-signing-secret";
    static final String TEAM = "T1";
    static final String ADMIN = "CADMIN";
    static final AtomicInteger triggers = new AtomicInteger();

    @TempDir
    static Path dir;

    static SlackApiStub slack;
    static RunningApp app;
    static String scraped;

    @BeforeAll
    static void journey() throws Exception {
        slack = new SlackApiStub();
        app = new RunningApp(dir.resolve("tandem.mv"), "tandem.slack.bot-token=xoxb-test",
                "tandem.slack.signing-secret=" + SECRET, "tandem.slack.api-url=" + slack.url(),
                "tandem.slack.admin-channel=" + ADMIN, "tandem.scheduler.enabled=false");
        SlackRequests req = new SlackRequests(app.base(), SECRET, slack.hooks());
        slack.user("UCAROL", "Carol Planted", "en-GB", "Europe/London", "carol.planted@example.org");

        int mark = slack.size();
        assertThat(req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "program create", trigger()).status())
                .isEqualTo(200);
        SlackApiStub.Call form = slack.await("views.open", mark);
        mark = slack.size();
        req.submit(TEAM, form, "UCAROL", Forms.program("Leadership"), trigger());
        SlackApiStub.Call summary = slack.await("chat.postMessage", mark,
                c -> c.params().get("blocks").contains("Open for enrolment"));
        String ts = summary.answer().at("/ts").asString();
        SlackLifecycleIT.eventually("the summary is recorded", () -> app.db().getCollection("questions")
                .countDocuments(new Document("ref.id", TEAM + "/" + ADMIN + "/" + ts)) > 0);
        mark = slack.size();
        req.click(TEAM, "UCAROL", ADMIN, "tandem-admins", ts, summary.json("blocks"), "Open for enrolment",
                trigger());
        slack.await("chat.postMessage", mark, c -> c.params().get("blocks").contains("is open for enrolment"));

        // Slack throttles the next post once; Tandem waits it out and sends
        slack.rateLimitNext("chat.postMessage", 1);
        mark = slack.size();
        req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "match Leadership", trigger());
        slack.await("chat.postMessage", mark, c -> ADMIN.equals(c.params().get("channel")));

        // something due an hour ago and not done: the backlog, as a sweep would read it
        TandemCore core = app.context().getBean(TandemCore.class);
        Clock clock = app.context().getBean(Clock.class);
        core.dueItems().schedule("metrics:late", "it-kind", "slack", TEAM, Map.of(),
                clock.instant().minus(Duration.ofHours(1)));
        core.gauge();

        RunningApp.Reply reply = app.management("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        scraped = reply.body();
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @Test
    void eachMeterIsThereWithItsTags() {
        assertThat(series("tandem_inbound_events_total")).anyMatch(s -> s.contains("platform=\"slack\"")
                && s.contains("kind=\"command\"")).anyMatch(s -> s.contains("kind=\"submit\""))
                .anyMatch(s -> s.contains("kind=\"click\""));
        assertThat(series("tandem_inbound_ack_seconds_count")).anyMatch(s -> s.contains("platform=\"slack\""));
        assertThat(series("tandem_inbound_ack_seconds_bucket")).isNotEmpty();
        assertThat(series("tandem_sends_total")).anyMatch(s -> s.contains("outcome=\"sent\"")
                && s.contains("platform=\"slack\"")).anyMatch(s -> s.contains("outcome=\"retried\""));
        assertThat(series("tandem_throttled_total")).anyMatch(s -> s.contains("platform=\"slack\"")
                && s.contains("workspace=\"T1\""));
        assertThat(series("tandem_due_backlog")).anyMatch(s -> s.contains("kind=\"it-kind\"") && s.endsWith(" 1.0"));
        assertThat(series("tandem_due_oldest_age_seconds")).anyMatch(s -> s.contains("kind=\"it-kind\"")
                && Double.parseDouble(s.substring(s.lastIndexOf(' ') + 1)) >= 3600);
        assertThat(series("tandem_pairs_active")).anyMatch(s -> s.contains("stage=\"active\""))
                .anyMatch(s -> s.contains("stage=\"proposed\""));
        assertThat(series("tandem_sweep_duration_seconds_count")).isNotEmpty();
        assertThat(series("tandem_matching_duration_seconds_count")).isNotEmpty();
        assertThat(series("tandem_matching_size_people_count")).isNotEmpty();
        assertThat(series("tandem_")).allMatch(s -> s.contains("application=\"tandem\""));
    }

    @Test
    void noSeriesNamesAnybody() {
        assertThat(scraped).doesNotContain("UCAROL", "Carol", "carol", "Planted", "Leadership", ADMIN,
                "example.org");
    }

    @Test
    void everyTandemSeriesTheDashboardQueriesIsScraped() throws IOException {
        String dashboard = Files.readString(Path.of("grafana", "tandem-dashboard.json"));
        Set<String> queried = new TreeSet<>();
        Matcher m = Pattern.compile("tandem_[a-z_]+").matcher(dashboard);
        while (m.find()) {
            queried.add(m.group());
        }
        assertThat(queried).as("the dashboard queries Tandem's meters").hasSizeGreaterThanOrEqualTo(8);
        for (String name : queried) {
            assertThat(scraped).as("the dashboard's %s", name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }

    private static java.util.List<String> series(String prefix) {
        return scraped.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    private static String trigger() {
        return "4343." + triggers.incrementAndGet() + ".metrics";
    }
}

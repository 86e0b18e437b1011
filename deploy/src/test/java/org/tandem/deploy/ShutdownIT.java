package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.TandemCore;
import org.tandem.core.testing.Forms;

/**
 * Two replicas on one MongoDB (a real one with {@code MONGODB_URI}, else a wire server of the test's own), over
 * Slack's Web API stubbed and slowed: a coordinator invites 30 people, and one replica is told to stop while the
 * invitations go out. Its readiness goes DOWN while it still finishes the invitation in hand; it claims nothing
 * more, holds no lease once it stopped, and the other replica sends the rest at once (not after the 30 s lease):
 * everyone gets exactly one invitation.
 */
class ShutdownIT {

    static final String SECRET = "shutdown-signing-secret";
    static final String TEAM = "T1";
    static final String ADMIN = "CADMIN";
    static final int PEOPLE = 30;
    static final AtomicInteger triggers = new AtomicInteger();

    @TempDir
    Path dir;

    private MongoServer server;
    private SlackApiStub slack;
    private final List<RunningApp> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(a -> {
            if (a.context().isActive()) {
                a.close();
            }
        });
        if (slack != null) {
            slack.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    private String mongoUri() {
        String real = System.getenv("MONGODB_URI");
        String database = "shutdown_" + UUID.randomUUID().toString().substring(0, 8);
        if (real != null && !real.isBlank()) {
            return real.replaceFirst("/?(\\?|$)", "/" + database + "$1");
        }
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }

    private RunningApp replica(String uri, String name) {
        RunningApp app = new RunningApp(dir.resolve(name + ".mv"), "tandem.mongodb.uri=" + uri,
                "tandem.slack.bot-token=xoxb-test", "tandem.slack.signing-secret=" + SECRET,
                "tandem.slack.api-url=" + slack.url(), "tandem.slack.admin-channel=" + ADMIN,
                // invitations fall due 10 ms apart: the slowed Slack, not the pace, makes the backlog
                "tandem.slack.workspace-messages-per-minute=6000", "tandem.scheduler.sweep-interval=100ms");
        apps.add(app);
        return app;
    }

    @Test
    void aReplicaThatStopsFinishesTheItemInHandGivesBackTheRestAndTheOtherSendsItAtOnce() throws Exception {
        slack = new SlackApiStub();
        String uri = mongoUri();
        RunningApp leaving = replica(uri, "leaving");
        RunningApp staying = replica(uri, "staying");
        SlackRequests req = new SlackRequests(leaving.base(), SECRET, slack.hooks());

        slack.user("UCAROL", "Carol", "en-GB", "Europe/London");
        List<String> people = IntStream.rangeClosed(1, PEOPLE).mapToObj(i -> String.format("UP%02d", i)).toList();
        people.forEach(u -> slack.user(u, "Person " + u, "en-GB", "Europe/London", u.toLowerCase() + "@example.org"));
        int mark = slack.size();
        assertThat(req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "program create", trigger()).status())
                .isEqualTo(200);
        SlackApiStub.Call form = slack.await("views.open", mark);
        mark = slack.size();
        req.submit(TEAM, form, "UCAROL", Forms.program("Leadership"), trigger());
        SlackApiStub.Call summary = slack.await("chat.postMessage", mark,
                c -> c.params().get("blocks").contains("Open for enrolment"));
        String ts = summary.answer().at("/ts").asString();
        SlackLifecycleIT.eventually("the summary is recorded", () -> leaving.db().getCollection("questions")
                .countDocuments(new Document("ref.id", TEAM + "/" + ADMIN + "/" + ts)) > 0);
        mark = slack.size();
        req.click(TEAM, "UCAROL", ADMIN, "tandem-admins", ts, summary.json("blocks"), "Open for enrolment",
                trigger());
        slack.await("chat.postMessage", mark, c -> c.params().get("blocks").contains("is open for enrolment"));

        // Slack slows down, then 30 invitations fall due at once
        slack.slow("chat.postMessage", 150);
        int start = slack.size();
        String addresses = String.join(" ", people.stream().map(u -> u.toLowerCase() + "@example.org").toList());
        assertThat(req.command(TEAM, "UCAROL", ADMIN, "tandem-admins", "invite Leadership " + addresses, trigger())
                .status()).isEqualTo(200);
        SlackLifecycleIT.eventually("a few invitations went out", () -> invitationsSent(start) >= 4);

        // the leaving replica is told to stop; its readiness is watched meanwhile on its own port
        TandemCore core = leaving.context().getBean(TandemCore.class);
        String owner = core.owner();
        MongoCollection<Document> due = staying.db().getCollection("due_items");
        MongoCollection<Document> history = staying.db().getCollection("due_history");
        long doneByItBefore = doneBy(owner, due, history);
        List<Integer> readiness = new CopyOnWriteArrayList<>();
        AtomicBoolean closing = new AtomicBoolean(true);
        CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> {
            while (closing.get()) {
                try {
                    readiness.add(leaving.get("/readyz").status());
                } catch (RuntimeException refused) {
                    return;
                }
                RunningApp.pause(10);
            }
        });
        long closeStart = System.nanoTime();
        leaving.close();
        long closeMillis = (System.nanoTime() - closeStart) / 1_000_000;
        closing.set(false);
        watching.get(10, TimeUnit.SECONDS);

        assertThat(readiness).as("readiness went DOWN while the replica finished its work").contains(503);
        assertThat(doneBy(owner, due, history) - doneByItBefore)
                .as("after the stop, the leaving replica performed at most the invitation in hand")
                .isLessThanOrEqualTo(2);
        assertThat(due.countDocuments(new Document("status", "LEASED").append("leaseOwner", owner)))
                .as("no lease is left in the name of the replica that stopped").isZero();

        // the staying replica sends the rest, well within the 30 s a lease left behind would have made it wait
        long afterClose = System.nanoTime();
        SlackLifecycleIT.eventually("every invitation went out", () -> invitationsSent(start) >= PEOPLE);
        assertThat(Duration.ofNanos(System.nanoTime() - afterClose)).isLessThan(Duration.ofSeconds(20));
        for (String person : people) {
            assertThat(slack.posted(person, start)).as("the invitations %s received", person).hasSize(1);
        }
        assertThat(closeMillis).as("the stop took (ms)").isLessThan(20_000);
    }

    private int invitationsSent(int from) {
        List<SlackApiStub.Call> all = slack.calls();
        return (int) all.subList(from, all.size()).stream()
                .filter(c -> c.method().equals("chat.postMessage") && c.ok()
                        && c.params().getOrDefault("channel", "").startsWith("UP"))
                .count();
    }

    private static long doneBy(String owner, MongoCollection<Document> due, MongoCollection<Document> history) {
        Document mine = new Document("kind", "invitation.send").append("status", "DONE").append("leaseOwner", owner);
        return due.countDocuments(mine) + history.countDocuments(mine);
    }

    private static String trigger() {
        return "4343." + triggers.incrementAndGet() + ".shutdown";
    }
}

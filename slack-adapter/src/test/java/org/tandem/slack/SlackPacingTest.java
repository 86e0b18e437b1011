package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.RateLimits;
import org.tandem.core.testing.TestMongo;

/**
 * Two replicas sending at once keep to Slack's limits together, through the budgets they share in MongoDB: a stub
 * that answers 429 above so many messages a minute per workspace and one a second per channel counts none, and a
 * 429 holds the whole workspace back, on both replicas. Real Slack client, real HTTP, real (embedded) MongoDB.
 */
class SlackPacingTest {

    /** 600 a minute with a burst of 5; one a second to a channel with a burst of 2: the stub's limits and ours. */
    private static final Pace PACE = new Pace(Pace.Rate.perSecond(1, 2), Pace.Rate.perMinute(600, 5));

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final MongoDatabase db = TestMongo.freshDatabase();
    private final WebApiStub slack = new WebApiStub();
    private final Slack client = Slack.getInstance(config(slack.url()));
    private final List<MongoClient> connections = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        slack.close();
        client.close();
        for (MongoClient c : connections) {
            c.close();
        }
    }

    private static SlackConfig config(String url) {
        SlackConfig c = new SlackConfig();
        c.setMethodsEndpointUrlPrefix(url);
        c.setStatsEnabled(false);
        return c;
    }

    /** A replica: its own connection to the shared database, its own messenger. */
    private SlackMessenger replica() {
        MongoClient connection = TestMongo.newClient();
        connections.add(connection);
        MongoDatabase mine = connection.getDatabase(db.getName());
        WebApi api = new WebApi(client, t -> Optional.of("xoxb-1"), d -> Thread.sleep(d.toMillis()),
                new Pacing(new SendBudgets(mine), "slack", PACE));
        SlackStores stores = new SlackStores(new PendingForms(mine, clock), new Undelivered(mine, clock),
                new AdminChannels(mine, "CADMIN"), new Installations(mine, clock, TokenCipher.NONE));
        return new SlackMessenger(api, stores, p -> Locale.ENGLISH, t -> Messenger.Presence.UNKNOWN,
                new ResponseUrls(client, slack.url()));
    }

    private static Message hello(int n) {
        return Message.builder().text(Rich.literal("Hello " + n)).build();
    }

    private static PersonRef person(int n) {
        return new PersonRef("slack", "T1", "U" + n);
    }

    @Test
    void twoReplicasSendingAtOnceStayWithinTheWorkspacesAndEachChannelsLimitAndLoseNothing() throws Exception {
        // Slack's own buckets are a little roomier than what Tandem keeps to, as they should be: network jitter
        RateLimits limits = slack.limit(600, 7, 3);
        List<SlackMessenger> replicas = List.of(replica(), replica());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long began = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                SlackMessenger mine = replicas.get(r);
                int first = r * 15;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < first + 15; i++) {
                        mine.send(Address.person(person(i)), hello(i));
                    }
                    // three in a row to one person: one a second to a conversation
                    for (int k = 0; k < 2; k++) {
                        mine.send(Address.person(person(99)), hello(99));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(limits.refused()).as("messages Slack would have refused (429)").isZero();
        assertThat(slack.delivered()).hasSize(34);
        for (int i = 0; i < 30; i++) {
            assertThat(slack.posted("U" + i)).as("U" + i).hasSize(1);
        }
        List<WebApiStub.Call> toOne = slack.posted("U99");
        assertThat(toOne).hasSize(4);
        // a burst of 2, then one a second (a message the workspace's budget held back goes later than its slot)
        assertThat(Duration.ofNanos(toOne.get(3).at() - toOne.get(0).at())).as("4 messages to one person")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        // 34 messages at 10 a second after a burst of 5: close to three seconds, not the instant it would take
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2700));
        assertThat(db.getCollection("slack_undelivered").countDocuments()).isZero();
    }

    @Test
    void a429HoldsTheWholeWorkspaceBackOnEveryReplicaThenEverythingGoesOnce() throws Exception {
        List<SlackMessenger> replicas = List.of(replica(), replica());
        slack.next("429:2");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> replicas.get(0).send(Address.person(person(1)), hello(1))));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slack.calls().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(slack.calls()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(429));
            Duration seen = Duration.ZERO;
            while (seen.isZero() && System.nanoTime() < until) {
                // the first replica tells the budget once it has read Slack's answer
                seen = replicas.get(1).backlog(new Scope("slack", "T1"));
            }
            assertThat(seen).as("the other replica sees the wait").isGreaterThan(Duration.ofSeconds(1));
            for (int r = 0; r < 2; r++) {
                SlackMessenger mine = replicas.get(r);
                int n = 10 + r;
                done.add(pool.submit(() -> mine.send(Address.person(person(n)), hello(n))));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        WebApiStub.Call throttled = slack.calls().get(0);
        assertThat(slack.calls()).as("one 429, then the three messages, none before the wait was over")
                .hasSize(4).allSatisfy(c -> {
                    if (c != throttled) {
                        assertThat(c.ok()).isTrue();
                        assertThat(Duration.ofNanos(c.at() - throttled.at())).isGreaterThanOrEqualTo(
                                Duration.ofMillis(1900));
                    }
                });
        assertThat(db.getCollection("slack_undelivered").countDocuments()).isZero();
    }

    @Test
    void aWorkspaceHeldBackLongerThanAMessageMayWaitKeepsItsMessagesForLaterWithoutAskingSlack() {
        SlackMessenger replica = replica();
        slack.next("429:30");
        replica.send(Address.person(person(1)), hello(1));
        replica.send(Address.person(person(2)), hello(2));
        assertThat(slack.calls()).as("the 429, and nothing more until the wait is over").hasSize(1);
        assertThat(db.getCollection("slack_undelivered").countDocuments()).as("both kept, not lost").isEqualTo(2);
        assertThat(replica.backlog(new Scope("slack", "T1"))).isGreaterThan(Duration.ofSeconds(25));
        assertThat(replica.backlog(new Scope("slack", "T2"))).as("another workspace").isZero();
        assertThat(replica.pace(new Scope("slack", "T1"))).isEqualTo(PACE);
    }
}

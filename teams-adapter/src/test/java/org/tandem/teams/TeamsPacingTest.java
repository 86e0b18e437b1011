package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.RateLimits;
import org.tandem.core.testing.TestMongo;

/**
 * Two replicas sending at once keep to Teams' limits together, through the budgets they share in MongoDB: a Bot
 * Connector stub that answers 429 above 30 sends a second to the tenant and 7 to one conversation counts none, every
 * person gets their message once, and a 429 holds the whole tenant back on both replicas. Real SDK, real HTTP, real
 * (embedded) MongoDB, each replica on its own connection.
 */
class TeamsPacingTest {

    private static final String TENANT = "T1";
    private static final int PEOPLE = 90;
    private static final int PER_SECOND = 30;

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final MongoDatabase db = TestMongo.freshDatabase();
    private final List<MongoClient> connections = new ArrayList<>();
    private ConnectorStub stub;

    @BeforeEach
    void start() {
        stub = new ConnectorStub();
        TeamsConversations conversations = new TeamsConversations(db);
        for (int i = 0; i < PEOPLE; i++) {
            conversations.rememberPerson(TENANT, "aad-" + i, reference("a:" + i, "29:" + i), "P" + i,
                    Locale.ENGLISH, clock.instant(), false);
        }
        for (int n : new int[] {98, 99}) {
            conversations.rememberPerson(TENANT, "aad-" + n, reference("a:" + n, "29:" + n), "P" + n,
                    Locale.ENGLISH, clock.instant(), false);
        }
    }

    @AfterEach
    void stop() {
        stub.close();
        connections.forEach(MongoClient::close);
    }

    /** A replica: its own connection to the shared database, its own messenger, Tandem's default tenant pace. */
    private TeamsMessenger replica() {
        MongoClient connection = TestMongo.newClient();
        connections.add(connection);
        MongoDatabase mine = connection.getDatabase(db.getName());
        // a Retry-After up to 5 s is waited for in the send, not parked
        TeamsProperties properties = new TeamsProperties(true, null, null, null, List.of(), null, 3,
                Duration.ofMillis(5), Duration.ofSeconds(5), null, null, null, PER_SECOND);
        ConnectorClients clients = new ConnectorClients(properties);
        TeamsConversations conversations = new TeamsConversations(mine);
        Pacer pacer = new Pacer(new Pacing(new SendBudgets(mine), TeamsMessenger.PLATFORM,
                Pacer.pace(properties.tenantMessagesPerSecond())));
        Delivery delivery = new Delivery(clients, pacer, new Backoff(properties.retryDelay(),
                properties.retryMaxDelay(), RandomGenerator.getDefault()), properties.retryAttempts(), clock);
        TeamsBotAdapter adapter = TeamsBotAdapter.create(clients, properties);
        return new TeamsMessenger(conversations, delivery, new Undelivered(mine), new TeamsCards(mine),
                new MemberLookup(adapter, conversations, properties, clock), properties, clock);
    }

    private ConversationReference reference(String conversation, String user) {
        ConversationReference ref = new ConversationReference();
        ref.setChannelId("msteams");
        ref.setServiceUrl(stub.url());
        ref.setBot(new ChannelAccount("28:bot", "Tandem"));
        ref.setUser(new ChannelAccount(user));
        ConversationAccount c = new ConversationAccount(conversation);
        c.setTenantId(TENANT);
        c.setConversationType("personal");
        ref.setConversation(c);
        return ref;
    }

    private static Address person(int n) {
        return Address.person(new PersonRef(TeamsMessenger.PLATFORM, TENANT, "aad-" + n));
    }

    private static Message hello(int n) {
        return Message.text(Rich.literal("Hello " + n));
    }

    @Test
    void twoReplicasSendingAtOnceStayWithinTheTenantsAndEachConversationsLimitAndDeliverEachMessageOnce()
            throws Exception {
        List<TeamsMessenger> replicas = List.of(replica(), replica());
        // the first send of a JVM loads the SDK for a second or more: a send that took its slot meanwhile would
        // arrive with later ones, which is not what this test is about
        replicas.get(0).send(person(98), hello(98));
        replicas.get(1).send(person(98), hello(98));
        Thread.sleep(1000);
        // Teams' own buckets a little roomier than what Tandem keeps to: a send arrives a little after its slot, by
        // up to 200 ms on a busy machine (6 slots at 30 a second), and a late one comes with the next ones
        RateLimits limits = stub.limit(PER_SECOND, Pacer.TENANT_BURST + 6, 8);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threads);
        CountDownLatch go = new CountDownLatch(1);
        long began = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2 * threads; t++) {
                TeamsMessenger mine = replicas.get(t % 2);
                int lane = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = lane; i < PEOPLE; i += 2 * threads) {
                        mine.send(person(i), hello(i));
                    }
                    // ten in all to one person, from both replicas: 7 a second to a conversation
                    if (lane < 2) {
                        for (int k = 0; k < 5; k++) {
                            mine.send(person(99), hello(99));
                        }
                    }
                    return null;
                }));
            }
            began = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(limits.refused()).as("sends Teams would have refused (429)").isZero();
        for (int i = 0; i < PEOPLE; i++) {
            assertThat(stub.posted("a:" + i)).as("a:" + i).singleElement()
                    .satisfies(s -> assertThat(s.text()).isEqualTo("Hello " + s.conversation().substring(2)));
        }
        // ten to one person from both replicas, which the stub's bucket of 8 for a conversation would have refused had
        // they come together: none was
        assertThat(stub.posted("a:99")).hasSize(10);
        // 100 sends at 30 a second after a burst of 10: three seconds, not the instant eight threads would take
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2800)).isLessThan(Duration.ofSeconds(8));
        assertThat(db.getCollection("teams_undelivered").countDocuments()).isZero();
    }

    @Test
    void a429HoldsTheWholeTenantBackOnEveryReplicaThenEverythingGoesOnce() throws Exception {
        List<TeamsMessenger> replicas = List.of(replica(), replica());
        stub.failNextSends("2", 429);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> replicas.get(0).send(person(1), hello(1))));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stub.calls().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(stub.calls()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(429));
            Duration seen = Duration.ZERO;
            while (seen.isZero() && System.nanoTime() < until) {
                // the first replica tells the budget once it has read Teams' answer
                seen = replicas.get(1).backlog(new Scope(TeamsMessenger.PLATFORM, TENANT));
            }
            assertThat(seen).as("the other replica sees the wait").isGreaterThan(Duration.ofSeconds(1));
            for (int r = 0; r < 2; r++) {
                TeamsMessenger mine = replicas.get(r);
                int n = 10 + r;
                done.add(pool.submit(() -> mine.send(person(n), hello(n))));
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ConnectorStub.Call> calls = stub.calls();
        ConnectorStub.Call throttled = calls.get(0);
        assertThat(calls).as("one 429, then the three messages, none before the wait was over").hasSize(4)
                .allSatisfy(c -> {
                    if (c != throttled) {
                        assertThat(c.status()).isEqualTo(200);
                        assertThat(Duration.ofNanos(c.at() - throttled.at())).isGreaterThanOrEqualTo(
                                Duration.ofMillis(1900));
                    }
                });
        for (int n : new int[] {1, 10, 11}) {
            assertThat(stub.posted("a:" + n)).as("a:" + n).hasSize(1);
        }
        assertThat(db.getCollection("teams_undelivered").countDocuments()).isZero();
    }
}

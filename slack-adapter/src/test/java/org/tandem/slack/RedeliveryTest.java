package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * What Slack does not take, even after the inline retries, is kept in {@code slack_undelivered} and sent by a later
 * sweep ({@link SlackMessenger#redeliver}), once, even with two replicas sweeping at the same moment; what never
 * goes out is marked dead, loudly, without its content. Real Slack client, real HTTP, a stub for Slack.
 */
class RedeliveryTest {

    private static final String SECRET = "Alice is nervous about the all-hands";
    private static final PersonRef ALICE = new PersonRef("slack", "T1", "UALICE");

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final MongoDatabase db = TestMongo.freshDatabase();
    private final WebApiStub slack = new WebApiStub();
    private final List<Duration> waits = new ArrayList<>();
    private final Slack client = Slack.getInstance(config(slack.url()));
    private final SlackMessenger messenger = messenger(db, "CADMIN", Optional.of("xoxb-1"));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    RedeliveryTest() {
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.tandem.slack")).addAppender(logs);
    }

    @AfterEach
    void close() throws Exception {
        ((Logger) LoggerFactory.getLogger("org.tandem.slack")).detachAppender(logs);
        slack.close();
        client.close();
    }

    private static SlackConfig config(String url) {
        SlackConfig c = new SlackConfig();
        c.setMethodsEndpointUrlPrefix(url);
        c.setStatsEnabled(false);
        return c;
    }

    private SlackMessenger messenger(MongoDatabase database, String adminChannel, Optional<String> token) {
        WebApi api = new WebApi(client, t -> token, waits::add);
        SlackStores stores = new SlackStores(new PendingForms(database, clock), new Undelivered(database, clock),
                new AdminChannels(database, adminChannel), new Installations(database, clock, TokenCipher.NONE));
        return new SlackMessenger(api, stores, p -> Locale.ENGLISH, t -> Messenger.Presence.UNKNOWN,
                new ResponseUrls(client, slack.url()));
    }

    private static Message secret() {
        return Message.builder().text(Rich.markup(SECRET))
                .buttons(List.of(new Block.Button("intro.met", "We have met", "p1"))).build();
    }

    private Document parked() {
        return db.getCollection("slack_undelivered").find().first();
    }

    @Test
    void aMessageSlackKeepsRefusingIsKeptThenDeliveredOnceWhenSlackHeals() {
        slack.otherwise("500");
        MessageRef ref = messenger.send(Address.person(ALICE), secret());
        assertThat(SlackRef.of(ref)).as("the kept message's reference, for updates before it goes")
                .contains(new SlackRef.Parked("T1", parked().getObjectId("_id").toHexString(), "dm:UALICE"));
        assertThat(slack.calls()).hasSize(WebApi.ATTEMPTS);
        assertThat(parked()).containsEntry("status", "waiting").containsEntry("to", "dm:UALICE")
                .containsEntry("reason", "HTTP 500").containsEntry("attempts", 0);

        // the next sweep tries once (no waiting on the scheduler's thread), and Slack still refuses
        assertThat(messenger.redeliver(100)).isZero();
        assertThat(slack.calls()).hasSize(WebApi.ATTEMPTS + 1);
        assertThat(parked()).containsEntry("status", "waiting").containsEntry("attempts", 1);
        assertThat(messenger.redeliver(100)).as("not due before its back-off").isZero();
        assertThat(slack.calls()).hasSize(WebApi.ATTEMPTS + 1);

        slack.otherwise("ok");
        clock.advance(Undelivered.FIRST_WAIT);
        assertThat(messenger.redeliver(100)).isEqualTo(1);
        assertThat(slack.delivered()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo("UALICE");
            assertThat(c.blocks()).contains(SECRET, "intro.met");
            assertThat(c.text()).isEqualTo(SECRET);
        });
        clock.advance(Duration.ofHours(2));
        assertThat(messenger.redeliver(100)).isZero();
        assertThat(slack.delivered()).hasSize(1);
        assertThat(db.getCollection("slack_undelivered").countDocuments()).isZero();
        assertThat(waits).as("only the first send's inline retries waited").hasSize(WebApi.ATTEMPTS - 1);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(SECRET));
    }

    @Test
    void aMessageForAWorkspaceWithNoAdminChannelIsHeldUntilOneIsChosenThenSentOnce() {
        SlackMessenger noAdmin = messenger(db, null, Optional.of("xoxb-1"));
        noAdmin.send(Address.admin(new Scope("slack", "T1")), secret());
        assertThat(slack.calls()).as("nothing to try").isEmpty();
        assertThat(parked()).containsEntry("to", "admin").containsEntry("status", "held");
        clock.advance(Duration.ofDays(2));
        assertThat(noAdmin.redeliver(100)).as("held, not swept").isZero();
        assertThat(slack.calls()).isEmpty();

        new AdminChannels(db, null).set("T1", "CNEW", "UCAROL", clock.instant());
        noAdmin.flushAdmin("T1");
        assertThat(slack.delivered()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo("CNEW");
            assertThat(c.blocks()).contains(SECRET);
        });
        assertThat(noAdmin.redeliver(100)).isZero();
        assertThat(db.getCollection("slack_undelivered").countDocuments()).isZero();
    }

    @Test
    void aHeldMessageIsGivenUpAfterAMonthWithoutItsContent() {
        SlackMessenger noAdmin = messenger(db, null, Optional.of("xoxb-1"));
        noAdmin.send(Address.admin(new Scope("slack", "T1")), secret());
        clock.advance(Undelivered.KEEP_HELD.plusMinutes(1));
        noAdmin.redeliver(100);
        assertThat(parked()).containsEntry("status", "dead").doesNotContainKey("parts");
        assertThat(parked().toJson()).doesNotContain(SECRET);
    }

    @Test
    void aRateLimitIsWaitedOutAsLongAsSlackAsks() {
        slack.otherwise("429:45");
        messenger.send(Address.admin(new Scope("slack", "T1")), secret());
        assertThat(parked()).containsEntry("to", "admin").containsEntry("reason", "HTTP 429");
        slack.otherwise("ok");
        clock.advance(Duration.ofSeconds(44));
        assertThat(messenger.redeliver(100)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(messenger.redeliver(100)).isEqualTo(1);
        assertThat(slack.delivered()).singleElement().extracting(WebApiStub.Call::channel).isEqualTo("CADMIN");
    }

    @Test
    void twoReplicasSweepingAtOnceDeliverEachMessageOnce() throws Exception {
        slack.otherwise("ratelimited");
        for (int i = 0; i < 6; i++) {
            messenger.send(Address.person(new PersonRef("slack", "T1", "U" + i)), secret());
        }
        assertThat(db.getCollection("slack_undelivered").countDocuments(new Document("status", "waiting")))
                .isEqualTo(6);
        slack.otherwise("ok");
        slack.delay(30);
        try (MongoClient second = TestMongo.newClient()) {
            SlackMessenger replica = messenger(second.getDatabase(db.getName()), "CADMIN", Optional.of("xoxb-1"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (SlackMessenger m : List.of(messenger, replica)) {
                sweeps.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return m.redeliver(100);
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : sweeps) {
                total += f.get();
            }
            pool.shutdown();
            assertThat(total).isEqualTo(6);
        }
        assertThat(slack.delivered()).extracting(WebApiStub.Call::channel)
                .containsExactlyInAnyOrder("U0", "U1", "U2", "U3", "U4", "U5");
        assertThat(db.getCollection("slack_undelivered").countDocuments()).isZero();
    }

    @Test
    void aMessageThatNeverGoesOutIsMarkedDeadAndSaidSoWithoutItsContent() {
        slack.otherwise("503");
        messenger.send(Address.person(ALICE), secret());
        int sweeps = 0;
        while ("waiting".equals(parked().getString("status")) && sweeps++ < 100) {
            messenger.redeliver(100);
            clock.advance(Undelivered.LONGEST_WAIT);
        }
        Document dead = parked();
        assertThat(dead).containsEntry("status", "dead").containsEntry("reason", "HTTP 503").doesNotContainKey("parts");
        assertThat(dead.getInteger("attempts")).isLessThanOrEqualTo(Undelivered.MAX_ATTEMPTS);
        assertThat(Duration.between(dead.getDate("at").toInstant(), clock.instant()))
                .as("given up after a day at most").isLessThanOrEqualTo(Undelivered.MAX_AGE.plus(Undelivered.LONGEST_WAIT));
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains(dead.getObjectId("_id").toHexString(), "a DM", "T1", "HTTP 503", "given up")
                .doesNotContain(SECRET, "UALICE");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(SECRET));
        int calls = slack.calls().size();
        clock.advance(Duration.ofDays(2));
        assertThat(messenger.redeliver(100)).isZero();
        assertThat(slack.calls()).hasSize(calls);
    }

    @Test
    void aRefusalForGoodIsRecordedDeadAtOnceAndAnUninstalledWorkspaceGetsNothing() {
        slack.otherwise("channel_not_found");
        messenger.send(Address.person(ALICE), secret());
        assertThat(slack.calls()).as("not retried").hasSize(1);
        assertThat(parked()).containsEntry("status", "dead").containsEntry("reason", "channel_not_found")
                .doesNotContainKey("parts");
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(1);

        SlackMessenger uninstalled = messenger(db, "CADMIN", Optional.empty());
        uninstalled.send(Address.person(new PersonRef("slack", "T9", "UKIM")), secret());
        assertThat(slack.calls()).hasSize(1);
        assertThat(db.getCollection("slack_undelivered").countDocuments()).isEqualTo(1);
    }

    @Test
    void whenSlackTakesOnlyTheFirstPartsOfALongMessageOnlyTheRestIsKept() {
        Message.Builder long_ = Message.builder();
        for (int i = 0; i < BlockKit.MESSAGE_BLOCKS + 5; i++) {
            long_.text(Rich.markup("line " + i));
        }
        slack.next("ok");
        slack.otherwise("500");
        messenger.send(Address.person(ALICE), long_.build());
        assertThat(slack.delivered()).hasSize(1);
        assertThat(parked().getList("parts", Document.class)).singleElement()
                .satisfies(p -> assertThat(p.getString("blocks")).contains("line 54").doesNotContain("line 3\""));
        slack.otherwise("ok");
        assertThat(messenger.redeliver(100)).isEqualTo(1);
        assertThat(slack.delivered()).hasSize(2);
        assertThat(slack.delivered().get(1).blocks()).contains("line 50", "line 54");
    }

    @Test
    void theBackOffDoublesFromAMinuteToAnHour() {
        // equal jitter: half the doubled wait, plus up to as much again
        assertThat(Undelivered.backOff(1)).isBetween(Duration.ofSeconds(30), Duration.ofMinutes(1));
        assertThat(Undelivered.backOff(2)).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(2));
        assertThat(Undelivered.backOff(6)).isBetween(Duration.ofMinutes(16), Duration.ofMinutes(32));
        assertThat(Undelivered.backOff(7)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(Undelivered.backOff(40)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    }
}

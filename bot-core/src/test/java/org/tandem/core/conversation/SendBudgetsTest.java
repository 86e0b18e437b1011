package org.tandem.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** The budgets replicas share: together within the rate, a burst after a quiet time, a 429 holding everyone back. */
class SendBudgetsTest {

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final Pace.Rate tenASecond = Pace.Rate.perSecond(10, 3);

    @Test
    void aBurstGoesAtOnceThenTheSteadyRate() {
        SendBudgets budgets = new SendBudgets(db, clock);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(budgets.take("slack|T1", tenASecond));
        }
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(300));
        assertThat(budgets.wait("slack|T1", tenASecond)).isEqualTo(Duration.ofMillis(400));
        assertThat(budgets.take("slack|T2", tenASecond)).as("another workspace's budget").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(budgets.wait("slack|T1", tenASecond)).as("refilled after a quiet time").isZero();
        assertThat(budgets.take("slack|T1", Pace.Rate.UNLIMITED)).isZero();
    }

    @Test
    void twoReplicasTakingAtOnceStayWithinTheRateTogether() throws Exception {
        int perReplica = 150;
        List<Instant> slots = Collections.synchronizedList(new ArrayList<>());
        try (MongoClient first = TestMongo.newClient(); MongoClient second = TestMongo.newClient()) {
            List<SendBudgets> replicas = List.of(new SendBudgets(first.getDatabase(db.getName()), clock),
                    new SendBudgets(second.getDatabase(db.getName()), clock));
            CyclicBarrier start = new CyclicBarrier(4);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    SendBudgets mine = replicas.get(t % 2);
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perReplica / 2; i++) {
                            // the clock stands still: each slot is "now" plus the wait it was given
                            slots.add(clock.instant().plus(mine.take("teams|T1", tenASecond)));
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
        }
        List<Instant> sorted = new ArrayList<>(slots);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(2 * perReplica);
        // in any second: at most the rate plus the burst, and the slots are the steady rate's
        for (int i = 0; i + 13 < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + 13))).as("slots " + i + "-" + (i + 13))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(sorted.get(sorted.size() - 1)).isEqualTo(clock.instant().plusMillis(100L * (2 * perReplica - 3)));
    }

    @Test
    void aSlowDownHoldsEverySenderBackThenTheSteadyRateResumesWithoutABurst() {
        SendBudgets one = new SendBudgets(db, clock);
        SendBudgets other = new SendBudgets(db, clock);
        one.take("slack|T1", tenASecond);
        one.slow("slack|T1", tenASecond, Duration.ofSeconds(30));
        assertThat(other.wait("slack|T1", tenASecond)).isEqualTo(Duration.ofSeconds(30));
        assertThat(other.take("slack|T1", tenASecond)).isEqualTo(Duration.ofSeconds(30));
        assertThat(one.take("slack|T1", tenASecond)).isEqualTo(Duration.ofMillis(30_100));
        one.slow("slack|T1", tenASecond, Duration.ofSeconds(5));
        assertThat(other.take("slack|T1", tenASecond)).as("a shorter pause shortens nothing")
                .isEqualTo(Duration.ofMillis(30_200));
        one.slow("slack|T9", tenASecond, Duration.ofSeconds(2));
        assertThat(other.take("slack|T9", tenASecond)).as("a new budget, slowed").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void budgetsNobodyUsesAreDeleted() {
        SendBudgets budgets = new SendBudgets(db, clock);
        budgets.take("slack|T1|D1", tenASecond);
        clock.advance(SendBudgets.IDLE.minusSeconds(1));
        budgets.take("slack|T1|D2", tenASecond);
        clock.advance(Duration.ofSeconds(2));
        assertThat(budgets.tidy()).isEqualTo(1);
        assertThat(db.getCollection("send_budgets").countDocuments()).isEqualTo(1);
    }

    @Test
    void pacingTakesTheLaterOfTheWorkspacesAndTheConversationsSlot() {
        Pacing pacing = new Pacing(new SendBudgets(db, clock), "slack",
                new Pace(Pace.Rate.perSecond(1, 1), Pace.Rate.perSecond(10, 3)));
        assertThat(pacing.reserve("T1", "D1")).isZero();
        assertThat(pacing.reserve("T1", "D1")).as("one a second to one conversation").isEqualTo(Duration.ofSeconds(1));
        assertThat(pacing.reserve("T1", "D2")).as("another conversation").isZero();
        assertThat(pacing.reserve("T1", "D3")).as("the workspace's burst is spent").isEqualTo(Duration.ofMillis(100));
        pacing.throttled("T1", Duration.ofSeconds(20));
        assertThat(pacing.backlog("T1")).isEqualTo(Duration.ofSeconds(20));
        assertThat(pacing.backlog("T2")).isZero();
        assertThat(db.getCollection("send_budgets").find()).as("a conversation's id names its person: not kept")
                .allSatisfy(d -> assertThat(d.getString("_id")).doesNotContain("D1", "D2", "D3"));
        assertThat(db.getCollection("send_budgets").countDocuments()).isEqualTo(4);
        pacing.forget("T1", "D1");
        assertThat(db.getCollection("send_budgets").countDocuments()).as("forgotten with its person").isEqualTo(3);
        assertThat(pacing.reserve("T1", "D1")).as("a fresh conversation budget; the workspace still held back")
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(new Pace(Pace.Rate.perSecond(1, 1), Pace.Rate.perMinute(600, 20)).spread(10_000))
                .as("10,000 people at 600 a minute").isEqualTo(Duration.ofMillis(100L * 9_980));
    }
}

package org.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tandem.core.schedule.DueItem.Status;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** Replicas over one database: each item is delivered exactly once, also when a replica dies holding one. */
class SweeperConcurrencyTest {

    static final Duration LEASE = Duration.ofMinutes(5);

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private final DueHandler counting = new DueHandler() {
        @Override
        public String kind() {
            return "nudge";
        }

        @Override
        public void perform(DueItem item) {
            deliveries.computeIfAbsent(item.key(), k -> new AtomicInteger()).incrementAndGet();
        }
    };

    @Test
    void twoReplicasOnTwoConnectionsDeliverEachOfAThousandItemsExactlyOnce() throws Exception {
        DueItems items = new DueItems(db);
        for (int i = 0; i < 1000; i++) {
            items.schedule("nudge:" + i, "nudge", "slack", "T1", Map.of("n", i),
                    clock.instant().minusSeconds(i % 60));
        }
        try (MongoClient first = TestMongo.newClient(); MongoClient second = TestMongo.newClient()) {
            Sweeper a = new Sweeper(new DueItems(first.getDatabase(db.getName())), List.of(counting), clock, "a");
            Sweeper b = new Sweeper(new DueItems(second.getDatabase(db.getName())), List.of(counting), clock, "b");
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> byA = pool.submit(() -> {
                    start.await();
                    return a.sweep();
                });
                Future<Integer> byB = pool.submit(() -> {
                    start.await();
                    return b.sweep();
                });
                int sweptA = byA.get(2, TimeUnit.MINUTES);
                int sweptB = byB.get(2, TimeUnit.MINUTES);
                assertThat(sweptA + sweptB).isEqualTo(1000);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(deliveries).hasSize(1000);
        assertThat(deliveries.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(items.count(Status.DONE)).isEqualTo(1000);
    }

    @Test
    void anItemHeldByAReplicaThatDiedIsDeliveredOnceItsLeaseRunsOut() {
        DueItems items = new DueItems(db);
        items.schedule("nudge:p1", "nudge", "slack", "T1", Map.of("pair", "p1"), clock.instant());
        // the dead replica claimed it, then crashed before performing or completing it
        DueItem held = items.claim("dead", clock.instant(), LEASE).orElseThrow();
        Sweeper survivor = new Sweeper(items, List.of(counting), clock, "survivor");

        clock.advance(LEASE.minusSeconds(1));
        assertThat(survivor.sweep()).as("the lease still stands").isZero();
        assertThat(deliveries).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(survivor.sweep()).isEqualTo(1);
        clock.advance(LEASE.multipliedBy(3));
        assertThat(survivor.sweep()).isZero();
        assertThat(deliveries).containsOnlyKeys("nudge:p1");
        assertThat(deliveries.get("nudge:p1").get()).isEqualTo(1);
        assertThat(items.complete(held, "dead")).as("a ghost cannot finish it").isFalse();
        assertThat(items.find("nudge:p1").orElseThrow().status()).isEqualTo(Status.DONE);
    }
}

package org.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tandem.core.schedule.DueItem.Status;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * A replica that shuts down stops claiming after the item in hand and gives back what it holds, so that another
 * replica performs the rest at once rather than after their leases run out; nothing is performed twice.
 */
class SweeperStopTest {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final Sweeper.Settings SETTINGS =
            new Sweeper.Settings(LEASE, 100, Duration.ofSeconds(30), Duration.ofMinutes(10));

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final DueItems items = new DueItems(db);
    private final Blocking slow = new Blocking();

    private void schedule(int n) {
        for (int i = 0; i < n; i++) {
            items.schedule("k" + i, "slow", "slack", "T1", Map.of(), clock.instant().minusSeconds(n - i));
        }
    }

    @Test
    void aStopEndsTheSweepAfterTheItemInHandAndAnotherReplicaTakesTheRestAtOnce() throws Exception {
        schedule(5);
        Sweeper leaving = new Sweeper(items, List.of(slow), clock, "leaving", SETTINGS);
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(leaving::sweep);
        assertThat(slow.started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> leaving.stop(Duration.ofSeconds(10)));
        // the stop waits for the item in hand...
        Thread.sleep(200);
        assertThat(stop).isNotDone();
        slow.release.countDown();
        assertThat(stop.get(10, TimeUnit.SECONDS)).as("finished in time").isTrue();
        // ...which was finished, and nothing more was claimed
        assertThat(sweep.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(slow.keys).containsExactly("k0");
        assertThat(items.find("k0").orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(leaving.sweep()).as("a stopped sweeper sweeps no more").isZero();

        // the rest is another replica's at once, with no attempt counted against it
        Sweeper staying = new Sweeper(items, List.of(slow), clock, "staying", SETTINGS);
        assertThat(staying.sweep()).isEqualTo(4);
        assertThat(slow.keys).containsExactly("k0", "k1", "k2", "k3", "k4");
        assertThat(items.find("k4").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void leasesStillInTheReplicasNameAreGivenBackAndTheirAttemptUncounted() {
        schedule(3);
        // claims the stopping replica made but never finished (its completion failed, say)
        DueItems.Claims claims = items.claims("leaving", LEASE);
        DueItem a = claims.next(clock.instant()).orElseThrow();
        DueItem b = claims.next(clock.instant()).orElseThrow();
        // and one of another replica, which is not the leaving one's to give back
        items.claim("other", clock.instant(), LEASE).orElseThrow();

        Sweeper leaving = new Sweeper(items, List.of(slow), clock, "leaving", SETTINGS);
        slow.release.countDown();
        assertThat(leaving.stop(Duration.ofSeconds(1))).isTrue();

        for (DueItem given : List.of(a, b)) {
            DueItem now = items.find(given.key()).orElseThrow();
            assertThat(now.status()).isEqualTo(Status.PENDING);
            assertThat(now.attempts()).isZero();
            assertThat(now.lease()).isEmpty();
        }
        assertThat(items.find("k2").orElseThrow().lease().orElseThrow().owner()).isEqualTo("other");
        // claimable now, by anyone, oldest first: not after the five minutes of their lease
        assertThat(items.claim("staying", clock.instant(), LEASE).map(DueItem::key)).contains(a.key());
        assertThat(items.claim("staying", clock.instant(), LEASE).map(DueItem::key)).contains(b.key());
    }

    @Test
    void anItemWhoseWorkOutlastsTheStopKeepsItsLeaseSoThatItIsNeverPerformedTwice() throws Exception {
        schedule(2);
        Sweeper leaving = new Sweeper(items, List.of(slow), clock, "leaving", SETTINGS);
        CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(leaving::sweep);
        assertThat(slow.started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(leaving.stop(Duration.ofMillis(200))).as("the work still runs").isFalse();
        DueItem running = items.find("k0").orElseThrow();
        assertThat(running.status()).isEqualTo(Status.LEASED);
        assertThat(running.lease().orElseThrow().owner()).isEqualTo("leaving");
        assertThat(items.claim("staying", clock.instant(), LEASE).map(DueItem::key)).as("only the next one")
                .contains("k1");

        slow.release.countDown();
        assertThat(sweep.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(items.find("k0").orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(slow.keys).containsExactly("k0");
    }

    @Test
    void releasingChangesNothingOfAReplicaThatHoldsNothing() {
        schedule(1);
        assertThat(items.release("nobody", Optional.empty())).isZero();
        assertThat(items.find("k0").orElseThrow().status()).isEqualTo(Status.PENDING);
    }

    /** A handler whose first item blocks until the test lets it go. */
    static final class Blocking implements DueHandler {
        final List<String> keys = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String kind() {
            return "slow";
        }

        @Override
        public void perform(DueItem item) {
            keys.add(item.key());
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

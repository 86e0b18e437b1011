package org.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tandem.core.schedule.DueItem.Status;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** The sweeper performs what is due once, backs failures off with jitter, and gives up loudly. */
class SweeperTest {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final Sweeper.Settings SETTINGS =
            new Sweeper.Settings(LEASE, 100, Duration.ofSeconds(30), Duration.ofMinutes(10));

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final DueItems items = new DueItems(db, 4);
    private final Recording nudges = new Recording("nudge");

    private Sweeper sweeper(DueHandler... handlers) {
        return new Sweeper(items, List.of(handlers), clock, "replica-1", SETTINGS);
    }

    private void schedule(String key, String kind, Duration fromNow) {
        items.schedule(key, kind, "slack", "T1", Map.of("pair", key), clock.instant().plus(fromNow));
    }

    @Test
    void performsWhatIsDueOnceAndLeavesTheRestForLater() {
        Sweeper sweeper = sweeper(nudges);
        schedule("a", "nudge", Duration.ZERO);
        schedule("b", "nudge", Duration.ofMinutes(-10));
        schedule("c", "nudge", Duration.ofDays(1));

        assertThat(sweeper.sweep()).isEqualTo(2);
        assertThat(nudges.keys).containsExactlyInAnyOrder("a", "b");
        assertThat(items.find("a").orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(sweeper.sweep()).as("nothing more is due").isZero();

        clock.advance(Duration.ofDays(1));
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(nudges.keys).hasSize(3).endsWith("c");
    }

    @Test
    void aFailureBacksOffExponentiallyWithJitterAndTheLastAttemptFails() {
        nudges.failing = true;
        Sweeper sweeper = sweeper(nudges);
        schedule("k", "nudge", Duration.ZERO);

        Duration expected = Duration.ofSeconds(30);
        for (int attempt = 1; attempt < 4; attempt++) {
            Instant now = clock.instant();
            assertThat(sweeper.sweep()).isEqualTo(1);
            DueItem waiting = items.find("k").orElseThrow();
            assertThat(waiting.status()).isEqualTo(Status.PENDING);
            assertThat(waiting.attempts()).isEqualTo(attempt);
            assertThat(waiting.lastError().orElseThrow()).contains("IllegalStateException: Slack is down");
            // equal jitter: between half the doubled wait and all of it
            assertThat(waiting.dueAt()).isBetween(now.plus(expected.dividedBy(2)), now.plus(expected));
            assertThat(sweeper.sweep()).as("not before its time").isZero();
            clock.set(waiting.dueAt());
            expected = expected.multipliedBy(2);
        }
        assertThat(sweeper.sweep()).isEqualTo(1);
        DueItem failed = items.find("k").orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.lastError().orElseThrow()).contains("Slack is down (gave up after 4 attempts)");
        assertThat(nudges.keys).hasSize(4);
        assertThat(items.count(Status.FAILED)).isEqualTo(1);
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        Sweeper sweeper = sweeper();
        for (int attempt = 1; attempt <= 40; attempt++) {
            Duration full = Duration.ofSeconds(30).multipliedBy(1L << Math.min(attempt - 1, 20));
            Duration cap = full.compareTo(SETTINGS.maxBackOff()) > 0 ? SETTINGS.maxBackOff() : full;
            assertThat(sweeper.backOff(attempt)).as("attempt " + attempt).isBetween(cap.dividedBy(2), cap);
        }
    }

    @Test
    void aFlakySendSucceedsOnItsSecondAttempt() {
        nudges.failing = true;
        Sweeper sweeper = sweeper(nudges);
        schedule("k", "nudge", Duration.ZERO);
        sweeper.sweep();
        nudges.failing = false;
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweeper.sweep()).isEqualTo(1);
        DueItem done = items.find("k").orElseThrow();
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void anUnknownKindFailsAtOnceWithAClearError() {
        Sweeper sweeper = sweeper(nudges);
        schedule("k", "digest", Duration.ZERO);
        assertThat(sweeper.sweep()).isEqualTo(1);
        DueItem failed = items.find("k").orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.lastError().orElseThrow()).contains("no handler for due items of kind 'digest'");
        assertThat(nudges.keys).isEmpty();
    }

    @Test
    void anItemWhoseAttemptsAllDiedIsFailedNotTriedForEver() {
        schedule("poison", "nudge", Duration.ZERO);
        // four replicas took it in turn and died (or hung) with it, leaving their leases to run out
        for (int i = 0; i < 4; i++) {
            assertThat(items.claim("dead-" + i, clock.instant(), LEASE)).isPresent();
            clock.advance(LEASE);
        }
        assertThat(sweeper(nudges).sweep()).isEqualTo(1);
        DueItem failed = items.find("poison").orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.lastError().orElseThrow()).contains("the last did not finish");
        assertThat(nudges.keys).isEmpty();
    }

    @Test
    void oneSweepIsBounded() {
        Sweeper sweeper = new Sweeper(items, List.of(nudges), clock, "replica-1",
                new Sweeper.Settings(LEASE, 3, Duration.ofSeconds(30), Duration.ofMinutes(10)));
        for (int i = 0; i < 5; i++) {
            schedule("k" + i, "nudge", Duration.ZERO);
        }
        assertThat(sweeper.sweep()).isEqualTo(3);
        assertThat(sweeper.sweep()).isEqualTo(2);
    }

    @Test
    void aKindHasOneHandler() {
        assertThatThrownBy(() -> sweeper(nudges, new Recording("nudge")))
                .hasMessageContaining("two handlers for due items of kind 'nudge'");
    }

    @Test
    void theCoreSweepsItsOwnDueItemsAtItsClocksTime() {
        Chat chat = new Chat();
        DueItems scheduled = chat.core().dueItems();
        scheduled.schedule("later", "no-such-kind", "test", Chat.TENANT, Map.of(),
                chat.clock().instant().plus(Duration.ofDays(14)));
        assertThat(chat.core().sweep()).isZero();
        chat.clock().advance(Duration.ofDays(14));
        assertThat(chat.core().sweep()).isEqualTo(1);
        assertThat(scheduled.count(Status.FAILED)).as("the core has no handler of that kind yet").isEqualTo(1);
    }

    @Test
    void anOwnerIdNamesTheHostAndIsUnique() {
        assertThat(Sweeper.newOwnerId()).isNotBlank().isNotEqualTo(Sweeper.newOwnerId());
    }

    /** A handler that records what it performed, and can be made to fail. */
    @Test
    void aLeaseIsRenewedWhileItsWorkRunsSoNoOtherReplicaTakesItOver() throws Exception {
        // real time: the lease is short, the work three times longer
        java.time.Clock real = java.time.Clock.systemUTC();
        Duration lease = Duration.ofMillis(300);
        Sweeper.Settings quick = new Sweeper.Settings(lease, 100, Duration.ofSeconds(30), Duration.ofMinutes(10));
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger performed = new java.util.concurrent.atomic.AtomicInteger();
        DueHandler slow = DueHandler.of("nudge", item -> {
            performed.incrementAndGet();
            running.countDown();
            try {
                Thread.sleep(lease.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        items.schedule("k", "nudge", "slack", "T1", Map.of(), real.instant());
        Sweeper first = new Sweeper(items, List.of(slow), real, "first", quick);
        Sweeper second = new Sweeper(items, List.of(slow), real, "second", quick);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> sweeping = pool.submit(first::sweep);
            assertThat(running.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            int takenOver = 0;
            while (!sweeping.isDone()) {
                takenOver += second.sweep();
                Thread.sleep(50);
            }
            assertThat(sweeping.get()).isEqualTo(1);
            assertThat(takenOver).as("the lease was renewed").isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(performed.get()).isEqualTo(1);
        assertThat(items.find("k").orElseThrow().status()).isEqualTo(Status.DONE);
    }

    @Test
    void aWorkspaceWhoseBudgetIsSpentFarAheadWaitsInTheStoreAndTheOthersGoOn() {
        Sweeper.Backlog busy = scope -> scope.tenant().equals("T1") ? Duration.ofSeconds(40) : Duration.ofSeconds(1);
        Sweeper sweeper = new Sweeper(items, List.of(nudges), clock, "replica-1", SETTINGS, busy);
        items.schedule("throttled", "nudge", "slack", "T1", Map.of(), clock.instant());
        items.schedule("fine", "nudge", "slack", "T2", Map.of(), clock.instant());

        assertThat(sweeper.sweep()).isEqualTo(2);
        assertThat(nudges.keys).as("a wait of a second is waited for by the adapter").containsExactly("fine");
        DueItem waiting = items.find("throttled").orElseThrow();
        assertThat(waiting.status()).isEqualTo(Status.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(items.nextClaimable()).contains(clock.instant().plusSeconds(40));

        clock.advance(Duration.ofSeconds(40));
        new Sweeper(items, List.of(nudges), clock, "replica-1", SETTINGS).sweep();
        assertThat(nudges.keys).containsExactly("fine", "throttled");
    }

    static final class Recording implements DueHandler {
        final String kind;
        final List<String> keys = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        Recording(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public void perform(DueItem item) {
            keys.add(item.key());
            if (failing) {
                throw new IllegalStateException("Slack is down");
            }
        }
    }
}

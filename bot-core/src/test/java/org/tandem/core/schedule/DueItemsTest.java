package org.tandem.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tandem.core.schedule.DueItem.Status;
import org.tandem.core.testing.TestMongo;

/** The due-item repository on a real (embedded) MongoDB: idempotent scheduling, leases and their guards. */
class DueItemsTest {

    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final DueItems items = new DueItems(db, 3);

    private boolean schedule(String key, Instant dueAt) {
        return items.schedule(key, "nudge", "slack", "T1", Map.of("pair", "p1"), dueAt);
    }

    @Test
    void aKeyIsScheduledOnce() {
        assertThat(schedule("nudge:p1:1", T)).isTrue();
        assertThat(items.schedule("nudge:p1:1", "digest", "teams", "T2", Map.of("pair", "p9"), T.plusSeconds(60)))
                .as("the second schedule of a key").isFalse();
        DueItem stored = items.find("nudge:p1:1").orElseThrow();
        assertThat(stored.kind()).isEqualTo("nudge");
        assertThat(stored.platform()).isEqualTo("slack");
        assertThat(stored.tenant()).isEqualTo("T1");
        assertThat(stored.payload()).isEqualTo(Map.of("pair", "p1"));
        assertThat(stored.dueAt()).isEqualTo(T);
        assertThat(stored.status()).isEqualTo(Status.PENDING);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.lastError()).isEmpty();
        assertThat(stored.lease()).isEmpty();
    }

    @Test
    void twoReplicasRacingToScheduleAKeyScheduleItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(() -> schedule("digest:T1:2026-03-02", T));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(racers)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void thePayloadComesBackAsItWasGiven() {
        Map<String, Object> payload = Map.of("pair", "p1", "round", 3, "big", 10_000_000_000L, "ratio", 0.5,
                "mentorFirst", true, "people", List.of("slack|T1|U1", "slack|T1|U2"));
        items.schedule("k", "nudge", "slack", "T1", payload, T);
        DueItem item = items.find("k").orElseThrow();
        assertThat(item.payload()).isEqualTo(payload);
        assertThat(item.payloadString("pair")).isEqualTo("p1");
        assertThatThrownBy(() -> item.payloadString("round")).hasMessageContaining("no string 'round'");
    }

    @Test
    void aPayloadHoldsSmallPlainValuesOnly() {
        assertThatThrownBy(() -> items.schedule("k", "nudge", "slack", "T1", Map.of("at", T), T))
                .hasMessageContaining("payload field 'at' must be a string");
        assertThatThrownBy(() -> items.schedule("k", "nudge", "slack", "T1", Map.of("m", Map.of("a", 1)), T))
                .hasMessageContaining("payload field 'm'");
        assertThatThrownBy(() -> items.schedule("k", "nudge", "slack", "T1", Map.of("a.b", 1), T))
                .hasMessageContaining("field name");
        assertThatThrownBy(() -> items.schedule("k", "nudge", "slack", "T1", Map.of("$set", 1), T))
                .hasMessageContaining("field name");
        assertThatThrownBy(() -> items.schedule("k", "nudge", "slack", "T1", Map.of("text", "x".repeat(9000)), T))
                .hasMessageContaining("store an id");
        assertThatThrownBy(() -> items.schedule(" ", "nudge", "slack", "T1", Map.of(), T))
                .hasMessageContaining("key");
        assertThat(items.find("k")).as("nothing refused was stored").isEmpty();
    }

    @Test
    void anItemIsClaimedOnlyOnceItIsDue() {
        schedule("later", T.plusSeconds(120));
        schedule("sooner", T.plusSeconds(60));
        assertThat(items.claim("a", T, LEASE)).isEmpty();
        assertThat(items.claim("a", T.plusSeconds(59), LEASE)).isEmpty();

        DueItem first = items.claim("a", T.plusSeconds(60), LEASE).orElseThrow();
        assertThat(first.key()).isEqualTo("sooner");
        assertThat(first.status()).isEqualTo(Status.LEASED);
        assertThat(first.attempts()).isEqualTo(1);
        DueItem.Lease lease = first.lease().orElseThrow();
        assertThat(lease.owner()).isEqualTo("a");
        assertThat(lease.until()).isEqualTo(T.plusSeconds(60).plus(LEASE));
        assertThat(items.find("sooner").orElseThrow()).isEqualTo(first);
        assertThat(items.claim("b", T.plusSeconds(119), LEASE)).as("one is not due, one is held").isEmpty();
        assertThat(items.claim("b", T.plusSeconds(120), LEASE).orElseThrow().key()).isEqualTo("later");
        assertThat(items.claim("c", T.plusSeconds(120), LEASE)).as("both are held").isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFormerOwnerCanNoLongerFinish() {
        schedule("k", T);
        DueItem byA = items.claim("a", T, LEASE).orElseThrow();
        assertThat(items.claim("b", T.plus(LEASE).minusMillis(1), LEASE)).as("lease still held").isEmpty();

        DueItem byB = items.claim("b", T.plus(LEASE), LEASE).orElseThrow();
        assertThat(byB.attempts()).isEqualTo(2);
        assertThat(byB.lease().orElseThrow().owner()).isEqualTo("b");

        assertThat(items.complete(byA, "a")).as("a lost its lease").isFalse();
        assertThat(items.retry(byA, "a", T, "late")).isFalse();
        assertThat(items.fail(byA, "a", "late")).isFalse();
        assertThat(items.find("k").orElseThrow().lease().orElseThrow().owner()).isEqualTo("b");
        assertThat(items.complete(byB, "b")).isTrue();
        assertThat(items.find("k").orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(items.complete(byB, "b")).as("done once").isFalse();
    }

    @Test
    void theSameOwnersOlderAttemptIsFencedOffToo() {
        schedule("k", T);
        DueItem first = items.claim("a", T, LEASE).orElseThrow();
        DueItem second = items.claim("a", T.plus(LEASE), LEASE).orElseThrow();
        assertThat(items.complete(first, "a")).isFalse();
        assertThat(items.complete(second, "a")).isTrue();
    }

    @Test
    void onlyTheOwnerCompletesRetriesOrFails() {
        schedule("k", T);
        DueItem item = items.claim("a", T, LEASE).orElseThrow();
        assertThat(items.complete(item, "b")).isFalse();
        assertThat(items.retry(item, "b", T.plusSeconds(30), "x")).isFalse();
        assertThat(items.fail(item, "b", "x")).isFalse();
        assertThat(items.find("k").orElseThrow().status()).isEqualTo(Status.LEASED);
    }

    @Test
    void aRetryWaitsThenCountsAnotherAttemptAndTheLastOneFails() {
        schedule("k", T);
        DueItem one = items.claim("a", T, LEASE).orElseThrow();
        assertThat(items.retry(one, "a", T.plusSeconds(30), "Slack said 500")).isTrue();
        DueItem waiting = items.find("k").orElseThrow();
        assertThat(waiting.status()).isEqualTo(Status.PENDING);
        assertThat(waiting.dueAt()).isEqualTo(T.plusSeconds(30));
        assertThat(waiting.lastError().orElseThrow()).contains("Slack said 500");
        assertThat(items.claim("a", T.plusSeconds(29), LEASE)).isEmpty();

        DueItem two = items.claim("a", T.plusSeconds(30), LEASE).orElseThrow();
        assertThat(two.attempts()).isEqualTo(2);
        assertThat(items.retry(two, "a", T.plusSeconds(90), "Slack said 503")).isTrue();
        DueItem three = items.claim("a", T.plusSeconds(90), LEASE).orElseThrow();
        assertThat(items.retry(three, "a", T.plusSeconds(300), "Slack said 502")).isTrue();

        DueItem failed = items.find("k").orElseThrow();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.lastError().orElseThrow()).contains("Slack said 502 (gave up after 3 attempts)");
        assertThat(items.count(Status.FAILED)).isEqualTo(1);
        assertThat(items.claim("a", T.plus(Duration.ofDays(30)), LEASE)).as("failed is final").isEmpty();
    }

    @Test
    void onlyAPendingItemIsRescheduled() {
        schedule("k", T);
        assertThat(items.reschedule("k", T.plusSeconds(600))).isTrue();
        assertThat(items.claim("a", T.plusSeconds(599), LEASE)).isEmpty();
        DueItem item = items.claim("a", T.plusSeconds(600), LEASE).orElseThrow();
        assertThat(items.reschedule("k", T)).as("leased").isFalse();
        assertThat(items.reschedule("nope", T)).isFalse();
        items.complete(item, "a");
        assertThat(items.reschedule("k", T)).as("done").isFalse();
    }

    @Test
    void cancellingFreesTheKeyButNeverUndoesDoneWork() {
        schedule("open", T);
        assertThat(items.cancel("open")).isTrue();
        assertThat(items.find("open")).isEmpty();
        assertThat(items.cancel("open")).isFalse();
        assertThat(schedule("open", T)).as("a cancelled key may be scheduled again").isTrue();

        schedule("done", T.minusSeconds(1));
        DueItem d = items.claim("a", T.minusSeconds(1), LEASE).orElseThrow();
        assertThat(d.key()).isEqualTo("done");
        items.complete(d, "a");
        assertThat(items.cancel("done")).isFalse();
        assertThat(schedule("done", T)).as("still scheduled once").isFalse();
    }

    @Test
    void cancellingByPayloadFieldTakesOnlyThatKindAndValue() {
        items.schedule("n1", "nudge", "slack", "T1", Map.of("pair", "p1"), T);
        items.schedule("n2", "nudge", "slack", "T1", Map.of("pair", "p1", "round", 2), T.plusSeconds(60));
        items.schedule("n3", "nudge", "slack", "T1", Map.of("pair", "p2"), T);
        items.schedule("r1", "reflection", "slack", "T1", Map.of("pair", "p1"), T);
        assertThat(items.cancelAll("nudge", "pair", "p1")).isEqualTo(2);
        assertThat(items.find("n1")).isEmpty();
        assertThat(items.find("n2")).isEmpty();
        assertThat(items.find("n3")).isPresent();
        assertThat(items.find("r1")).isPresent();
        assertThatThrownBy(() -> items.cancelAll("nudge", "$where", "1")).hasMessageContaining("field name");
    }

    @Test
    void aDoneItemLeavesTheClaimPathForTheHistoryAndKeepsItsKey() {
        schedule("k", T);
        DueItem item = items.claim("a", T, LEASE).orElseThrow();
        assertThat(items.complete(item, "a")).isTrue();
        assertThat(items.find("k").orElseThrow().status()).isEqualTo(Status.DONE);
        assertThat(items.archive()).isEqualTo(1);
        assertThat(db.getCollection("due_items").countDocuments()).as("nothing done is left to scan").isZero();
        assertThat(db.getCollection("due_history").countDocuments()).isEqualTo(1);
        DueItem done = items.find("k").orElseThrow();
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.payload()).isEqualTo(Map.of("pair", "p1"));
        assertThat(items.count(Status.DONE)).isEqualTo(1);
        assertThat(schedule("k", T.plusSeconds(60))).as("a key is scheduled once, done or not").isFalse();
        assertThat(items.claim("b", T.plus(Duration.ofDays(1)), LEASE)).isEmpty();

        assertThat(items.forget("pair", "p1")).as("erased from the history too").isEqualTo(1);
        assertThat(items.find("k")).isEmpty();
    }

    @Test
    void theOldestDueComesFirstThenTheFirstScheduledWhateverWhereTheStoreKeepsThem() {
        schedule("c", T.plusSeconds(3));
        schedule("gone", T);
        schedule("b", T.plusSeconds(2));
        items.cancel("gone");
        // the embedded server puts a new document where a deleted one was: first in a scan
        schedule("late", T.plusSeconds(10));
        schedule("a1", T.plusSeconds(1));
        schedule("a2", T.plusSeconds(1));
        DueItems.Claims claims = items.claims("a", LEASE);
        List<String> order = new ArrayList<>();
        for (Optional<DueItem> next = claims.next(T.plusSeconds(10)); next.isPresent();
             next = claims.next(T.plusSeconds(10))) {
            order.add(next.get().key());
        }
        assertThat(order).containsExactly("a1", "a2", "b", "c", "late");
    }

    @Test
    void aClaimSkipsWhatChangedSinceItWasReadAndReadsOnUntilNothingIsDue() {
        for (int i = 0; i < DueItems.CLAIM_BATCH + 5; i++) {
            schedule("k" + i, T.plusMillis(i));
        }
        DueItems.Claims mine = items.claims("a", LEASE);
        assertThat(mine.next(T.plusSeconds(1)).orElseThrow().key()).isEqualTo("k0");
        // meanwhile another replica takes k1, k2 is moved later and k3 cancelled
        assertThat(items.claim("b", T.plusSeconds(1), LEASE).orElseThrow().key()).isEqualTo("k1");
        assertThat(items.reschedule("k2", T.plusSeconds(3600))).isTrue();
        assertThat(items.cancel("k3")).isTrue();
        assertThat(mine.next(T.plusSeconds(1)).orElseThrow().key()).isEqualTo("k4");
        int rest = 0;
        while (mine.next(T.plusSeconds(1)).isPresent()) {
            rest++;
        }
        assertThat(rest).as("the rest, past the first batch").isEqualTo(DueItems.CLAIM_BATCH + 5 - 5);
    }

    @Test
    void aRenewedLeaseHoldsAndADeferredItemComesBackUncounted() {
        schedule("k", T);
        DueItem item = items.claim("a", T, LEASE).orElseThrow();
        assertThat(items.renew(item, "a", T.plus(LEASE).plusSeconds(60))).isTrue();
        assertThat(items.claim("b", T.plus(LEASE), LEASE)).as("renewed: still held").isEmpty();
        assertThat(items.renew(item, "b", T.plus(LEASE).plusSeconds(90))).as("only its owner renews").isFalse();

        assertThat(items.defer(item, "a", T.plusSeconds(600))).isTrue();
        DueItem waiting = items.find("k").orElseThrow();
        assertThat(waiting.status()).isEqualTo(Status.PENDING);
        assertThat(waiting.attempts()).as("a deferral is no attempt").isZero();
        assertThat(waiting.dueAt()).as("still due when it was").isEqualTo(T);
        assertThat(items.claim("b", T.plusSeconds(599), LEASE)).isEmpty();
        DueItem again = items.claim("b", T.plusSeconds(600), LEASE).orElseThrow();
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(items.renew(item, "a", T.plusSeconds(900))).as("the old claim is fenced off").isFalse();
    }

    @Test
    void archivingFinishesAMoveACrashCutShortAndMovesInBatches() {
        // a move that copied an item into the history and stopped before it was deleted from due_items
        for (int i = 0; i < DueItems.ARCHIVE_BATCH + 10; i++) {
            schedule("k" + i, T);
        }
        DueItems.Claims claims = items.claims("a", LEASE);
        for (Optional<DueItem> next = claims.next(T); next.isPresent(); next = claims.next(T)) {
            assertThat(items.complete(next.get(), "a")).isTrue();
        }
        db.getCollection("due_history").insertOne(db.getCollection("due_items").find(
                new org.bson.Document("_id", "k3")).first());
        assertThat(items.archive()).isEqualTo(DueItems.ARCHIVE_BATCH + 10);
        assertThat(db.getCollection("due_items").countDocuments()).isZero();
        assertThat(db.getCollection("due_history").countDocuments()).isEqualTo(DueItems.ARCHIVE_BATCH + 10);
        assertThat(items.count(Status.DONE)).isEqualTo(DueItems.ARCHIVE_BATCH + 10);
        assertThat(schedule("k3", T)).isFalse();
        assertThat(items.archive()).as("nothing left to move").isZero();
    }
}

package org.tandem.core.conversation;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.store.Inserts;

/**
 * The send budgets every replica shares, in the {@code send_budgets} collection: one document per workspace and per
 * conversation that Tandem writes to, holding when its budget is spent up to (the "theoretical arrival time" of the
 * generic cell rate algorithm). A send takes its slot with one guarded update: of two replicas taking at once, each
 * gets its own slot, so that together they stay within the platform's rate. A platform's "slow down" (HTTP 429)
 * pushes a workspace's budget past the wait it asked for, for every replica at once.
 *
 * <p>Times are the application's clock: the system's, or the dev clock, which runs at the same rate and jumps
 * forward (a jump leaves every budget fresh, as the time passing would have). Each change is guarded by one exact field, {@code ver} (the budget and its version), under a unique index, which
 * the embedded server answers from.
 */
public final class SendBudgets {

    /** Conflicting takes a send retries before it goes at the last slot it read (never for ever on a hot spot). */
    private static final int TRIES = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SendBudgets.class);
    /** A budget unused that long is as good as new: it is deleted. */
    static final Duration IDLE = Duration.ofMinutes(5);

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public SendBudgets(MongoDatabase db) {
        this(db, Clock.systemUTC());
    }

    public SendBudgets(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("send_budgets");
        this.clock = clock;
        collection.createIndex(Indexes.ascending("ver"), new IndexOptions().name("ver").unique(true));
    }

    /** Takes one send's slot from a budget: how long the send must wait for it (zero: at once). */
    public Duration take(String budget, Pace.Rate rate) {
        if (!rate.limited()) {
            return Duration.ZERO;
        }
        long interval = rate.interval().toNanos();
        long tolerance = rate.tolerance().toNanos();
        long at = 0;
        long now = 0;
        for (int i = 0; i < TRIES; i++) {
            now = nanos();
            Document d = collection.find(eq("_id", budget)).first();
            if (d == null) {
                if (Inserts.once(collection, budget(budget, 0, now + interval))) {
                    return Duration.ZERO;
                }
                continue;
            }
            long tat = d.getLong("tat");
            at = Math.max(now, tat - tolerance);
            if (set(budget, d.getLong("v"), Math.max(tat, now) + interval)) {
                return Duration.ofNanos(at - now);
            }
            // another sender took the slot first: read again, after a moment that tells the racers apart
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 1_000_000));
        }
        log.warn("a send budget was taken by others {} times in a row: this send goes at the last slot it read",
                TRIES);
        return Duration.ofNanos(Math.max(0, at - now));
    }

    /** How long a send would wait for a slot now, without taking one. */
    public Duration wait(String budget, Pace.Rate rate) {
        if (!rate.limited()) {
            return Duration.ZERO;
        }
        Document d = collection.find(eq("_id", budget)).first();
        return d == null ? Duration.ZERO
                : Duration.ofNanos(Math.max(0, d.getLong("tat") - rate.tolerance().toNanos() - nanos()));
    }

    /** The platform asked to wait {@code pause}: no send from this budget goes before it is over, on any replica. */
    public void slow(String budget, Pace.Rate rate, Duration pause) {
        if (!rate.limited() || pause.isNegative() || pause.isZero()) {
            return;
        }
        for (int i = 0; i < TRIES; i++) {
            long now = nanos();
            // the next send goes once the pause is over, and from then on at the steady rate: no burst on resuming
            long until = now + pause.toNanos() + rate.tolerance().toNanos();
            Document d = collection.find(eq("_id", budget)).first();
            if (d == null) {
                if (Inserts.once(collection, budget(budget, 0, until))) {
                    return;
                }
                continue;
            }
            if (d.getLong("tat") >= until || set(budget, d.getLong("v"), until)) {
                return;
            }
        }
    }

    /** Deletes one budget (a conversation of a person who erased their data). */
    public void forget(String budget) {
        collection.deleteOne(eq("_id", budget));
    }

    /** Deletes the budgets nobody used for {@link #IDLE} (a person's conversation after a broadcast); how many. */
    public long tidy() {
        return collection.deleteMany(lt("tat", nanos() - IDLE.toNanos())).getDeletedCount();
    }

    private boolean set(String budget, long version, long tat) {
        return collection.updateOne(eq("ver", ver(budget, version)), Updates.combine(Updates.set("tat", tat),
                Updates.set("v", version + 1), Updates.set("ver", ver(budget, version + 1)))).getModifiedCount() == 1;
    }

    private static Document budget(String budget, long version, long tat) {
        return new Document("_id", budget).append("tat", tat).append("v", version).append("ver", ver(budget, version));
    }

    private static String ver(String budget, long version) {
        return budget + "#" + version;
    }

    /** The clock in nanoseconds since the epoch: one time line for every replica. */
    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

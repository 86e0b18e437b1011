package org.tandem.core.schedule;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.tandem.core.store.Inserts;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.schedule.DueItem.Lease;
import org.tandem.core.schedule.DueItem.Status;

/**
 * The {@code due_items} collection: what is to be done when, claimed by one replica at a time with a lease.
 * Every state change is one guarded atomic update, so any number of replicas may share it.
 *
 * <p>Two fields serve the sweep. {@code claimableAt} says when a sweep may take an item: its {@code dueAt} while
 * PENDING, the end of its lease while LEASED, absent once DONE or FAILED; a claim is one range on it (an index on
 * MongoDB; a scan on the embedded server, which has no secondary indexes). {@code lease} names the claim
 * that holds an item (its owner and an id new with every claim), only while LEASED: it is the guard of every
 * change after a claim, as for every claimed thing ({@link org.tandem.core.store.Lease}). Its index is unique
 * because the embedded server uses unique indexes, for exact matches, and no other.
 */
public final class DueItems {

    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    static final int MAX_ERROR = 1000;

    private static final Logger log = LoggerFactory.getLogger(DueItems.class);
    private static final List<String> OPEN = List.of(Status.PENDING.name(), Status.LEASED.name());

    private final MongoCollection<Document> collection;
    private final int maxAttempts;

    public DueItems(MongoDatabase db) {
        this(db, DEFAULT_MAX_ATTEMPTS);
    }

    /** With {@code maxAttempts}: how many failed attempts an item gets before it is FAILED for good. */
    public DueItems(MongoDatabase db, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.collection = db.getCollection("due_items");
        this.maxAttempts = maxAttempts;
        collection.createIndex(Indexes.ascending("claimableAt"), new IndexOptions().name("claimable"));
        org.tandem.core.store.Lease.index(collection);
        collection.createIndex(Indexes.ascending("status", "kind"), new IndexOptions().name("status_kind"));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Schedules an item, once per key: returns false and changes nothing when the key is already there (pending,
     * running, done or failed), also when two replicas race (the unique id decides). Only {@link #cancel} frees
     * a key.
     */
    public boolean schedule(String key, String kind, String platform, String tenant, Map<String, ?> payload,
                            Instant dueAt) {
        requireText(key, "key", 200);
        requireText(kind, "kind", 100);
        requireText(platform, "platform", 100);
        requireText(tenant, "tenant", 200);
        Date due = Date.from(java.util.Objects.requireNonNull(dueAt, "dueAt"));
        Document doc = new Document("_id", key)
                .append("kind", kind)
                .append("platform", platform)
                .append("tenant", tenant)
                .append("payload", DuePayload.toDocument(payload))
                .append("dueAt", due)
                .append("status", Status.PENDING.name())
                .append("attempts", 0)
                .append("claimableAt", due);
        return Inserts.once(collection, doc);
    }

    /** Moves a PENDING item to another time (guard: still PENDING); false when it is not pending. */
    public boolean reschedule(String key, Instant newDueAt) {
        Date due = Date.from(newDueAt);
        return collection.updateOne(and(eq("_id", key), eq("status", Status.PENDING.name())),
                Updates.combine(Updates.set("dueAt", due), Updates.set("claimableAt", due))).getMatchedCount() == 1;
    }

    /**
     * Drops an item that is not done yet, and frees its key. An attempt running right now is not stopped, but it
     * will not be retried. False when there was nothing open to cancel.
     */
    public boolean cancel(String key) {
        return collection.deleteOne(and(eq("_id", key), in("status", OPEN))).getDeletedCount() == 1;
    }

    /** Cancels every open item of a kind whose payload has {@code field = value} (e.g. all nudges of a pair). */
    public long cancelAll(String kind, String field, Object value) {
        DuePayload.requireField(field);
        return collection.deleteMany(and(in("status", OPEN), eq("kind", kind), eq("payload." + field, value)))
                .getDeletedCount();
    }

    /**
     * Drops every item of a kind whose payload has {@code field = value} that is waiting for its time; one being
     * performed right now is left to finish (a handler may cancel its siblings without pulling the floor from
     * under itself).
     */
    public long cancelWaiting(String kind, String field, Object value) {
        DuePayload.requireField(field);
        return collection.deleteMany(and(eq("status", Status.PENDING.name()), eq("kind", kind),
                eq("payload." + field, value))).getDeletedCount();
    }

    /** How many items of a kind whose payload has {@code field = value} are still to be performed. */
    public long countOpen(String kind, String field, Object value) {
        DuePayload.requireField(field);
        return collection.countDocuments(and(in("status", OPEN), eq("kind", kind), eq("payload." + field, value)));
    }

    /**
     * Deletes every item, done or not, whose payload has {@code field = value}: what was planned for or about a
     * person who erased their data. Returns how many.
     */
    public long forget(String field, Object value) {
        DuePayload.requireField(field);
        return collection.deleteMany(eq("payload." + field, value)).getDeletedCount();
    }

    /**
     * Claims a due item for {@code owner}, for {@code leaseDuration}: a PENDING item due at {@code now} or before,
     * or a LEASED one whose lease ran out (its owner died or hung). One atomic findOneAndUpdate: of two replicas
     * asking at once, each gets a different item. Counts an attempt.
     *
     * <p>The filter is {@code claimableAt} alone (it exists only on open items), so that MongoDB's planner has one
     * index to choose, whose range scan yields the earliest first. No explicit sort: on the embedded server it
     * would sort every due item on every claim (there the oldest scheduled come first).
     */
    public Optional<DueItem> claim(String owner, Instant now, Duration leaseDuration) {
        requireText(owner, "owner", 200);
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("the lease must be positive");
        }
        Instant until = now.plus(leaseDuration).truncatedTo(ChronoUnit.MILLIS);
        Lease lease = new Lease(owner, until, UUID.randomUUID().toString());
        Document before = collection.findOneAndUpdate(lte("claimableAt", Date.from(now)),
                Updates.combine(
                        Updates.set("status", Status.LEASED.name()),
                        Updates.set(org.tandem.core.store.Lease.FIELD, token(lease.owner(), lease.id())),
                        Updates.set("leaseOwner", owner),
                        Updates.set("leaseUntil", Date.from(until)),
                        Updates.set("claimableAt", Date.from(until)),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return Optional.empty();
        }
        DueItem was = toItem(before);
        if (was.status() == Status.LEASED) {
            log.warn("due item {}: the lease of {} ran out before it finished (a replica died or hung); "
                    + "{} takes it over", was.key(), was.lease().map(Lease::owner).orElse("?"), owner);
        }
        return Optional.of(new DueItem(was.key(), was.kind(), was.platform(), was.tenant(), was.payload(),
                was.dueAt(), Status.LEASED, was.attempts() + 1, was.lastError(), Optional.of(lease)));
    }

    /** Marks a claimed item DONE; false when {@code owner} no longer holds this attempt's lease. */
    public boolean complete(DueItem item, String owner) {
        return collection.updateOne(heldBy(item, owner), Updates.combine(
                Updates.set("status", Status.DONE.name()),
                Updates.unset("claimableAt"),
                Updates.unset(org.tandem.core.store.Lease.FIELD))).getMatchedCount() == 1;
    }

    /**
     * Gives a failed attempt back to be tried again at {@code nextAttemptAt}, or, when it was the last of
     * {@link #maxAttempts()}, marks the item FAILED. False when {@code owner} no longer holds the lease.
     */
    public boolean retry(DueItem item, String owner, Instant nextAttemptAt, String error) {
        if (item.attempts() >= maxAttempts) {
            return fail(item, owner, error + " (gave up after " + item.attempts() + " attempts)");
        }
        Date next = Date.from(nextAttemptAt);
        return collection.updateOne(heldBy(item, owner), Updates.combine(
                Updates.set("status", Status.PENDING.name()),
                Updates.set("dueAt", next),
                Updates.set("claimableAt", next),
                Updates.unset(org.tandem.core.store.Lease.FIELD),
                Updates.set("lastError", clip(error)))).getMatchedCount() == 1;
    }

    /** Marks a claimed item FAILED for good (kept for a person to look at); false when the lease was lost. */
    public boolean fail(DueItem item, String owner, String error) {
        boolean held = collection.updateOne(heldBy(item, owner), Updates.combine(
                Updates.set("status", Status.FAILED.name()),
                Updates.set("lastError", clip(error)),
                Updates.unset("claimableAt"),
                Updates.unset(org.tandem.core.store.Lease.FIELD))).getMatchedCount() == 1;
        if (held) {
            log.error("due item {} of kind {} ({} {}) FAILED for good: {}", item.key(), item.kind(),
                    item.platform(), item.tenant(), clip(error));
        }
        return held;
    }

    public Optional<DueItem> find(String key) {
        return Optional.ofNullable(collection.find(eq("_id", key)).first()).map(DueItems::toItem);
    }

    /**
     * When the next item may be claimed (its due time, or the end of a back-off), or empty when nothing waits: a
     * clock that jumps forward stops there on the way, as time passing would have.
     */
    public Optional<Instant> nextClaimable() {
        return Optional.ofNullable(collection.find(and(in("status", OPEN), exists("claimableAt")))
                .sort(Sorts.ascending("claimableAt")).limit(1).first()).map(d -> d.getDate("claimableAt").toInstant());
    }

    /** How many items are in a status, e.g. FAILED ones for a health check. */
    public long count(Status status) {
        return collection.countDocuments(eq("status", status.name()));
    }

    /**
     * The guard of every change after a claim: the item still holds the token of this very claim, by this owner.
     * A new claim sets a new token, which fences off an older attempt (of another owner, or of the same one
     * whose lease ran out). One exact field, so the embedded server finds it by its unique index.
     */
    private static Bson heldBy(DueItem item, String owner) {
        String id = item.lease().map(Lease::id).orElse("none");
        return new org.tandem.core.store.Lease(item.key(), token(owner, id)).held();
    }

    private static String token(String owner, String leaseId) {
        return owner + "#" + leaseId;
    }

    private static DueItem toItem(Document d) {
        Status status = Status.valueOf(d.getString("status"));
        String token = d.getString(org.tandem.core.store.Lease.FIELD);
        Optional<Lease> lease = status == Status.LEASED
                ? Optional.of(new Lease(d.getString("leaseOwner"), d.getDate("leaseUntil").toInstant(),
                        token.substring(token.lastIndexOf('#') + 1)))
                : Optional.empty();
        return new DueItem(d.getString("_id"), d.getString("kind"), d.getString("platform"), d.getString("tenant"),
                DuePayload.fromDocument(d.get("payload", new Document())), d.getDate("dueAt").toInstant(), status,
                d.getInteger("attempts", 0), Optional.ofNullable(d.getString("lastError")), lease);
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException("a due item's " + what + " must be 1-" + max + " characters");
        }
    }

    private static String clip(String error) {
        String e = error == null ? "(no message)" : error;
        return e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR) + "…";
    }
}

package org.tandem.core.schedule;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.schedule.DueItem.Lease;
import org.tandem.core.schedule.DueItem.Status;
import org.tandem.core.store.Inserts;
import org.tandem.core.telemetry.Redacted;

/**
 * What is to be done when, claimed by one replica at a time with a lease. Every state change is one guarded atomic
 * update, so any number of replicas may share it.
 *
 * <p>Two collections: {@code due_items} holds what is still to be done (and what FAILED, for a person to look at),
 * {@code due_history} what was done. A completion marks the item DONE where it is (one write, as cheap as a claim);
 * every sweep then moves what it finished to the history in two bulk writes ({@link #archive}), copied first and
 * deleted after, so that a key is in one of the two collections at every moment. A claim therefore walks what is
 * open and what the running sweep finished, never months of history: on the embedded server, which has no secondary
 * indexes and scans, a sweep costs what is due, not what happened. A key is scheduled once for as long as its item
 * exists: a schedule looks for it in the history, inserts (the unique id decides a race in {@code due_items}), and
 * looks again; an item the history received meanwhile is taken back at once. (What remains is a window of one round
 * trip in which a key done and archived at that very moment could be claimed again; no caller reschedules a done key
 * on purpose at the instant its sweep archives it.)
 *
 * <p>Three fields serve the sweep. {@code claimableAt} says when a sweep may take an item: its {@code dueAt} while
 * PENDING, the end of its lease while LEASED, absent otherwise. {@code slot} is the item's key with that instant,
 * under a unique sparse index: a claim takes the item at the slot it saw, and an item that changed since (claimed by
 * another replica, moved, cancelled) is not taken. {@code lease} names the claim that holds an item (its owner and
 * an id new with every claim), only while LEASED: it guards every change after a claim, as for every claimed thing
 * ({@link org.tandem.core.store.Lease}). Both guards are one exact field under a unique index, which is the only
 * kind of index the embedded server answers from.
 */
public final class DueItems {

    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    static final int MAX_ERROR = 1000;
    /** How many due items a sweep reads at a time, oldest first, before it claims them one by one. */
    static final int CLAIM_BATCH = 200;
    /** How many done items one write moves to the history. */
    static final int ARCHIVE_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(DueItems.class);
    private static final List<String> OPEN = List.of(Status.PENDING.name(), Status.LEASED.name());
    private static final String SLOT = "slot";

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> history;
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
        this.history = db.getCollection("due_history");
        this.maxAttempts = maxAttempts;
        dropOld(collection, "claimable");
        collection.createIndex(Indexes.ascending("claimableAt", "seq"), new IndexOptions().name("claimable_order"));
        collection.createIndex(Indexes.ascending(SLOT), new IndexOptions().name(SLOT).unique(true).sparse(true));
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
        Date due = Date.from(Objects.requireNonNull(dueAt, "dueAt"));
        if (done(key)) {
            return false;
        }
        Document doc = new Document("_id", key)
                .append("kind", kind)
                .append("platform", platform)
                .append("tenant", tenant)
                .append("payload", DuePayload.toDocument(payload))
                .append("dueAt", due)
                .append("status", Status.PENDING.name())
                .append("attempts", 0)
                .append("seq", new ObjectId())
                .append("claimableAt", due)
                .append(SLOT, key + "@" + due.getTime());
        if (!Inserts.once(collection, doc)) {
            return false;
        }
        if (done(key)) {
            // it was done and archived between the first look and the insert
            collection.deleteOne(eq("_id", key));
            return false;
        }
        return true;
    }

    /** Moves a PENDING item to another time (guard: still PENDING); false when it is not pending. */
    public boolean reschedule(String key, Instant newDueAt) {
        Date due = Date.from(newDueAt);
        return collection.updateOne(and(eq("_id", key), eq("status", Status.PENDING.name())),
                Updates.combine(Updates.set("dueAt", due), claimable(key, due))).getMatchedCount() == 1;
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
        Bson about = eq("payload." + field, value);
        return collection.deleteMany(about).getDeletedCount() + history.deleteMany(about).getDeletedCount();
    }

    /**
     * A sweep's way through what is due, oldest first (by due time, then in the order the items were scheduled):
     * it reads {@value #CLAIM_BATCH} due items at a time and claims them one by one for {@code owner}, each for
     * {@code leaseDuration}. For one thread; replicas each have their own.
     */
    public Claims claims(String owner, Duration leaseDuration) {
        requireText(owner, "owner", 200);
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("the lease must be positive");
        }
        return new Claims(owner, leaseDuration);
    }

    /**
     * Claims the oldest due item for {@code owner}, for {@code leaseDuration}: a PENDING item due at {@code now} or
     * before, or a LEASED one whose lease ran out (its owner died or hung). Of two replicas asking at once, each
     * gets a different item. Counts an attempt.
     */
    public Optional<DueItem> claim(String owner, Instant now, Duration leaseDuration) {
        return claims(owner, leaseDuration).next(now);
    }

    /** Claims, oldest due first; see {@link #claims}. */
    public final class Claims {

        private final String owner;
        private final Duration leaseDuration;
        private final Deque<String> slots = new ArrayDeque<>();

        private Claims(String owner, Duration leaseDuration) {
            this.owner = owner;
            this.leaseDuration = leaseDuration;
        }

        /** The next due item, claimed; empty when nothing is due at {@code now}. */
        public Optional<DueItem> next(Instant now) {
            while (true) {
                if (slots.isEmpty() && !read(now)) {
                    return Optional.empty();
                }
                Optional<DueItem> taken = take(slots.poll(), now);
                if (taken.isPresent()) {
                    return taken;
                }
            }
        }

        /** Reads the next batch of due items' slots; false when none is due. */
        private boolean read(Instant now) {
            for (Document d : collection.find(lte("claimableAt", Date.from(now)))
                    .sort(Sorts.ascending("claimableAt", "seq")).limit(CLAIM_BATCH)
                    .projection(Projections.include(SLOT))) {
                String slot = d.getString(SLOT);
                if (slot != null) {
                    slots.add(slot);
                }
            }
            return !slots.isEmpty();
        }

        /**
         * Claims the item at a slot read before: empty when it changed since (another replica took it, it was
         * moved, cancelled or done). A slot names its instant, so the item taken is as due as it was when read.
         */
        private Optional<DueItem> take(String slot, Instant now) {
            Instant until = now.plus(leaseDuration).truncatedTo(ChronoUnit.MILLIS);
            Lease lease = new Lease(owner, until, UUID.randomUUID().toString());
            String key = slot.substring(0, slot.lastIndexOf('@'));
            Document before = collection.findOneAndUpdate(eq(SLOT, slot),
                    Updates.combine(
                            Updates.set("status", Status.LEASED.name()),
                            Updates.set(org.tandem.core.store.Lease.FIELD, token(lease.owner(), lease.id())),
                            Updates.set("leaseOwner", owner),
                            Updates.set("leaseUntil", Date.from(until)),
                            claimable(key, Date.from(until)),
                            Updates.inc("attempts", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            if (before == null) {
                return Optional.empty();
            }
            DueItem was = toItem(before);
            if (was.status() == Status.LEASED) {
                log.warn("due item {}: the lease of {} ran out before it finished (a replica died or hung); "
                        + "{} takes it over", Redacted.key(was.key()), was.lease().map(Lease::owner).orElse("?"),
                        owner);
            }
            return Optional.of(new DueItem(was.key(), was.kind(), was.platform(), was.tenant(), was.payload(),
                    was.dueAt(), Status.LEASED, was.attempts() + 1, was.lastError(), Optional.of(lease)));
        }
    }

    /**
     * Keeps a claim alive while its work runs: the lease of {@code owner}'s attempt now ends at {@code until}.
     * False when the lease was lost (it ran out and another replica took the item over, or the item is done).
     */
    public boolean renew(DueItem item, String owner, Instant until) {
        Date end = Date.from(until.truncatedTo(ChronoUnit.MILLIS));
        return collection.updateOne(heldBy(item, owner), Updates.combine(Updates.set("leaseUntil", end),
                claimable(item.key(), end))).getMatchedCount() == 1;
    }

    /**
     * Gives a claimed item back untouched, to be claimed again at {@code at}: the attempt does not count (the
     * platform's budget for its workspace is spent until then, say). False when the lease was lost.
     */
    public boolean defer(DueItem item, String owner, Instant at) {
        Date next = Date.from(at);
        return collection.updateOne(heldBy(item, owner), Updates.combine(
                Updates.set("status", Status.PENDING.name()),
                Updates.inc("attempts", -1),
                claimable(item.key(), next),
                Updates.unset(org.tandem.core.store.Lease.FIELD))).getMatchedCount() == 1;
    }

    /**
     * Marks a claimed item DONE, where it is until the sweep {@link #archive archives} it; false when {@code owner}
     * no longer holds this attempt's lease.
     */
    public boolean complete(DueItem item, String owner) {
        return collection.updateOne(heldBy(item, owner), Updates.combine(
                Updates.set("status", Status.DONE.name()),
                Updates.unset("claimableAt"),
                Updates.unset(SLOT),
                Updates.unset(org.tandem.core.store.Lease.FIELD))).getMatchedCount() == 1;
    }

    /**
     * Moves done items to the history, a batch at a time: copied (a copy already there, from a move a crash cut
     * short, is kept), then deleted from {@code due_items}. Returns how many moved.
     */
    public int archive() {
        int moved = 0;
        while (true) {
            List<Document> done = collection.find(eq("status", Status.DONE.name())).limit(ARCHIVE_BATCH)
                    .into(new ArrayList<>());
            if (done.isEmpty()) {
                return moved;
            }
            done.forEach(d -> d.remove("seq"));
            try {
                history.insertMany(done, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                        != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
            }
            collection.deleteMany(in("_id", done.stream().map(d -> d.get("_id")).toList()));
            moved += done.size();
        }
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
                claimable(item.key(), next),
                Updates.unset(org.tandem.core.store.Lease.FIELD),
                Updates.set("lastError", clip(error)))).getMatchedCount() == 1;
    }

    /** Marks a claimed item FAILED for good (kept for a person to look at); false when the lease was lost. */
    public boolean fail(DueItem item, String owner, String error) {
        boolean held = collection.updateOne(heldBy(item, owner), Updates.combine(
                Updates.set("status", Status.FAILED.name()),
                Updates.set("lastError", clip(error)),
                Updates.unset("claimableAt"),
                Updates.unset(SLOT),
                Updates.unset(org.tandem.core.store.Lease.FIELD))).getMatchedCount() == 1;
        if (held) {
            // what follows the error's first ':' may quote what the handler was given (an exception's message): it is
            // kept in the item's lastError, not logged
            log.error("due item {} of kind {} ({} {}) FAILED for good: {} (all of it in its lastError)",
                    Redacted.key(item.key()), item.kind(), item.platform(), item.tenant(),
                    clip(error).split(":", 2)[0]);
        }
        return held;
    }

    public Optional<DueItem> find(String key) {
        Document d = collection.find(eq("_id", key)).first();
        return Optional.ofNullable(d != null ? d : history.find(eq("_id", key)).first()).map(DueItems::toItem);
    }

    /**
     * When the next item may be claimed (its due time, or the end of a back-off), or empty when nothing waits: a
     * clock that jumps forward stops there on the way, as time passing would have.
     */
    public Optional<Instant> nextClaimable() {
        return Optional.ofNullable(collection.find(and(in("status", OPEN), exists("claimableAt")))
                .sort(Sorts.ascending("claimableAt")).limit(1).first()).map(d -> d.getDate("claimableAt").toInstant());
    }

    /** What is due and not done yet of one kind: how many items, and when the oldest of them fell due. */
    public record Backlog(long count, Instant oldest) {
    }

    /**
     * What is due at {@code now} and not done yet (waiting, or leased and running), by kind: the operator's view of
     * how far behind the sweeps are. One aggregation over the open items.
     */
    public Map<String, Backlog> backlog(Instant now) {
        Map<String, Backlog> byKind = new TreeMap<>();
        for (Document d : collection.aggregate(List.of(
                Aggregates.match(and(in("status", OPEN), lte("dueAt", Date.from(now)))),
                Aggregates.group("$kind", Accumulators.sum("n", 1), Accumulators.min("oldest", "$dueAt"))))) {
            byKind.put(d.getString("_id"), new Backlog(((Number) d.get("n")).longValue(),
                    d.getDate("oldest").toInstant()));
        }
        return byKind;
    }

    /**
     * Gives back every item {@code owner} holds but for {@code running} (whose work is still going on, if any), to
     * be claimed again at once by another replica, the attempt uncounted: a replica that stops does not leave its
     * claims to run out. Each one guarded by its own lease, so an item another replica took meanwhile is left alone.
     * Returns how many it gave back.
     */
    public int release(String owner, Optional<String> running) {
        int released = 0;
        Bson mine = and(eq("status", Status.LEASED.name()), eq("leaseOwner", owner));
        for (Document d : collection.find(mine).into(new ArrayList<>())) {
            DueItem item = toItem(d);
            if (running.filter(item.key()::equals).isPresent()) {
                continue;
            }
            Date at = Date.from(item.dueAt());
            if (collection.updateOne(heldBy(item, owner), Updates.combine(
                    Updates.set("status", Status.PENDING.name()),
                    Updates.inc("attempts", -1),
                    claimable(item.key(), at),
                    Updates.unset(org.tandem.core.store.Lease.FIELD))).getMatchedCount() == 1) {
                released++;
            }
        }
        return released;
    }

    /** How many items are in a status, e.g. FAILED ones for a health check. */
    public long count(Status status) {
        long open = collection.countDocuments(eq("status", status.name()));
        return status == Status.DONE ? open + history.countDocuments() : open;
    }

    /** An index of an earlier version, which only costs writes now. */
    private static void dropOld(MongoCollection<Document> collection, String index) {
        for (Document i : collection.listIndexes()) {
            if (index.equals(i.getString("name"))) {
                collection.dropIndex(index);
            }
        }
    }

    private boolean done(String key) {
        return history.find(eq("_id", key)).projection(Projections.include("_id")).first() != null;
    }

    /** When an item may be claimed, and the slot a claim takes it at. */
    private static Bson claimable(String key, Date at) {
        return Updates.combine(Updates.set("claimableAt", at), Updates.set(SLOT, key + "@" + at.getTime()));
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

package org.tandem.slack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.store.Lease;
import org.tandem.core.store.Retry;

/**
 * Messages Slack did not take even after the inline retries ({@code slack_undelivered}): rate limited for long,
 * Slack or the network unwell, no admin channel configured yet. What is kept is the message as rendered (its
 * parts: fallback text and Block Kit JSON) and where it goes. {@link #claimDue} leases one message atomically, so
 * replicas sweeping at the same moment never send it twice. Each failed try waits longer (one minute, doubling, at
 * most an hour); after {@value #MAX_ATTEMPTS} tries or {@link #MAX_AGE} the message is marked dead: its content
 * is dropped, and what remains says where it did not go and why. A message for a workspace's admin channel
 * before it has one is held (not tried) until {@code admin here} releases it, {@link #KEEP_HELD} at most.
 * Order is kept per conversation: a message for a conversation that has one kept waits behind it
 * ({@link #parkBehind}), and a sweep never sends a message before an older one to the same conversation. What was
 * delivered late is remembered ({@link LateDeliveries}), so that its reference still updates it.
 */
final class Undelivered {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final int MAX_ATTEMPTS = 20;
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** One minute after the first try, doubling, at most an hour; {@value #MAX_ATTEMPTS} tries in a day at most. */
    static final Retry RETRY = new Retry(FIRST_WAIT, LONGEST_WAIT, MAX_ATTEMPTS, MAX_AGE);
    /** How long the record of a dead message (no content) is kept for whoever looks into it. */
    static final Duration KEEP_DEAD = Duration.ofDays(30);

    /** How long a message waits for its workspace to choose an admin channel. */
    static final Duration KEEP_HELD = Duration.ofDays(30);

    static final String WAITING = "waiting";
    static final String HELD = "held";
    static final String DEAD = "dead";

    /** One chat.postMessage of a message: its notification text and its blocks as JSON. */
    record Part(String text, String blocks) {}

    /**
     * A message leased by this sweep: where it goes ({@code dm:<user>}, {@code group:<channel>}, {@code admin}),
     * its parts not sent yet, how many tries so far, when it was first refused, and the lease that guards it.
     */
    record Parked(ObjectId id, String tenant, String to, List<Part> parts, int attempts, Instant since,
                  String lease, boolean started) {}

    /** What became of a failed try. */
    enum Outcome { LATER, DEAD }

    /** A sweep looks past this many messages held up behind older ones before it stops for this time. */
    static final int MAX_SKIPPED = 500;

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final LateDeliveries late;

    Undelivered(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("slack_undelivered");
        this.clock = clock;
        this.late = new LateDeliveries(db, clock);
        // helps for a real MongoDB; correctness does not depend on them (the embedded server ignores them)
        collection.createIndex(new Document("status", 1).append("dueAt", 1));
        collection.createIndex(new Document("tenant", 1).append("to", 1));
        Lease.index(collection);
    }

    /**
     * Drops what waits for a person who erased their data, and every message kept for someone else (their partner,
     * the coordinators) that shows one of their needles. Dropped, not scrubbed: a copy is only a retry of what the
     * core already sent (it told the partner and the coordinators of the erasure since), and taking a name out of
     * rendered Block Kit could leave it in a form Tandem did not think of. Returns how many went.
     */
    long forget(String tenant, String userId, Needles needles) {
        String dm = new Destination.Person(new PersonRef(SlackMessenger.PLATFORM, tenant, userId)).key();
        long dropped = collection.deleteMany(new Document("tenant", tenant).append("to", dm)).getDeletedCount();
        late.forget(tenant, dm);
        if (needles.none()) {
            return dropped;
        }
        for (Document d : collection.find(eq("tenant", tenant))) {
            boolean carries = d.getList("parts", Document.class, List.of()).stream()
                    .anyMatch(p -> needles.foundIn(p.getString("text"), p.getString("blocks")));
            if (carries) {
                dropped += collection.deleteOne(eq("_id", d.getObjectId("_id"))).getDeletedCount();
            }
        }
        return dropped;
    }

    /** Keeps what Slack refused, due after {@code wait} (zero: at the next sweep); returns its id. */
    ObjectId park(String tenant, String to, List<Part> parts, String reason, Duration wait) {
        return park(tenant, to, parts, reason, wait, false);
    }

    /** Keeps the parts Slack refused of a message whose first part it took (that part is its reference). */
    ObjectId parkRest(String tenant, String to, List<Part> rest, String reason, Duration wait) {
        return park(tenant, to, rest, reason, wait, true);
    }

    private ObjectId park(String tenant, String to, List<Part> parts, String reason, Duration wait, boolean started) {
        Instant now = clock.instant();
        collection.deleteMany(and(eq("status", DEAD), lt("deadAt", Date.from(now.minus(KEEP_DEAD)))));
        late.purge();
        ObjectId id = new ObjectId();
        collection.insertOne(new Document("_id", id).append("tenant", tenant).append("to", to)
                .append("status", WAITING).append("parts", documents(parts)).append("reason", reason)
                .append("attempts", 0).append("at", Date.from(now)).append("dueAt", Date.from(now.plus(wait)))
                .append("started", started));
        return id;
    }

    /** Keeps a message until its destination exists (a workspace's admin channel), untried until released. */
    ObjectId hold(String tenant, String to, List<Part> parts) {
        ObjectId id = new ObjectId();
        collection.insertOne(new Document("_id", id).append("tenant", tenant).append("to", to)
                .append("status", HELD).append("parts", documents(parts)).append("reason", "no admin channel yet")
                .append("attempts", 0).append("at", Date.from(clock.instant())));
        return id;
    }

    /** Whether a conversation has a message kept (waiting or held): what follows must wait behind it. */
    boolean keeps(String tenant, String to) {
        return collection.countDocuments(and(eq("tenant", tenant), eq("to", to), in("status", WAITING, HELD))) > 0;
    }

    /**
     * Keeps a message behind those already kept for its conversation, untried until they went: held when they
     * wait for an admin channel, else due at once (a sweep sends it right after them).
     */
    ObjectId parkBehind(String tenant, String to, List<Part> parts) {
        boolean held = collection.countDocuments(and(eq("tenant", tenant), eq("to", to), eq("status", HELD))) > 0;
        return held ? hold(tenant, to, parts) : park(tenant, to, parts, "behind an earlier message", Duration.ZERO);
    }

    /**
     * A kept message now reads differently (the core updated it before it went out): it goes out as its latest
     * version. False when it is not kept any more, or a sweep is sending it right now (guard: no lease).
     */
    boolean replace(String tenant, String id, List<Part> parts) {
        if (!ObjectId.isValid(id)) {
            return false;
        }
        return collection.updateOne(and(eq("_id", new ObjectId(id)), eq("tenant", tenant),
                in("status", WAITING, HELD), exists(Lease.FIELD, false)), Updates.set("parts", documents(parts)))
                .getModifiedCount() == 1;
    }

    /** Where a message kept under {@code id} was delivered at last, if it was. */
    Optional<SlackRef.Posted> deliveredAs(String tenant, String id) {
        return late.find(tenant, id);
    }

    /** The reference under which a message delivered late was kept, for the message Slack shows. */
    Optional<SlackRef.Parked> keptAs(SlackRef.Posted posted) {
        return late.keptAs(posted);
    }

    /** A claimed message whose destination is gone again: held, as if never tried (guard: this sweep's lease). */
    void holdAgain(Parked p) {
        collection.updateOne(leased(p), Updates.combine(Updates.set("status", HELD), Updates.unset(Lease.FIELD),
                Updates.unset("dueAt"), Updates.set("reason", "no admin channel yet")));
    }

    /** Its destination exists now: what was held is due at once, and its day of tries starts now. */
    long release(String tenant, String to) {
        Date now = Date.from(clock.instant());
        return collection.updateMany(and(eq("status", HELD), eq("tenant", tenant), eq("to", to)),
                Updates.combine(Updates.set("status", WAITING), Updates.set("dueAt", now), Updates.set("at", now)))
                .getModifiedCount();
    }

    /** Held messages older than {@link #KEEP_HELD} are dead (their content dropped); returns how many. */
    long expireHeld() {
        Instant now = clock.instant();
        return collection.updateMany(and(eq("status", HELD), lt("at", Date.from(now.minus(KEEP_HELD)))),
                Updates.combine(Updates.set("status", DEAD), Updates.set("deadAt", Date.from(now)),
                        Updates.unset("parts"), Updates.set("reason", "no admin channel was chosen")))
                .getModifiedCount();
    }

    /** Records a message Slack refused for good (no content is kept). */
    void dead(String tenant, String to, String reason) {
        Instant now = clock.instant();
        collection.insertOne(new Document("tenant", tenant).append("to", to).append("status", DEAD)
                .append("reason", reason).append("attempts", 0).append("at", Date.from(now))
                .append("deadAt", Date.from(now)));
    }

    /**
     * Leases the message due longest ago, skipping some workspaces (those Slack is refusing in this sweep). Guard:
     * {@code status = waiting} and {@code dueAt <= now}; the lease moves {@code dueAt} past its end, so another
     * replica takes the message over only if this one died.
     */
    Optional<Parked> claimDue(Set<String> skipTenants) {
        Instant now = clock.instant();
        List<ObjectId> behind = new ArrayList<>();
        for (int skipped = 0; skipped <= MAX_SKIPPED; ) {
            List<Bson> filter = new ArrayList<>(List.of(eq("status", WAITING), lte("dueAt", Date.from(now))));
            if (!skipTenants.isEmpty()) {
                filter.add(nin("tenant", skipTenants));
            }
            if (!behind.isEmpty()) {
                filter.add(nin("_id", behind));
            }
            Document due = collection.find(and(filter)).sort(new Document("dueAt", 1).append("_id", 1)).first();
            if (due == null) {
                return Optional.empty();
            }
            if (olderKept(due)) {
                // the conversation has an older message still kept: this one goes after it, never before
                behind.add(due.getObjectId("_id"));
                skipped++;
                continue;
            }
            Optional<Parked> claimed = claim(due.getObjectId("_id"), now);
            if (claimed.isPresent()) {
                return claimed;
            }
            // another replica took it meanwhile: look again
        }
        return Optional.empty();
    }

    /**
     * Leases the oldest message kept for one conversation, when it is due (its back-off is over) and no live sweep
     * holds it; empty otherwise, or when it is held for an admin channel. Guard: as {@link #claimDue}.
     */
    Optional<Parked> claimOldestDue(String tenant, String to) {
        Instant now = clock.instant();
        Document oldest = collection.find(and(eq("tenant", tenant), eq("to", to), in("status", WAITING, HELD)))
                .sort(new Document("_id", 1)).first();
        if (oldest == null || !WAITING.equals(oldest.getString("status"))
                || oldest.getDate("dueAt").toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return claim(oldest.getObjectId("_id"), now);
    }

    private boolean olderKept(Document d) {
        return collection.countDocuments(and(eq("tenant", d.getString("tenant")), eq("to", d.getString("to")),
                in("status", WAITING, HELD), lt("_id", d.getObjectId("_id")))) > 0;
    }

    /** Leases one due message (guard: still waiting and due). */
    private Optional<Parked> claim(ObjectId id, Instant now) {
        Lease lease = Lease.on(id);
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", WAITING),
                        lte("dueAt", Date.from(now))),
                Updates.combine(Updates.set(Lease.FIELD, lease.token()), Updates.set("dueAt", Date.from(now.plus(LEASE))),
                        Updates.inc("attempts", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (d == null) {
            return Optional.empty();
        }
        List<Part> parts = d.getList("parts", Document.class, List.of()).stream()
                .map(p -> new Part(p.getString("text"), p.getString("blocks"))).toList();
        return Optional.of(new Parked(d.getObjectId("_id"), d.getString("tenant"), d.getString("to"), parts,
                d.getInteger("attempts", 1), d.getDate("at").toInstant(), lease.token(),
                d.getBoolean("started", false)));
    }

    /**
     * The first part of a kept message went out: where it went is remembered, so that the reference the core was
     * given (see {@link SlackRef.Parked}) still updates it.
     */
    void firstWent(Parked p, SlackRef.Posted posted) {
        if (!p.started()) {
            late.delivered(p.id().toHexString(), p.to(), posted);
        }
    }

    /** All of it went out: forgotten (guard: still this sweep's lease). */
    void delivered(Parked p) {
        collection.deleteOne(leased(p));
    }

    /** Some parts went out before Slack refused again: only the others are kept. */
    void sent(Parked p, int parts) {
        collection.updateOne(leased(p), Updates.combine(Updates.set("parts",
                documents(p.parts().subList(parts, p.parts().size()))), Updates.set("started", true)));
    }

    private static List<Document> documents(List<Part> parts) {
        return parts.stream().map(p -> new Document("text", p.text()).append("blocks", p.blocks())).toList();
    }

    /**
     * A try failed: due again after the back-off (at least {@code atLeast}, Slack's Retry-After), or dead when
     * the failure is for good, the tries are used up, or the message is too old.
     */
    Outcome failed(Parked p, String reason, boolean retryable, Duration atLeast) {
        Instant now = clock.instant();
        Retry.Next next = RETRY.after(p.attempts(), p.since(), now, atLeast, retryable);
        if (next instanceof Retry.Next.GiveUp) {
            collection.updateOne(leased(p), Updates.combine(Updates.set("status", DEAD),
                    Updates.set("reason", reason), Updates.set("deadAt", Date.from(now)), Updates.unset("parts"),
                    Updates.unset(Lease.FIELD)));
            return Outcome.DEAD;
        }
        Instant again = ((Retry.Next.Again) next).at();
        collection.updateOne(leased(p), Updates.combine(Updates.set("dueAt", Date.from(again)),
                Updates.set("reason", reason), Updates.unset(Lease.FIELD)));
        return Outcome.LATER;
    }

    /** Nothing more goes to that workspace (uninstalled): the message is dropped. */
    void dropped(Parked p) {
        collection.deleteOne(leased(p));
    }

    /** The wait after {@code attempts} failed tries (see {@link #RETRY}). */
    static Duration backOff(int attempts) {
        return RETRY.wait(attempts, Duration.ZERO);
    }

    long waiting() {
        return collection.countDocuments(eq("status", WAITING));
    }

    /** The guard of every change after a claim: the document still carries this sweep's lease. */
    private static Bson leased(Parked p) {
        return new Lease(p.id(), p.lease()).held();
    }
}

package org.tandem.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.tandem.core.store.Lease;

/**
 * Messages that could not be delivered yet ({@code teams_undelivered}): still throttled after the inline retries,
 * no conversation with the person yet, no admin channel yet. They are kept, not lost. {@link #claimDue} is the seam
 * for the core's due-item sweep: it leases one parked message atomically, so N replicas never send it twice.
 *
 * @see TeamsMessenger#redeliverDue(int)
 */
final class Undelivered {

    static final Duration LEASE = Duration.ofMinutes(2);

    /** How long a message may wait for its conversation before it is given up (and logged, without its text). */
    static final Duration MAX_AGE = Duration.ofDays(7);

    /**
     * A parked message: to whom ({@code person:<userId>}, {@code conversation:<id>}, {@code admin}), what, the card it
     * is in {@link TeamsCards} (null for a message parked before cards were kept), and which version of it (an
     * update while it waits makes a new one).
     */
    record Parked(ObjectId id, String tenant, String to, Activity activity, int attempts, Lease lease,
                  Instant at, String card, int version) {}

    private final MongoCollection<Document> collection;

    Undelivered(MongoDatabase db) {
        this.collection = db.getCollection("teams_undelivered");
        collection.createIndex(new Document("tenant", 1).append("to", 1));
        Lease.index(collection);
    }

    /** Makes what waits for a conversation due now (it has just appeared); returns how many. */
    long dueNow(String tenant, String to, Instant now) {
        return collection.updateMany(and(eq("tenant", tenant), eq("to", to), gt("dueAt", Date.from(now))),
                Updates.set("dueAt", Date.from(now))).getModifiedCount();
    }

    ObjectId park(String tenant, String to, Activity activity, String reason, Instant now, Duration retryIn) {
        return park(tenant, to, activity, reason, now, retryIn, null);
    }

    /** Parks a message of a card kept in {@link TeamsCards}; returns its id there, for an update while it waits. */
    ObjectId park(String tenant, String to, Activity activity, String reason, Instant now, Duration retryIn,
                  String card) {
        ObjectId id = new ObjectId();
        Document d = new Document("_id", id).append("tenant", tenant).append("to", to)
                .append("activity", json(activity)).append("reason", reason)
                .append("attempts", 0).append("at", Date.from(now))
                .append("dueAt", Date.from(now.plus(retryIn))).append("version", 0);
        if (card != null) {
            d.append("card", card);
        }
        collection.insertOne(d);
        return id;
    }

    /**
     * Replaces what a parked message will show (its card was updated while it waited); false when it is no longer
     * parked (delivered or given up meanwhile).
     */
    boolean replace(ObjectId id, Activity activity) {
        return collection.updateOne(and(eq("_id", id), exists("activity")), Updates.combine(
                Updates.set("activity", json(activity)), Updates.inc("version", 1))).getModifiedCount() == 1;
    }

    private static String json(Activity activity) {
        try {
            return Serialization.toString(activity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leases the oldest due message, by when it was first parked, so that messages to one conversation go out in
     * the order they were written (guard: {@code dueAt <= now}, and moving {@code dueAt} past the lease).
     */
    Optional<Parked> claimDue(Instant now) {
        String token = UUID.randomUUID().toString();
        Document d = collection.findOneAndUpdate(and(lte("dueAt", Date.from(now)), ne("dead", true)),
                Updates.combine(Updates.set("dueAt", Date.from(now.plus(LEASE))), Updates.inc("attempts", 1),
                        Updates.set(Lease.FIELD, token)),
                new FindOneAndUpdateOptions().sort(new Document("at", 1).append("_id", 1))
                        .returnDocument(ReturnDocument.AFTER));
        if (d == null) {
            return Optional.empty();
        }
        Activity a = activity(d.getString("activity"));
        return Optional.of(new Parked(d.getObjectId("_id"), d.getString("tenant"), d.getString("to"), a,
                d.getInteger("attempts", 1), new Lease(d.getObjectId("_id"), token), d.getDate("at").toInstant(),
                d.getString("card"), d.getInteger("version", 0)));
    }

    private static Activity activity(String json) {
        try {
            Activity a = Serialization.treeToValue(Serialization.jsonToTree(json), Activity.class);
            // card content comes back as maps and lists, which the SDK's request validator cannot reflect into
            // on Java 17: give it the JSON tree it was sent with
            if (a.getAttachments() != null) {
                a.getAttachments().forEach(x -> x.setContent(Serialization.objectToTree(x.getContent())));
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives a claimed message up: its content is deleted, the fact is kept (for counting), never retried again
     * (guard: still this claim's lease).
     */
    void dead(Parked p, String reason) {
        collection.updateOne(p.lease().held(), Updates.combine(Updates.set("dead", true), Updates.unset("activity"),
                Updates.set("reason", reason), Updates.unset(Lease.FIELD)));
    }

    /** Teams refused a claimed message for good: it is dropped (guard: still this claim's lease). */
    void dropped(Parked p) {
        collection.deleteOne(p.lease().held());
    }

    /**
     * It went out: forgets it, and returns what it shows now when it was updated while it was being sent (the
     * caller then updates the delivered activity).
     */
    Optional<Activity> delivered(Parked sent) {
        Document d = collection.findOneAndDelete(sent.lease().held());
        if (d == null || d.getInteger("version", 0) == sent.version() || d.getString("activity") == null) {
            return Optional.empty();
        }
        return Optional.of(activity(d.getString("activity")));
    }

    /** Puts a claimed message back, due later (guard: still under this claim's lease, nobody else took it). */
    void retryLater(Parked p, Instant dueAt, String reason) {
        collection.updateOne(p.lease().held(), Updates.combine(Updates.set("dueAt", Date.from(dueAt)),
                Updates.set("reason", reason), Updates.unset(Lease.FIELD)));
    }

    long count() {
        return collection.countDocuments();
    }

    /**
     * Drops, for a person who erased their data, what waits for them and what waits for anyone else of the tenant
     * but carries their name or words (a request quoting their hopes, an introduction naming them). Returns how
     * many messages went.
     */
    long forget(String tenant, String to, Needles needles) {
        long dropped = collection.deleteMany(and(eq("tenant", tenant), eq("to", to))).getDeletedCount();
        for (Document d : collection.find(and(eq("tenant", tenant), exists("activity")))) {
            if (carries(d.getString("activity"), needles)) {
                dropped += collection.deleteOne(eq("_id", d.getObjectId("_id"))).getDeletedCount();
            }
        }
        return dropped;
    }

    private static boolean carries(String activity, Needles needles) {
        try {
            return needles.in(Serialization.jsonToTree(activity));
        } catch (IOException e) {
            return needles.in(activity); // unreadable: read as text, and dropped if in doubt
        }
    }
}

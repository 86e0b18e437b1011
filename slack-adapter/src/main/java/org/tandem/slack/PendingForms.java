package org.tandem.slack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.tandem.core.conversation.Place;

/**
 * Forms that could not open as a modal right away (no trigger: the person typed a command, or a reminder came
 * from the bot): the rendered modal is kept in {@code slack_forms} and opened when its button is clicked. Kept a
 * week; reading checks the age, so nothing depends on a TTL index.
 */
final class PendingForms {

    static final Duration KEEP = Duration.ofDays(7);

    private final MongoCollection<Document> collection;
    private final Clock clock;

    PendingForms(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("slack_forms");
        this.clock = clock;
    }

    /** Keeps a modal for a person (or, with a null user, for anyone in the workspace); returns its id. */
    String keep(String tenant, String userId, String viewJson) {
        collection.deleteMany(lt("at", Date.from(clock.instant().minus(KEEP))));
        String id = UUID.randomUUID().toString();
        collection.insertOne(new Document("_id", id).append("tenant", tenant).append("user", userId)
                .append("view", viewJson).append("at", Date.from(clock.instant())));
        return id;
    }

    /** The modal kept under an id, if it is still fresh and this person may open it. */
    Optional<String> find(String id, String tenant, String userId) {
        Document d = collection.find(and(eq("_id", id), eq("tenant", tenant),
                gt("at", Date.from(clock.instant().minus(KEEP))))).first();
        if (d == null || d.getString("user") != null && !d.getString("user").equals(userId)) {
            return Optional.empty();
        }
        return Optional.of(d.getString("view"));
    }

    /** Whether a kept modal was opened for the admin channel (its {@code private_metadata}, as the messenger set it). */
    static boolean forAdmin(String viewJson) {
        JsonElement meta = JsonParser.parseString(viewJson).getAsJsonObject().get("private_metadata");
        return meta != null && meta.isJsonPrimitive() && Place.ADMIN.key().equals(meta.getAsString());
    }

    /**
     * Drops the forms kept for a person who erased their data (they hold what the person had typed), and those kept
     * for others (the coordinators, a partner) that show one of their needles. Returns how many went.
     */
    long forget(String tenant, String userId, Needles needles) {
        long dropped = collection.deleteMany(and(eq("tenant", tenant), eq("user", userId))).getDeletedCount();
        if (needles.none()) {
            return dropped;
        }
        for (Document d : collection.find(eq("tenant", tenant))) {
            if (needles.foundIn(d.getString("view"))) {
                dropped += collection.deleteOne(eq("_id", d.getString("_id"))).getDeletedCount();
            }
        }
        return dropped;
    }
}

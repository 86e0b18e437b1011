package org.tandem.core.conversation;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.tandem.core.store.Inserts;

/**
 * Which platform events were handled, so a retried delivery (Slack retries after 3 s, Teams on a timeout) or a
 * double submit is handled once. The claim is an insert on a unique id: of two replicas, one wins.
 */
public final class EventLedger {

    private final MongoCollection<Document> collection;

    public EventLedger(MongoDatabase db) {
        this.collection = db.getCollection("processed_events");
        collection.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
        collection.createIndex(Indexes.ascending("person"), new IndexOptions().name("person"));
    }

    /** True the first time an event is seen; false for every repeat. */
    public boolean claim(PersonRef person, String eventId, Instant now) {
        return Inserts.once(collection, new Document("_id", id(person, eventId))
                .append("tenant", person.tenant()).append("person", person.key()).append("at", Date.from(now)));
    }

    /** Gives the event back after a failure, so that the platform's retry is handled. */
    public void release(PersonRef person, String eventId) {
        collection.deleteOne(eq("_id", id(person, eventId)));
    }

    /** Forgets events older than a cut-off (no platform retries after minutes); returns how many. */
    public long purgeBefore(Instant cutoff) {
        return collection.deleteMany(lt("at", Date.from(cutoff))).getDeletedCount();
    }

    /** Forgets every event of a person (they erased their data; a platform id may point at their conversation). */
    public void forget(PersonRef person) {
        collection.deleteMany(eq("person", person.key()));
    }

    private static String id(PersonRef person, String eventId) {
        return person.platform() + "|" + person.tenant() + "|" + eventId;
    }
}

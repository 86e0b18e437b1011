package org.tandem.core.pairs;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.tandem.core.store.Inserts;
import org.tandem.core.conversation.PersonRef;

/**
 * The {@code meetings} collection: every meeting a pair logs (the first and every later one), so coordinators
 * see how many pairs really met. A meeting is logged once per pair and day, whoever logs it first.
 */
public final class Meetings {

    private final MongoCollection<Document> collection;

    public Meetings(MongoDatabase db) {
        this.collection = db.getCollection("meetings");
        collection.createIndex(Indexes.ascending("program", "date"), new IndexOptions().name("program_date"));
        collection.createIndex(Indexes.ascending("pair"), new IndexOptions().name("pair"));
    }

    /** Logs a meeting; false when that pair already logged one that day (both clicked "we met"). */
    public boolean log(Pair pair, LocalDate date, PersonRef by, Instant now) {
        return Inserts.once(collection, new Document("_id", pair.id() + "|" + date)
                .append("tenant", pair.scope().tenant()).append("program", pair.program()).append("pair", pair.id())
                .append("date", date.toString()).append("by", by.key()).append("loggedAt", Date.from(now)));
    }

    public long count(String pair) {
        return collection.countDocuments(eq("pair", pair));
    }
}

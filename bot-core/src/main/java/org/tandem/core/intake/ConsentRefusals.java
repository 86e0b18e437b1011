package org.tandem.core.intake;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;

/** Who declined consent, and when: the only thing stored when someone says no. */
public final class ConsentRefusals {

    private final MongoCollection<Document> collection;

    public ConsentRefusals(MongoDatabase db) {
        this.collection = db.getCollection("consent_refusals");
    }

    public void record(PersonRef person, String program, Instant at) {
        collection.insertOne(new Document("tenant", person.tenant()).append("person", person.key())
                .append("program", program).append("at", Date.from(at)));
    }

    public long count(PersonRef person) {
        return collection.countDocuments(new Document("person", person.key()));
    }
}

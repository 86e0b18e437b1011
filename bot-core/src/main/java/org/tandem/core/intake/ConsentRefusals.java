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

    /** When and for which programme a person declined, for their own copy of their data. */
    public java.util.List<java.util.Map<String, Object>> of(PersonRef person) {
        java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
        for (Document d : collection.find(new Document("person", person.key()))) {
            out.add(java.util.Map.of("program", d.getString("program"), "at", d.getDate("at").toInstant()));
        }
        return out;
    }

    public void forget(PersonRef person) {
        collection.deleteMany(new Document("person", person.key()));
    }

    public void eraseProgram(String program) {
        collection.deleteMany(new Document("program", program));
    }
}

package org.tandem.core.rhythm;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;

/** The {@code pauses} collection: a person's holiday ({@code pause 2 weeks}) and a programme's pause switch. */
final class Pauses {

    private final MongoCollection<Document> collection;

    Pauses(MongoDatabase db) {
        this.collection = db.getCollection("pauses");
    }

    void pausePerson(PersonRef person, Instant until) {
        collection.replaceOne(eq("_id", "person|" + person.key()), new Document("_id", "person|" + person.key())
                .append("tenant", person.tenant()).append("person", person.key()).append("until", Date.from(until)),
                new ReplaceOptions().upsert(true));
    }

    boolean resumePerson(PersonRef person) {
        return collection.deleteOne(eq("_id", "person|" + person.key())).getDeletedCount() == 1;
    }

    Optional<Instant> personUntil(PersonRef person) {
        return Optional.ofNullable(collection.find(eq("_id", "person|" + person.key())).first())
                .map(d -> d.getDate("until").toInstant());
    }

    void forget(PersonRef person) {
        resumePerson(person);
    }

    void pauseProgram(String program, String tenant) {
        collection.replaceOne(eq("_id", "program|" + program), new Document("_id", "program|" + program)
                .append("tenant", tenant).append("program", program), new ReplaceOptions().upsert(true));
    }

    boolean resumeProgram(String program) {
        return collection.deleteOne(eq("_id", "program|" + program)).getDeletedCount() == 1;
    }

    boolean programPaused(String program) {
        return collection.countDocuments(eq("_id", "program|" + program)) > 0;
    }
}

package org.tandem.core.intake;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;

/** The {@code enrollments} collection: one document per person and programme. */
public final class Enrollments {

    private final MongoCollection<Document> collection;

    public Enrollments(MongoDatabase db) {
        this.collection = db.getCollection("enrollments");
        collection.createIndex(Indexes.ascending("tenant", "program"), new IndexOptions().name("tenant_program"));
        collection.createIndex(Indexes.ascending("person"), new IndexOptions().name("person"));
    }

    /**
     * Enrols a person unless they already are (guard: the unique id person|program). Returns the enrolment that
     * stands: the new one, or the existing one when a double click or a retry got there first.
     */
    public Enrollment enroll(PersonRef person, String program, Role role, Instant now) {
        Document doc = new Document("_id", id(person, program))
                .append("tenant", person.tenant())
                .append("person", person.key())
                .append("program", program)
                .append("role", role.value())
                .append("enrolledAt", Date.from(now));
        try {
            collection.insertOne(doc);
            return toEnrollment(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(person, program).orElseThrow();
            }
            throw e;
        }
    }

    public Optional<Enrollment> find(PersonRef person, String program) {
        return Optional.ofNullable(collection.find(eq("_id", id(person, program))).first())
                .map(Enrollments::toEnrollment);
    }

    public List<Enrollment> of(PersonRef person) {
        return collection.find(eq("person", person.key())).map(Enrollments::toEnrollment).into(new java.util.ArrayList<>());
    }

    /** Withdraws a person from a programme; false when they were not enrolled (e.g. a second click). */
    public boolean withdraw(PersonRef person, String program) {
        return collection.deleteOne(and(eq("_id", id(person, program)))).getDeletedCount() == 1;
    }

    private static String id(PersonRef person, String program) {
        return person.key() + "|" + program;
    }

    private static Enrollment toEnrollment(Document d) {
        return new Enrollment(PersonRef.fromKey(d.getString("person")), d.getString("program"),
                Role.parse(d.getString("role")).orElseThrow(), d.getDate("enrolledAt").toInstant());
    }
}

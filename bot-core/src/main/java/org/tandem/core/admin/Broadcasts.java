package org.tandem.core.admin;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * The {@code broadcasts} collection: a coordinator's message to a programme, from draft to sent. Sending is one
 * guarded move out of DRAFT, so a double click or a second coordinator sends it once.
 */
public final class Broadcasts {

    /** A broadcast's life. */
    enum Status { DRAFT, SENT, CANCELLED }

    /** A stored broadcast. */
    record Broadcast(String id, Scope scope, String program, String text, Status status) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;

    public Broadcasts(MongoDatabase db) {
        this.collection = db.getCollection("broadcasts");
        collection.createIndex(Indexes.ascending("program"), new IndexOptions().name("program"));
    }

    Broadcast draft(Scope scope, String program, String text, PersonRef by, Instant now) {
        String id = "b" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        collection.insertOne(new Document("_id", id).append("platform", scope.platform())
                .append("tenant", scope.tenant()).append("program", program).append("text", text)
                .append("by", by.key()).append("status", Status.DRAFT.name()).append("createdAt", Date.from(now)));
        return new Broadcast(id, scope, program, text, Status.DRAFT);
    }

    Optional<Broadcast> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(Broadcasts::from);
    }

    /** Moves a draft to SENT or CANCELLED (guard: still a draft); empty when someone else moved it first. */
    Optional<Broadcast> decide(String id, Status to, Instant now) {
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", Status.DRAFT.name())),
                Updates.combine(Updates.set("status", to.name()), Updates.set("decidedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Broadcasts::from);
    }

    void recipients(String id, int n) {
        collection.updateOne(eq("_id", id), Updates.set("recipients", n));
    }

    /** Takes a coordinator who erased their data out of the broadcasts they wrote (the texts stay: they are the programme's). */
    public void forget(PersonRef person) {
        collection.updateMany(eq("by", person.key()), Updates.unset("by"));
    }

    /** Deletes a programme's broadcasts (their texts may name people), for the retention of closed programmes. */
    public void eraseProgram(String program) {
        collection.deleteMany(eq("program", program));
    }

    private static Broadcast from(Document d) {
        return new Broadcast(d.getString("_id"), new Scope(d.getString("platform"), d.getString("tenant")),
                d.getString("program"), d.getString("text"), Status.valueOf(d.getString("status")));
    }
}

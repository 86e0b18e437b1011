package org.tandem.core.conversation;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/** Stores each person's {@link ConversationState}, one document per person and place. */
public final class ConversationStates {

    private final MongoCollection<Document> collection;

    public ConversationStates(MongoDatabase db) {
        this.collection = db.getCollection("conversation_states");
        collection.createIndex(Indexes.ascending("tenant", "person"), new IndexOptions().name("tenant_person"));
    }

    public Optional<ConversationState> find(PersonRef person, Place place) {
        Document d = collection.find(eq("_id", id(person, place))).first();
        if (d == null) {
            return Optional.empty();
        }
        Map<String, Object> answers = new LinkedHashMap<>(d.get("answers", Document.class));
        return Optional.of(new ConversationState(d.getString("flow"), d.getString("step"), answers,
                d.getLong("version"), d.getDate("updatedAt").toInstant()));
    }

    /**
     * Saves the state if nobody saved another since it was read (guard: same {@code version}). Returns false
     * when someone did, e.g. a double click handled on two replicas; the caller then reloads.
     */
    public boolean save(PersonRef person, Place place, ConversationState state, Instant now) {
        Document doc = new Document("_id", id(person, place))
                .append("tenant", person.tenant())
                .append("person", person.key())
                .append("flow", state.flow())
                .append("step", state.step())
                .append("answers", new Document(state.answers()))
                .append("version", state.version() + 1)
                .append("updatedAt", java.util.Date.from(now));
        if (state.version() == 0) {
            try {
                collection.insertOne(doc);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    // a state exists: a new dialogue replaces it, whatever it was
                    Document current = collection.find(eq("_id", id(person, place))).first();
                    long v = current == null ? 0 : current.getLong("version");
                    return collection.replaceOne(and(eq("_id", id(person, place)), eq("version", v)),
                            doc.append("version", v + 1), new ReplaceOptions()).getModifiedCount() == 1;
                }
                throw e;
            }
        }
        return collection.replaceOne(and(eq("_id", id(person, place)), eq("version", state.version())), doc)
                .getModifiedCount() == 1;
    }

    public void clear(PersonRef person, Place place) {
        collection.deleteOne(eq("_id", id(person, place)));
    }

    /** Every dialogue of a person, by place key: what they answered so far in each. */
    public Map<String, ConversationState> of(PersonRef person) {
        Map<String, ConversationState> out = new LinkedHashMap<>();
        for (Document d : collection.find(eq("person", person.key()))) {
            String id = d.getString("_id");
            out.put(id.substring(id.indexOf('#') + 1), new ConversationState(d.getString("flow"), d.getString("step"),
                    new LinkedHashMap<>(d.get("answers", Document.class)), d.getLong("version"),
                    d.getDate("updatedAt").toInstant()));
        }
        return out;
    }

    /** Forgets every dialogue of a person (used when they erase their data). */
    public void clearAll(PersonRef person) {
        collection.deleteMany(eq("person", person.key()));
    }

    private static String id(PersonRef person, Place place) {
        return person.key() + "#" + place.key();
    }
}

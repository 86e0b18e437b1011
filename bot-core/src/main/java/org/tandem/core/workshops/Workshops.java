package org.tandem.core.workshops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;

/**
 * The {@code workshops} collection. An answer is one atomic update of the workshop (add to one list, remove from
 * the other), so changing one's mind or clicking twice leaves exactly one answer.
 */
public final class Workshops {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;

    public Workshops(MongoDatabase db) {
        this.collection = db.getCollection("workshops");
        collection.createIndex(Indexes.ascending("tenant", "at"), new IndexOptions().name("tenant_at"));
    }

    Workshop create(Scope scope, String program, String title, Instant at, ZoneId zone, String where, PersonRef by,
                    int invited, Instant now) {
        String id = "w" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        Document d = new Document("_id", id).append("platform", scope.platform()).append("tenant", scope.tenant())
                .append("program", program).append("title", title).append("at", Date.from(at))
                .append("zone", zone.getId()).append("where", where).append("by", by.key())
                .append("going", List.of()).append("notGoing", List.of()).append("invited", invited)
                .append("createdAt", Date.from(now));
        collection.insertOne(d);
        return from(d);
    }

    Optional<Workshop> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(Workshops::from);
    }

    /** The workshops of a workspace from a moment on, soonest first. */
    List<Workshop> upcoming(Scope scope, Instant from) {
        return collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                gte("at", Date.from(from)))).sort(Sorts.ascending("at")).map(Workshops::from)
                .into(new ArrayList<>());
    }

    /** Records a person's answer, replacing an earlier one. */
    void answer(String id, PersonRef person, boolean yes) {
        collection.updateOne(eq("_id", id), yes
                ? Updates.combine(Updates.addToSet("going", person.key()), Updates.pull("notGoing", person.key()))
                : Updates.combine(Updates.addToSet("notGoing", person.key()), Updates.pull("going", person.key())));
    }

    /** A person's answers to workshops, for their own copy of their data. */
    public List<java.util.Map<String, Object>> answersOf(PersonRef person) {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (Document d : collection.find(com.mongodb.client.model.Filters.or(eq("going", person.key()),
                eq("notGoing", person.key())))) {
            boolean yes = d.getList("going", String.class, List.of()).contains(person.key());
            out.add(java.util.Map.of("title", d.getString("title"), "at", d.getDate("at").toInstant(),
                    "where", d.getString("where"), "answer", yes ? "going" : "not going"));
        }
        return out;
    }

    /** Takes a person who erased their data out of every workshop: their answers, and their name as organiser. */
    public void forget(PersonRef person) {
        collection.updateMany(eq("going", person.key()), Updates.pull("going", person.key()));
        collection.updateMany(eq("notGoing", person.key()), Updates.pull("notGoing", person.key()));
        collection.updateMany(eq("by", person.key()), Updates.unset("by"));
    }

    /** Keeps only the numbers of a closed programme's workshops: who came is personal data. */
    public void eraseProgram(String program) {
        for (Document d : collection.find(eq("program", program))) {
            collection.updateOne(eq("_id", d.getString("_id")), Updates.combine(
                    Updates.set("goingCount", d.getList("going", String.class, List.of()).size()),
                    Updates.set("notGoingCount", d.getList("notGoing", String.class, List.of()).size()),
                    Updates.set("going", List.of()), Updates.set("notGoing", List.of()), Updates.unset("by")));
        }
    }

    private static Workshop from(Document d) {
        return new Workshop(d.getString("_id"), new Scope(d.getString("platform"), d.getString("tenant")),
                d.getString("program"), d.getString("title"), d.getDate("at").toInstant(),
                ZoneId.of(d.getString("zone")), d.getString("where"),
                d.getList("going", String.class, List.of()).stream().map(PersonRef::fromKey).toList(),
                d.getList("notGoing", String.class, List.of()).size(), d.getInteger("invited", 0));
    }
}

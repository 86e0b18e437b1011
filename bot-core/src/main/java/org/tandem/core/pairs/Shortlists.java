package org.tandem.core.pairs;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;

/**
 * The {@code shortlists} collection: one current shortlist per mentee and programme. A person is on it as the mentee
 * and as a candidate, asked ({@code tried}) or taken ({@code taken}): {@link #forget} covers all three.
 */
public final class Shortlists {

    private final MongoCollection<Document> collection;

    public Shortlists(MongoDatabase db) {
        this.collection = db.getCollection("shortlists");
        collection.createIndex(Indexes.ascending("program"), new IndexOptions().name("program"));
    }

    /** Stores a mentee's new shortlist, replacing an older one. */
    public void put(Shortlist s) {
        collection.replaceOne(eq("_id", id(s.program(), s.mentee())), new Document("_id", id(s.program(), s.mentee()))
                        .append("tenant", s.mentee().tenant())
                        .append("program", s.program())
                        .append("mentee", s.mentee().key())
                        .append("candidates", s.candidates().stream().map(c -> new Document("mentor", c.mentor().key())
                                .append("score", c.score())
                                .append("reasons", c.reasons().stream()
                                        .map(r -> new Document("key", r.key()).append("args", r.args()).append("points", r.points()))
                                        .toList()))
                                .toList())
                        .append("tried", s.tried())
                        .append("taken", s.taken())
                        .append("size", s.shortfall().size())
                        .append("why", s.shortfall().why())
                        .append("whyArgs", s.shortfall().args())
                        .append("createdAt", Date.from(s.createdAt())),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Shortlist> find(String program, PersonRef mentee) {
        return Optional.ofNullable(collection.find(eq("_id", id(program, mentee))).first()).map(Shortlists::from);
    }

    /** Every shortlist of a programme, by mentee key (one query, for lists of the whole programme). */
    public Map<String, Shortlist> inProgram(String program) {
        Map<String, Shortlist> out = new HashMap<>();
        for (Document d : collection.find(eq("program", program))) {
            Shortlist s = from(d);
            out.put(s.mentee().key(), s);
        }
        return out;
    }

    /** Remembers that a mentor was asked, so they are not proposed again in this shortlist. */
    public void tried(String program, PersonRef mentee, PersonRef mentor) {
        collection.updateOne(eq("_id", id(program, mentee)), Updates.addToSet("tried", mentor.key()));
    }

    /**
     * Marks a mentor as having no free place left on one mentee's list (guard: not marked yet). True when this call
     * marked it, so that one acceptance changes what a mentee sees once.
     */
    public boolean taken(String program, PersonRef mentee, PersonRef mentor) {
        return collection.updateOne(and(eq("_id", id(program, mentee)), eq("candidates.mentor", mentor.key()),
                ne("taken", mentor.key())), Updates.addToSet("taken", mentor.key())).getModifiedCount() > 0;
    }

    /** The lists of a programme that propose this mentor, whoever they were asked by or not. */
    public List<Shortlist> offering(String program, PersonRef mentor) {
        return collection.find(and(eq("program", program), eq("candidates.mentor", mentor.key())))
                .map(Shortlists::from).into(new ArrayList<>());
    }

    public void remove(String program, PersonRef mentee) {
        collection.deleteOne(eq("_id", id(program, mentee)));
    }

    /** A mentee's shortlists, one per programme. */
    public List<Shortlist> of(PersonRef mentee) {
        return collection.find(eq("mentee", mentee.key())).map(Shortlists::from).into(new ArrayList<>());
    }

    /** Forgets a person: their own shortlists, and their place as a candidate on anybody else's. */
    public void forget(PersonRef person) {
        collection.deleteMany(eq("mentee", person.key()));
        collection.updateMany(eq("candidates.mentor", person.key()),
                Updates.pull("candidates", new Document("mentor", person.key())));
        collection.updateMany(eq("tried", person.key()), Updates.pull("tried", person.key()));
        collection.updateMany(eq("taken", person.key()), Updates.pull("taken", person.key()));
    }

    public void eraseProgram(String program) {
        collection.deleteMany(eq("program", program));
    }

    private static String id(String program, PersonRef mentee) {
        return program + "|" + mentee.key();
    }

    private static Shortlist from(Document d) {
        List<Shortlist.Candidate> candidates = new ArrayList<>();
        for (Document c : d.getList("candidates", Document.class)) {
            List<Pair.Reason> reasons = new ArrayList<>();
            for (Document r : c.getList("reasons", Document.class)) {
                reasons.add(new Pair.Reason(r.getString("key"), r.getList("args", String.class),
                        r.getInteger("points", 0)));
            }
            candidates.add(new Shortlist.Candidate(PersonRef.fromKey(c.getString("mentor")), c.getInteger("score"),
                    reasons));
        }
        // a list stored before lists knew their size and their taken mentors was as long as it was meant to be
        Shortlist.Shortfall shortfall = new Shortlist.Shortfall(d.getInteger("size", candidates.size()),
                d.get("why", ""), d.getList("whyArgs", String.class, List.of()));
        return new Shortlist(d.getString("program"), PersonRef.fromKey(d.getString("mentee")), candidates,
                d.getList("tried", String.class), d.getDate("createdAt").toInstant(),
                d.getList("taken", String.class, List.of()), shortfall);
    }
}

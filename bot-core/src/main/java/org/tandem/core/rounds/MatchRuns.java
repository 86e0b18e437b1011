package org.tandem.core.rounds;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Shortlist;
import org.tandem.core.matching.Unmatched;

/**
 * The {@code match_runs} collection: each preview a coordinator saw, so that {@code match confirm} acts on exactly
 * that plan, once.
 */
final class MatchRuns {

    /** A stored plan: who gets whom, the shortlists, who stays in the pool. */
    record Run(String id, String program, String status, List<Assignment> assignments,
               Map<String, Shortlist> shortlists, List<Unmatched> unmatched, Instant at) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;

    MatchRuns(MongoDatabase db) {
        this.collection = db.getCollection("match_runs");
        collection.createIndex(Indexes.ascending("program", "at"), new IndexOptions().name("program_at"));
    }

    /** Stores a preview; earlier previews of the programme can no longer be confirmed. */
    Run preview(String program, String tenant, String by, Plan plan, Instant now) {
        collection.updateMany(and(eq("program", program), eq("status", "preview")), Updates.set("status", "superseded"));
        String id = "r" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        Document doc = new Document("_id", id).append("tenant", tenant).append("program", program).append("by", by)
                .append("at", Date.from(now)).append("status", "preview")
                .append("assignments", plan.assignments().stream().map(a -> new Document("mentee", a.mentee())
                        .append("mentor", a.mentor()).append("score", score(a.score()))).toList())
                .append("shortlists", plan.shortlists().values().stream().map(s -> new Document("mentee", s.mentee())
                        .append("options", s.options().stream().map(o -> new Document("mentor", o.mentor())
                                .append("score", score(o.score())).append("planned", o.planned())).toList()))
                        .toList())
                .append("unmatched", plan.unmatched().stream().map(u -> new Document("mentee", u.mentee())
                        .append("key", u.key()).append("args", u.args())).toList());
        collection.insertOne(doc);
        return from(doc);
    }

    /** The programme's latest preview that is still waiting for confirmation. */
    Optional<Run> pending(String program) {
        return Optional.ofNullable(collection.find(and(eq("program", program), eq("status", "preview")))
                .sort(Sorts.descending("at")).first()).map(MatchRuns::from);
    }

    /** The programme's latest confirmed round. */
    Optional<Run> latestConfirmed(String program) {
        return Optional.ofNullable(collection.find(and(eq("program", program), eq("status", "confirmed")))
                .sort(Sorts.descending("at")).first()).map(MatchRuns::from);
    }

    Optional<Run> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(MatchRuns::from);
    }

    /** Marks a preview confirmed; false when it already was (a double click) or was superseded. */
    boolean confirm(String id) {
        return collection.updateOne(and(eq("_id", id), eq("status", "preview")), Updates.set("status", "confirmed"))
                .getModifiedCount() == 1;
    }

    /**
     * Takes a person out of every stored round of their workspace: their proposals, their shortlist, their place on
     * others' shortlists, why they stayed in the pool, and their name as the coordinator who ran it.
     */
    void forget(PersonRef person) {
        String key = person.key();
        for (Document d : collection.find(eq("tenant", person.tenant()))) {
            if (!d.toJson().contains(key) && !person.userId().equals(d.getString("by"))) {
                continue;
            }
            List<Document> assignments = d.getList("assignments", Document.class).stream()
                    .filter(a -> !key.equals(a.getString("mentee")) && !key.equals(a.getString("mentor"))).toList();
            List<Document> shortlists = d.getList("shortlists", Document.class).stream()
                    .filter(s -> !key.equals(s.getString("mentee")))
                    .map(s -> new Document(s).append("options", s.getList("options", Document.class).stream()
                            .filter(o -> !key.equals(o.getString("mentor"))).toList()))
                    .toList();
            List<Document> unmatched = d.getList("unmatched", Document.class).stream()
                    .filter(u -> !key.equals(u.getString("mentee"))).toList();
            collection.updateOne(eq("_id", d.getString("_id")), Updates.combine(
                    Updates.set("assignments", assignments), Updates.set("shortlists", shortlists),
                    Updates.set("unmatched", unmatched),
                    Updates.set("by", person.userId().equals(d.getString("by")) ? "" : d.getString("by"))));
        }
    }

    /** Deletes a programme's rounds (retention of a closed programme). */
    void eraseProgram(String program) {
        collection.deleteMany(eq("program", program));
    }

    private static Document score(Score s) {
        return new Document("total", s.total()).append("reasons", s.reasons().stream()
                .map(r -> new Document("criterion", r.criterion().name()).append("points", r.points())
                        .append("key", r.key()).append("args", r.args())).toList());
    }

    private static Score score(Document d) {
        List<Reason> reasons = new ArrayList<>();
        for (Document r : d.getList("reasons", Document.class)) {
            reasons.add(new Reason(org.tandem.core.matching.Criterion.valueOf(r.getString("criterion")),
                    r.getInteger("points"), r.getString("key"), r.getList("args", String.class)));
        }
        return new Score(d.getInteger("total"), reasons);
    }

    private static Run from(Document d) {
        List<Assignment> assignments = new ArrayList<>();
        for (Document a : d.getList("assignments", Document.class)) {
            assignments.add(new Assignment(a.getString("mentee"), a.getString("mentor"),
                    score(a.get("score", Document.class))));
        }
        Map<String, Shortlist> shortlists = new java.util.LinkedHashMap<>();
        for (Document s : d.getList("shortlists", Document.class)) {
            List<Shortlist.Option> options = new ArrayList<>();
            for (Document o : s.getList("options", Document.class)) {
                options.add(new Shortlist.Option(o.getString("mentor"), score(o.get("score", Document.class)),
                        o.getBoolean("planned")));
            }
            shortlists.put(s.getString("mentee"), new Shortlist(s.getString("mentee"), options));
        }
        List<Unmatched> unmatched = new ArrayList<>();
        for (Document u : d.getList("unmatched", Document.class)) {
            unmatched.add(new Unmatched(u.getString("mentee"), u.getString("key"), u.getList("args", String.class)));
        }
        return new Run(d.getString("_id"), d.getString("program"), d.getString("status"), assignments, shortlists,
                unmatched, d.getDate("at").toInstant());
    }
}

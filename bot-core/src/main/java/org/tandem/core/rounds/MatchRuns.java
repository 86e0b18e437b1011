package org.tandem.core.rounds;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Objective;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Shortlist;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.rounds.Proposals.Kind;

/**
 * The {@code match_runs} collection: each preview a coordinator saw, so that {@code match confirm} acts on exactly
 * that plan, once. A run document holds only the plan's numbers and its state (the guards of "a newer preview
 * supersedes" and "confirm once" are on it); what it proposes is in {@link Proposals}, in chunks, so that neither
 * grows with the programme. A superseded preview's proposals are deleted: it can never be confirmed.
 */
final class MatchRuns {

    /** How much a stored round holds, and how many of its proposals are compromises. */
    record Counts(int assignments, int shortlists, int unmatched, int compromises) {}

    /**
     * A stored round without its proposals: small, so that a click reads it cheaply.
     *
     * @param chunks per kind, where each chunk of its proposals starts (see {@link Proposals#write})
     */
    record Head(String id, String program, String status, Instant at, Counts counts, Objective objective,
                List<Integer> loads, List<Plan.Wanted> wanted, Map<Kind, List<Integer>> chunks) {}

    /** A stored plan: who gets whom (in the plan's order), the shortlists, who stays in the pool. */
    record Run(Head head, List<Assignment> assignments, Map<String, Shortlist> shortlists, List<Unmatched> unmatched) {

        String id() {
            return head.id();
        }

        String program() {
            return head.program();
        }

        String status() {
            return head.status();
        }

        Instant at() {
            return head.at();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;
    private final Proposals proposals;

    MatchRuns(MongoDatabase db) {
        this.collection = db.getCollection("match_runs");
        this.proposals = new Proposals(db);
        collection.createIndex(Indexes.ascending("program", "at"), new IndexOptions().name("program_at"));
    }

    /**
     * Stores a preview (its proposals first, so that a run document is never seen without them); earlier previews of
     * the programme can no longer be confirmed, and their proposals go.
     */
    Run preview(String program, String tenant, String by, Plan plan, Instant now) {
        String id = "r" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        Proposals.Owner owner = new Proposals.Owner(id, tenant, program);
        Map<Assignment, Integer> inPlan = new IdentityHashMap<>();
        for (int i = 0; i < plan.assignments().size(); i++) {
            inPlan.put(plan.assignments().get(i), i);
        }
        Map<Kind, List<Integer>> chunks = new EnumMap<>(Kind.class);
        // in the order the coordinator pages through them, each with its place in the plan
        chunks.put(Kind.ASSIGNMENT, proposals.write(owner, Kind.ASSIGNMENT, Preview.ordered(plan.assignments())
                .stream().map(a -> ProposalDocs.assignment(a).append("p", inPlan.get(a))).toList()));
        chunks.put(Kind.SHORTLIST, proposals.write(owner, Kind.SHORTLIST,
                plan.shortlists().values().stream().map(ProposalDocs::shortlist).toList()));
        chunks.put(Kind.UNMATCHED, proposals.write(owner, Kind.UNMATCHED,
                plan.unmatched().stream().map(ProposalDocs::unmatched).toList()));
        Head head = new Head(id, program, "preview", now, new Counts(plan.assignments().size(),
                plan.shortlists().size(), plan.unmatched().size(), (int) plan.compromises()), plan.objective(),
                plan.loads(), plan.wanted(), chunks);
        collection.insertOne(ProposalDocs.head(head).append("tenant", tenant).append("by", by));
        supersede(program, id);
        return new Run(head, plan.assignments(), plan.shortlists(), plan.unmatched());
    }

    /**
     * Every other preview of the programme still waiting is superseded, unless confirmed meanwhile (the guard), and
     * its proposals go. Two previews stored at the very same moment may supersede each other: then neither can be
     * confirmed and the coordinator asks again, which is safer than two rounds.
     */
    private void supersede(String program, String newer) {
        Bson others = and(eq("program", program), eq("status", "preview"), ne("_id", newer));
        for (Document d : collection.find(others).projection(Projections.include("chunks"))) {
            if (collection.updateOne(and(eq("_id", d.get("_id")), eq("status", "preview")), Updates.combine(
                    Updates.set("status", "superseded"), Updates.set("chunks", new Document()),
                    Updates.unset("assignments"), Updates.unset("shortlists"), Updates.unset("unmatched")))
                    .getModifiedCount() == 1) {
                proposals.delete(d.getString("_id"), ProposalDocs.chunks(d));
            }
        }
    }

    /** The programme's latest preview that is still waiting for confirmation. */
    Optional<Run> pending(String program) {
        return latest(program, "preview").map(this::load);
    }

    /** The programme's latest confirmed round. */
    Optional<Run> latestConfirmed(String program) {
        return latest(program, "confirmed").map(this::load);
    }

    /**
     * A mentee's shortlist in the programme's latest confirmed round, read from the one chunk that holds it rather
     * than the whole round (a swap needs one list, a round can hold 50,000).
     */
    Optional<Shortlist> confirmedShortlist(String program, String mentee) {
        Optional<Head> head = latest(program, "confirmed");
        if (head.isEmpty()) {
            return Optional.empty();
        }
        if (head.get().chunks().isEmpty()) {
            return Optional.ofNullable(legacy(head.get()).shortlists().get(mentee));
        }
        return proposals.find(head.get().id(), Kind.SHORTLIST, "mentee", mentee).map(ProposalDocs::shortlist);
    }

    Optional<Run> find(String id) {
        return head(id).map(this::load);
    }

    /** A round without its proposals, for what needs only its state and numbers (a page needs a few proposals). */
    Optional<Head> head(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(ProposalDocs::head);
    }

    /**
     * The proposals at {@code from} to {@code from + count} in the preview's order (compromises, then the weakest
     * first), read from only the chunks that hold them.
     */
    List<Assignment> proposals(Head head, int from, int count) {
        if (head.chunks().isEmpty()) {
            return Preview.ordered(legacy(head).assignments()).stream().skip(from).limit(count).toList();
        }
        return proposals.range(head.id(), Kind.ASSIGNMENT, head.chunks().getOrDefault(Kind.ASSIGNMENT, List.of()),
                from, from + count).stream().map(ProposalDocs::assignment).toList();
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
        proposals.forget(person);
        String key = person.key();
        Bson tenant = eq("tenant", person.tenant());
        collection.updateMany(and(tenant, eq("by", person.userId())), Updates.set("by", ""));
        // rounds stored before their proposals were chunked hold them inline
        collection.updateMany(and(tenant, eq("shortlists.options.mentor", key)),
                Updates.pull("shortlists.$[].options", new Document("mentor", key)));
        for (String path : List.of("assignments.mentee", "assignments.mentor", "shortlists.mentee",
                "unmatched.mentee")) {
            String[] listAndRole = path.split("\\.");
            collection.updateMany(and(tenant, eq(path, key)),
                    Updates.pull(listAndRole[0], new Document(listAndRole[1], key)));
        }
    }

    /** Deletes a programme's rounds (retention of a closed programme). */
    void eraseProgram(String program) {
        collection.deleteMany(eq("program", program));
        proposals.eraseProgram(program);
    }

    private Optional<Head> latest(String program, String status) {
        return Optional.ofNullable(collection.find(and(eq("program", program), eq("status", status)))
                .sort(Sorts.descending("at")).first()).map(ProposalDocs::head);
    }

    private Run load(Head head) {
        Map<Kind, List<Integer>> chunks = head.chunks();
        if (chunks.isEmpty()) {
            return legacy(head);
        }
        // stored in the preview's order, each with its place in the plan
        List<Assignment> assignments = proposals.read(head.id(), Kind.ASSIGNMENT,
                        chunks.getOrDefault(Kind.ASSIGNMENT, List.of())).stream()
                .sorted(Comparator.comparingInt(a -> a.getInteger("p"))).map(ProposalDocs::assignment).toList();
        Map<String, Shortlist> shortlists = new LinkedHashMap<>();
        for (Document s : proposals.read(head.id(), Kind.SHORTLIST, chunks.getOrDefault(Kind.SHORTLIST, List.of()))) {
            Shortlist list = ProposalDocs.shortlist(s);
            shortlists.put(list.mentee(), list);
        }
        List<Unmatched> unmatched = proposals.read(head.id(), Kind.UNMATCHED,
                chunks.getOrDefault(Kind.UNMATCHED, List.of())).stream().map(ProposalDocs::unmatched).toList();
        return new Run(head, assignments, shortlists, unmatched);
    }

    /** A round stored before proposals had their own collection: they are in its document. */
    private Run legacy(Head head) {
        Document d = collection.find(eq("_id", head.id())).first();
        if (d == null) {
            return new Run(head, List.of(), Map.of(), List.of());
        }
        Map<String, Shortlist> shortlists = new LinkedHashMap<>();
        for (Document s : d.getList("shortlists", Document.class, List.of())) {
            Shortlist list = ProposalDocs.shortlist(s);
            shortlists.put(list.mentee(), list);
        }
        return new Run(head, d.getList("assignments", Document.class, List.of()).stream()
                .map(ProposalDocs::assignment).toList(), shortlists,
                d.getList("unmatched", Document.class, List.of()).stream().map(ProposalDocs::unmatched).toList());
    }
}

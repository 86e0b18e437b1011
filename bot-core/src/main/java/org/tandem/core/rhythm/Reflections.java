package org.tandem.core.rhythm;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.bson.Document;
import org.tandem.core.admin.RhythmFigures;
import org.tandem.core.conversation.PersonRef;

/**
 * The {@code reflections} collection. A reflection is private to its author: only they read its text
 * ({@code journal}); coordinators get counts and averages from {@link #averages}, never a text.
 */
public final class Reflections {

    /**
     * One reflection: its kind (meeting, midpoint, closing, or a private meeting note), free answers, progress per
     * objective, satisfaction, when it was written and, for a meeting's reflection or note, the day of the meeting.
     */
    public record Reflection(String pair, String program, PersonRef author, String kind, Map<String, String> answers,
                             List<Integer> progress, List<String> outcomes, int satisfaction, Instant at,
                             Optional<LocalDate> meetingOn) {

        /** A meeting note is the author's own memo, not a reflection: it is counted apart. */
        public static final String NOTE = "note";

        public Reflection {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            meetingOn = meetingOn == null ? Optional.empty() : meetingOn;
        }

        /** A reflection that says nothing of its objectives' outcomes (all but the close). */
        public Reflection(String pair, String program, PersonRef author, String kind, Map<String, String> answers,
                          List<Integer> progress, int satisfaction, Instant at, Optional<LocalDate> meetingOn) {
            this(pair, program, author, kind, answers, progress, List.of(), satisfaction, at, meetingOn);
        }

        public boolean note() {
            return NOTE.equals(kind);
        }
    }

    /** Where an objective stands at the close, in the order a form offers them. */
    public static final List<String> OUTCOMES = RhythmFigures.OUTCOMES;

    /** What coordinators may see of a programme's reflections. */
    public record Averages(long count, OptionalDouble progress, OptionalDouble satisfaction) {}

    private final MongoCollection<Document> collection;

    public Reflections(MongoDatabase db) {
        this.collection = db.getCollection("reflections");
        collection.createIndex(Indexes.ascending("author", "at"), new IndexOptions().name("author_at"));
        collection.createIndex(Indexes.ascending("program"), new IndexOptions().name("program"));
    }

    /** Stores a reflection; one per author, pair and prompt ({@code ref}), so a double submit keeps one. */
    void save(Reflection r, String ref) {
        collection.replaceOne(eq("_id", r.author().key() + "|" + r.pair() + "|" + ref),
                new Document("_id", r.author().key() + "|" + r.pair() + "|" + ref)
                        .append("tenant", r.author().tenant()).append("pair", r.pair()).append("program", r.program())
                        .append("author", r.author().key()).append("kind", r.kind())
                        .append("answers", new Document(new java.util.LinkedHashMap<>(r.answers())))
                        .append("progress", r.progress()).append("outcomes", r.outcomes())
                        .append("satisfaction", r.satisfaction())
                        .append("at", Date.from(r.at()))
                        .append("on", r.meetingOn().map(LocalDate::toString).orElse(null)),
                new ReplaceOptions().upsert(true));
    }

    /** An author's own reflections, newest first. */
    public List<Reflection> of(PersonRef author) {
        List<Reflection> out = new ArrayList<>();
        for (Document d : collection.find(eq("author", author.key())).sort(Sorts.descending("at"))) {
            Map<String, String> answers = new java.util.LinkedHashMap<>();
            d.get("answers", Document.class).forEach((k, v) -> answers.put(k, String.valueOf(v)));
            out.add(new Reflection(d.getString("pair"), d.getString("program"), author, d.getString("kind"), answers,
                    d.getList("progress", Integer.class), d.getList("outcomes", String.class, List.of()),
                    d.getInteger("satisfaction", 0),
                    d.getDate("at").toInstant(), Optional.ofNullable(d.getString("on")).map(LocalDate::parse)));
        }
        return out;
    }

    /** Counts and averages for a programme's reflections (meeting notes are not reflections): no text, no author. */
    public Averages averages(String program) {
        long count = 0;
        List<Integer> progress = new ArrayList<>();
        List<Integer> satisfaction = new ArrayList<>();
        // the numbers only: the answers, which may be long, stay in the database
        for (Document d : collection.find(and(eq("program", program), ne("kind", Reflection.NOTE)))
                .projection(com.mongodb.client.model.Projections.include("progress", "satisfaction"))) {
            count++;
            progress.addAll(d.getList("progress", Integer.class));
            int s = d.getInteger("satisfaction", 0);
            if (s > 0) {
                satisfaction.add(s);
            }
        }
        return new Averages(count, progress.stream().mapToInt(Integer::intValue).average(),
                satisfaction.stream().mapToInt(Integer::intValue).average());
    }

    /**
     * The numbers of one reflection, without a word of it: who answered (to count people, never to show them), its
     * kind, progress per objective, outcomes per objective at the close, and satisfaction (0: not asked).
     */
    public record Numbers(String author, String kind, List<Integer> progress, List<String> outcomes,
                          int satisfaction) {}

    /** The numbers of a programme's reflections (meeting notes are not reflections), for its report. */
    public List<Numbers> numbers(String program) {
        List<Numbers> out = new ArrayList<>();
        for (Document d : collection.find(and(eq("program", program), ne("kind", Reflection.NOTE)))
                .projection(com.mongodb.client.model.Projections.include("author", "kind", "progress", "outcomes",
                        "satisfaction"))) {
            out.add(new Numbers(d.getString("author"), d.getString("kind"), d.getList("progress", Integer.class),
                    d.getList("outcomes", String.class, List.of()), d.getInteger("satisfaction", 0)));
        }
        return out;
    }

    /** Erases everything an author wrote. */
    public long forget(PersonRef author) {
        return collection.deleteMany(eq("author", author.key())).getDeletedCount();
    }

    /** Erases a programme's reflections (its retention period is over). */
    public long eraseProgram(String program) {
        return collection.deleteMany(eq("program", program)).getDeletedCount();
    }

    boolean exists(PersonRef author, String pair, String ref) {
        return collection.countDocuments(and(eq("_id", author.key() + "|" + pair + "|" + ref))) > 0;
    }
}

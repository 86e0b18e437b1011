package org.tandem.core.pairs;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.store.Inserts;

/**
 * The {@code meetings} collection: every meeting a pair logs (the first and every later one), so coordinators
 * see how many pairs really met. A meeting is logged once per pair and day, whoever logs it first.
 */
public final class Meetings {

    private final MongoCollection<Document> collection;

    public Meetings(MongoDatabase db) {
        this.collection = db.getCollection("meetings");
        collection.createIndex(Indexes.ascending("program", "date"), new IndexOptions().name("program_date"));
        collection.createIndex(Indexes.ascending("pair"), new IndexOptions().name("pair"));
    }

    /** Logs a meeting; false when that pair already logged one that day (both clicked "we met"). */
    public boolean log(Pair pair, LocalDate date, PersonRef by, Instant now) {
        return Inserts.once(collection, new Document("_id", pair.id() + "|" + date)
                .append("tenant", pair.scope().tenant()).append("program", pair.program()).append("pair", pair.id())
                .append("date", date.toString()).append("by", by.key()).append("loggedAt", Date.from(now)));
    }

    /** The meetings a person logged: the pair and the date, for their own copy of their data. */
    public List<Map<String, Object>> loggedBy(PersonRef person) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document d : collection.find(eq("by", person.key()))) {
            out.add(Map.of("pair", d.getString("pair"), "date", d.getString("date")));
        }
        return out;
    }

    /** Puts a stand-in in the place of who logged a meeting: the meeting still counts, but names nobody. */
    public void forget(PersonRef person, PersonRef standIn) {
        collection.updateMany(eq("by", person.key()), Updates.set("by", standIn.key()));
    }

    public long eraseProgram(String program) {
        return collection.deleteMany(eq("program", program)).getDeletedCount();
    }

    /** How many meetings a programme's pairs logged on dates in {@code [from, to)} (ISO dates compare as text). */
    public int between(String program, LocalDate from, LocalDate to) {
        return (int) collection.countDocuments(and(eq("program", program),
                gte("date", from.toString()),
                lt("date", to.toString())));
    }

    public long count(String pair) {
        return collection.countDocuments(eq("pair", pair));
    }

    /** The days a programme's pairs met on, by pair (one query, for its report). */
    public Map<String, List<LocalDate>> datesIn(String program) {
        Map<String, List<LocalDate>> out = new LinkedHashMap<>();
        for (Document d : collection.find(eq("program", program))
                .projection(Projections.include("pair", "date"))) {
            out.computeIfAbsent(d.getString("pair"), k -> new ArrayList<>())
                    .add(LocalDate.parse(d.getString("date")));
        }
        return out;
    }

    /** A meeting counts this long in the hours of mentoring given, when nothing says how long it was. */
    public static final int USUAL_MINUTES = 60;

    /**
     * The minutes of mentoring the pairs' logged meetings add up to: each meeting counts as {@link #USUAL_MINUTES}
     * (a meeting is logged with a day, not a length).
     */
    public long minutes(Collection<String> pairs) {
        return pairs.isEmpty() ? 0
                : collection.countDocuments(in("pair", pairs)) * USUAL_MINUTES;
    }
}

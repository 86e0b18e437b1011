package org.tandem.core.rounds;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.tandem.core.conversation.PersonRef;

/**
 * The {@code match_proposals} collection: what a stored round proposes — its assignments, shortlists and unmatched
 * mentees — as chunks of at most {@value #MAX_ITEMS} items and {@value #MAX_BYTES} bytes, so that a round of any size
 * stays far below MongoDB's 16 MiB document limit. A chunk's id is its round, kind and number: a round reads exactly
 * the chunks it needs by id (the embedded server indexes nothing else), and a page of proposals is one or two chunks.
 * Each item carries {@code n}, its position in its kind's stored order; a chunk's {@code from} is its first's.
 */
final class Proposals {

    /** What a chunk holds. */
    enum Kind {
        ASSIGNMENT("assignment"), SHORTLIST("shortlist"), UNMATCHED("unmatched");

        final String value;

        Kind(String value) {
            this.value = value;
        }
    }

    /** The round the chunks belong to, and whose data they are (for erasure and retention). */
    record Owner(String run, String tenant, String program) {}

    static final int MAX_ITEMS = 500;
    static final int MAX_BYTES = 256 * 1024;
    /** Chunks per insertMany: a few MiB on the wire at a time. */
    private static final int BATCH = 16;
    /** Ids per {@code $in} query when a whole kind is read. */
    private static final int READ_BATCH = 64;
    private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final MongoCollection<Document> collection;

    Proposals(MongoDatabase db) {
        this.collection = db.getCollection("match_proposals");
        // for a real MongoDB; the embedded server reads chunks by id
        collection.createIndex(Indexes.ascending("run", "kind", "from"), new IndexOptions().name("run_kind_from"));
        collection.createIndex(Indexes.ascending("program"), new IndexOptions().name("program"));
    }

    /**
     * Stores a kind's items in order, each given its position {@code n}; returns where each chunk starts, which is
     * what {@link #read} and {@link #range} need to find them again.
     */
    List<Integer> write(Owner owner, Kind kind, List<Document> items) {
        List<Integer> starts = new ArrayList<>();
        List<Document> batch = new ArrayList<>();
        List<RawBsonDocument> chunk = new ArrayList<>();
        int bytes = 0;
        for (int n = 0; n < items.size(); n++) {
            Document positioned = new Document("n", n);
            positioned.putAll(items.get(n));
            RawBsonDocument item = new RawBsonDocument(positioned, CODEC);
            int size = item.getByteBuffer().remaining();
            if (!chunk.isEmpty() && (chunk.size() == MAX_ITEMS || bytes + size > MAX_BYTES)) {
                batch.add(chunk(owner, kind, starts, chunk));
                chunk = new ArrayList<>();
                bytes = 0;
                if (batch.size() == BATCH) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            chunk.add(item);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            batch.add(chunk(owner, kind, starts, chunk));
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return starts;
    }

    private static Document chunk(Owner owner, Kind kind, List<Integer> starts, List<RawBsonDocument> items) {
        int from = items.get(0).getInt32("n").getValue();
        Document d = new Document("_id", id(owner.run(), kind, starts.size())).append("run", owner.run())
                .append("tenant", owner.tenant()).append("program", owner.program()).append("kind", kind.value)
                .append("from", from).append("items", items);
        starts.add(from);
        return d;
    }

    /** Every item of a kind, in order. */
    List<Document> read(String run, Kind kind, List<Integer> starts) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < starts.size(); c++) {
            ids.add(id(run, kind, c));
        }
        return items(ids, 0, Integer.MAX_VALUE);
    }

    /** The items at positions {@code from} (inclusive) to {@code to} (exclusive): only the chunks that hold them. */
    List<Document> range(String run, Kind kind, List<Integer> starts, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < starts.size(); c++) {
            int end = c + 1 < starts.size() ? starts.get(c + 1) : Integer.MAX_VALUE;
            if (starts.get(c) < to && end > from) {
                ids.add(id(run, kind, c));
            }
        }
        return items(ids, from, to);
    }

    /** The one item of a kind in a run whose field is this value (a mentee's shortlist): one chunk read. */
    java.util.Optional<Document> find(String run, Kind kind, String field, String value) {
        Document chunk = collection.find(and(eq("run", run), eq("kind", kind.value), eq("items." + field, value)))
                .first();
        return chunk == null ? java.util.Optional.empty() : chunk.getList("items", Document.class).stream()
                .filter(item -> value.equals(item.getString(field))).findFirst();
    }

    private List<Document> items(List<String> ids, int from, int to) {
        TreeMap<Integer, Document> byPosition = new TreeMap<>();
        for (int i = 0; i < ids.size(); i += READ_BATCH) {
            for (Document chunk : collection.find(in("_id", ids.subList(i, Math.min(ids.size(), i + READ_BATCH))))) {
                for (Document item : chunk.getList("items", Document.class)) {
                    int n = item.getInteger("n");
                    if (n >= from && n < to) {
                        byPosition.put(n, item);
                    }
                }
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    /** Deletes a round's chunks (a superseded preview's, which can never be confirmed). */
    void delete(String run, Map<Kind, List<Integer>> chunks) {
        List<String> ids = new ArrayList<>();
        chunks.forEach((kind, starts) -> {
            for (int c = 0; c < starts.size(); c++) {
                ids.add(id(run, kind, c));
            }
        });
        for (int i = 0; i < ids.size(); i += READ_BATCH) {
            collection.deleteMany(in("_id", ids.subList(i, Math.min(ids.size(), i + READ_BATCH))));
        }
    }

    /**
     * Takes a person out of every chunk of their workspace, in place: the items about them as mentee or as the
     * proposed mentor, and the options naming them on others' shortlists. Positions keep their gaps, so pages stay
     * where they were.
     */
    void forget(PersonRef person) {
        String key = person.key();
        collection.updateMany(and(eq("tenant", person.tenant()), eq("items.options.mentor", key)),
                Updates.pull("items.$[].options", new Document("mentor", key)));
        for (String role : List.of("mentee", "mentor")) {
            collection.updateMany(and(eq("tenant", person.tenant()), eq("items." + role, key)),
                    Updates.pull("items", new Document(role, key)));
        }
    }

    /** Deletes a programme's chunks (retention of a closed programme). */
    void eraseProgram(String program) {
        collection.deleteMany(eq("program", program));
    }

    static String id(String run, Kind kind, int chunk) {
        return run + "/" + kind.value + "/" + chunk;
    }
}

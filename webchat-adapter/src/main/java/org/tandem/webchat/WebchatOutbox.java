package org.tandem.webchat;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The web chat's own store: every message in sequence order, with who may read it, so that the page (or a
 * script) polls {@code after=N}. Kept in MongoDB so the history survives a restart.
 */
final class WebchatOutbox {

    static final String ADMIN = "admin";
    static final String DIRECT = "dm";

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> groups;
    private final Map<String, Farewell> farewells = new ConcurrentHashMap<>();

    /** A last answer to a person who erased their data: in memory only, until read or for a minute. */
    private record Farewell(Document message, long until) {}

    /** How long a farewell waits for its reader. */
    static final Duration FAREWELL_KEPT = Duration.ofMinutes(1);
    /** How much of a long text must match for a shortened quote of it to count. */
    static final int QUOTED_PREFIX = 24;

    WebchatOutbox(MongoDatabase db) {
        this.messages = db.getCollection("webchat_outbox");
        this.counters = db.getCollection("webchat_counters");
        this.groups = db.getCollection("webchat_groups");
    }

    /**
     * Appends a message. Sequence allocation and insert happen under one lock so that a reader never sees
     * {@code N+1} before {@code N} (the web chat is a single-instance dev tool).
     */
    synchronized long append(String conversation, List<String> recipients, String from, List<Document> blocks,
                             Instant at) {
        long seq = next("seq");
        Document d = new Document("_id", seq).append("conversation", conversation).append("recipients", recipients)
                .append("at", Date.from(at));
        if (from != null) {
            d.append("from", from);
        }
        d.append("blocks", blocks);
        messages.insertOne(d);
        return seq;
    }

    /** Replaces the blocks of a message (the core updating, e.g. to disable used buttons). */
    void replace(long seq, List<Document> blocks) {
        messages.updateOne(eq("_id", seq), Updates.set("blocks", blocks));
    }

    /** One message as the page reads it, or empty when there is none with that number. */
    Optional<Document> read(long seq) {
        return Optional.ofNullable(messages.find(eq("_id", seq)).first()).map(WebchatOutbox::readable);
    }

    /** What a person may read after a sequence number, oldest first. */
    List<Document> readable(String user, boolean coordinator, long after, int limit) {
        Bson mine = in("recipients", user);
        Bson visible = coordinator ? or(mine, eq("conversation", ADMIN)) : mine;
        List<Document> out = new ArrayList<>();
        for (Document d : messages.find(and(gt("_id", after), visible)).sort(Sorts.ascending("_id")).limit(limit)) {
            out.add(readable(d));
        }
        return out;
    }

    private static Document readable(Document d) {
        Document m = new Document("seq", d.getLong("_id")).append("conversation", d.getString("conversation"));
        if (d.containsKey("from")) {
            m.append("from", d.getString("from"));
        }
        return m.append("at", d.getDate("at").toInstant().toString()).append("blocks", d.get("blocks"));
    }

    /**
     * Forgets a person who erased their data: their direct conversation and what they typed anywhere go; they are
     * taken off every other message's readers and every group; their name and what they wrote, where the bot quoted
     * it in a message to others (an introduction, an agreement, a notice in the admin channel), become a dash. Their
     * {@code farewell} (the answer confirming the erasure) is kept in memory only, for their next read.
     */
    synchronized void forget(String user, Set<String> needles, Optional<Long> farewell) {
        farewell.flatMap(this::read).filter(d -> d.getList("blocks", Document.class) != null)
                .ifPresent(d -> farewells.put(user, new Farewell(d, System.nanoTime() + FAREWELL_KEPT.toNanos())));
        messages.deleteMany(and(eq("conversation", DIRECT), eq("recipients", List.of(user))));
        messages.deleteMany(eq("from", user));
        messages.updateMany(eq("recipients", user), Updates.pull("recipients", user));
        groups.updateMany(eq("members", user), Updates.pull("members", user));
        List<String> forms = new ArrayList<>();
        for (String n : needles) {
            forms.add(n);
            forms.add(WebchatRenderer.escape(n));
        }
        if (forms.isEmpty()) {
            return;
        }
        for (Document d : messages.find()) {
            List<Document> before = d.getList("blocks", Document.class);
            List<Document> after = before.stream().map(b -> scrub(b, forms)).toList();
            if (!after.equals(before)) {
                messages.updateOne(eq("_id", d.getLong("_id")), Updates.set("blocks", after));
            }
        }
    }

    /** The farewell of a person who erased their data, once, if it is still fresh and after {@code after}. */
    Optional<Document> farewell(String user, long after) {
        Farewell f = farewells.remove(user);
        if (f == null || System.nanoTime() - f.until() > 0 || f.message().getLong("seq") <= after) {
            return Optional.empty();
        }
        return Optional.of(f.message());
    }

    /** The same block with each form of a name or a text replaced by a dash in every string it holds. */
    private static Document scrub(Document block, List<String> forms) {
        Document out = new Document();
        block.forEach((k, v) -> out.append(k, scrubValue(v, forms)));
        return out;
    }

    private static Object scrubValue(Object v, List<String> forms) {
        if (v instanceof String s) {
            for (String f : forms) {
                s = s.replace(f, "—");
                if (f.length() > QUOTED_PREFIX) {
                    // a long text quoted shortened ("Speak with confidence at the…"): its start is enough to know it
                    s = s.replaceAll(java.util.regex.Pattern.quote(f.substring(0, QUOTED_PREFIX)) + "[^\\n]*", "—");
                }
            }
            return s;
        }
        if (v instanceof Document d) {
            return scrub(d, forms);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> scrubValue(x, forms)).toList();
        }
        return v;
    }

    String openGroup(List<String> members) {
        String id = "g" + next("group");
        groups.insertOne(new Document("_id", id).append("members", members));
        return id;
    }

    List<String> members(String groupId) {
        Document g = groups.find(eq("_id", groupId)).first();
        return g == null ? List.of() : g.getList("members", String.class);
    }

    private long next(String counter) {
        Document c = counters.findOneAndUpdate(eq("_id", counter), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return c.getLong("value");
    }
}

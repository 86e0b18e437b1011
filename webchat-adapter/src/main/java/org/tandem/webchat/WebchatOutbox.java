package org.tandem.webchat;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The web chat's own store: every message with its place in the conversation ({@code seq}), who may read it, and
 * the revision of its last change ({@code rev}, from the same counter), so that the page (or a script) polls
 * {@code after=N} and gets what was sent or changed since — a message the core updated in place, or one that lost
 * an erased person's words. Kept in MongoDB so the history survives a restart. A named channel's messages
 * ({@code channel:<name>}, a recognition channel, an announcement) are for {@code everyone}: whoever opens the web
 * chat reads them, including people who come after they were sent, as in a public channel.
 */
final class WebchatOutbox {

    static final String ADMIN = "admin";
    static final String DIRECT = "dm";
    static final String GROUP = "group:";
    static final String CHANNEL = "channel:";

    /** The blocks that link to a file the web chat keeps. */
    private static final Set<String> FILE_BLOCKS = Set.of("file", "image");

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> groups;
    private final MongoCollection<Document> channels;
    private final Farewells farewells = new Farewells();

    WebchatOutbox(MongoDatabase db) {
        this.messages = db.getCollection("webchat_outbox");
        this.counters = db.getCollection("webchat_counters");
        this.groups = db.getCollection("webchat_groups");
        this.channels = db.getCollection("webchat_channels");
        // messages stored before revisions existed were last changed when they were sent
        for (Document d : messages.find(exists("rev", false)).into(new ArrayList<>())) {
            messages.updateOne(eq("_id", d.get("_id")), Updates.set("rev", d.getLong("_id")));
        }
    }

    /**
     * Appends a message. Sequence allocation and insert happen under one lock so that a reader never sees
     * {@code N+1} before {@code N} (the web chat is a single-instance dev tool).
     */
    synchronized long append(String conversation, List<String> recipients, String from, List<Document> blocks,
                             Instant at) {
        long seq = next();
        Document d = new Document("_id", seq).append("rev", seq).append("conversation", conversation)
                .append("recipients", recipients).append("at", Date.from(at));
        if (conversation.startsWith(CHANNEL)) {
            d.append("everyone", true);
        }
        if (from != null) {
            d.append("from", from);
        }
        d.append("blocks", blocks);
        messages.insertOne(d);
        return seq;
    }

    /** Replaces the blocks of a message (the core updating, e.g. to disable used buttons): readers get it again. */
    synchronized boolean replace(long seq, List<Document> blocks) {
        return messages.updateOne(eq("_id", seq), Updates.combine(Updates.set("blocks", blocks),
                Updates.set("rev", next()))).getMatchedCount() == 1;
    }

    /** One message as the page reads it, or empty when there is none with that number. */
    Optional<Document> read(long seq) {
        return Optional.ofNullable(messages.find(eq("_id", seq)).first()).map(WebchatOutbox::readable);
    }

    /**
     * Whether message {@code seq} is one of the bot's (not something a person typed) in {@code conversation}, and
     * {@code user} may read it: what a click or a submission may say it came from.
     */
    boolean botMessageReadable(long seq, String conversation, String user, boolean coordinator) {
        Document d = messages.find(eq("_id", seq)).first();
        if (d == null || d.containsKey("from") || !conversation.equals(d.getString("conversation"))) {
            return false;
        }
        return d.getList("recipients", String.class).contains(user) || coordinator && ADMIN.equals(conversation)
                || d.getBoolean("everyone", false);
    }

    /**
     * What a person may read that was sent or changed after revision {@code after}, oldest change first; a person
     * who just erased their data reads the confirmation once, and nothing else.
     */
    List<Document> readable(String user, boolean coordinator, long after, int limit) {
        Bson mine = or(in("recipients", user), eq("everyone", true));
        Bson visible = coordinator ? or(mine, eq("conversation", ADMIN)) : mine;
        List<Document> out = new ArrayList<>();
        for (Document d : messages.find(and(gt("rev", after), visible)).sort(Sorts.ascending("rev")).limit(limit)) {
            out.add(readable(d));
        }
        farewells.take(user, after).ifPresent(out::add);
        return out;
    }

    private static Document readable(Document d) {
        Document m = new Document("seq", d.getLong("_id")).append("rev", d.getLong("rev"))
                .append("conversation", d.getString("conversation"));
        if (d.containsKey("from")) {
            m.append("from", d.getString("from"));
        }
        // a private answer in a group: the page says that the others do not see it
        if (d.getString("conversation").startsWith(GROUP) && d.getList("recipients", String.class).size() == 1) {
            m.append("private", true);
        }
        return m.append("at", d.getDate("at").toInstant().toString()).append("blocks", d.get("blocks"));
    }

    /**
     * Forgets a person who erased their data. Their direct conversation goes; what they typed elsewhere becomes a
     * dash; they are taken off every other message's readers and every group. In each copy that is about them (in
     * their pair's group, or holding their name or one of their distinctive texts: an introduction, an agreement, a
     * notice in the admin channel) their name and texts become a dash. A link to a file that went with them says
     * the file was withdrawn. Their {@code farewell} (the answer confirming the erasure) is kept in memory only,
     * for their next read.
     */
    synchronized void forget(String user, Needles needles, Optional<Long> farewell, Set<String> withdrawnFiles) {
        farewell.flatMap(this::read).ifPresent(d -> farewells.keep(user, d));
        Set<String> theirGroups = groupsOf(user);
        messages.deleteMany(and(eq("conversation", DIRECT), eq("recipients", List.of(user))));
        for (Document d : messages.find(eq("from", user)).into(new ArrayList<>())) {
            messages.updateOne(eq("_id", d.getLong("_id")), Updates.combine(Updates.set("from", Needles.DASH),
                    Updates.set("blocks", List.of(new Document("type", "text").append("text", Needles.DASH))),
                    Updates.set("rev", next())));
        }
        messages.updateMany(eq("recipients", user), Updates.pull("recipients", user));
        groups.updateMany(eq("members", user), Updates.pull("members", user));
        for (Document d : messages.find().into(new ArrayList<>())) {
            List<Document> before = d.getList("blocks", Document.class);
            boolean about = theirGroups.contains(d.getString("conversation"))
                    || before.stream().anyMatch(needles::foundIn);
            List<Document> after = before.stream()
                    .map(b -> withdrawn(about ? needles.blank(b) : b, withdrawnFiles)).toList();
            if (!after.equals(before)) {
                messages.updateOne(eq("_id", d.getLong("_id")),
                        Updates.combine(Updates.set("blocks", after), Updates.set("rev", next())));
            }
        }
    }

    /** A file (or picture) block whose file was deleted: no link any more, and a flag the page explains. */
    private static Document withdrawn(Document block, Set<String> files) {
        String url = block.getString("url");
        if (!FILE_BLOCKS.contains(block.getString("type")) || url == null
                || !files.contains(url.substring(url.lastIndexOf('/') + 1))) {
            return block;
        }
        Document out = new Document(block);
        out.remove("url");
        return out.append("withdrawn", true);
    }

    /** The conversations of the groups a person is in ({@code group:<id>}). */
    Set<String> groupsOf(String user) {
        Set<String> theirs = new HashSet<>();
        groups.find(eq("members", user)).forEach(g -> theirs.add(GROUP + g.getString("_id")));
        return theirs;
    }

    /**
     * The groups a person is in, in the order they were opened ({@code g2} before {@code g10}), each
     * ({@code group:<id>}) with its members' user ids: {@code {"members": [...]}}.
     */
    Map<String, Document> groupsWithMembers(String user) {
        Map<String, Document> theirs = new TreeMap<>(Comparator.comparingInt(String::length)
                .thenComparing(Comparator.naturalOrder()));
        groups.find(eq("members", user)).forEach(g -> theirs.put(GROUP + g.getString("_id"),
                new Document("members", g.getList("members", String.class))));
        return theirs;
    }

    /** A named channel, made on first use (its name, lowercase, is its id); returns its conversation. */
    String openChannel(String name, Instant at) {
        channels.updateOne(eq("_id", name), Updates.setOnInsert("at", Date.from(at)),
                new UpdateOptions().upsert(true));
        return CHANNEL + name;
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

    /** The next sequence number, shared by new messages and changed ones. */
    private long next() {
        return next("seq");
    }

    private long next(String counter) {
        Document c = counters.findOneAndUpdate(eq("_id", counter), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return c.getLong("value");
    }
}

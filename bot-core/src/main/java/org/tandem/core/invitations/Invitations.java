package org.tandem.core.invitations;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.store.Inserts;

/**
 * The {@code invitations} collection: who was invited to which programme, by whom, and how they answered. One
 * document per programme and person, its id derived from both, so that a retried or doubled invite invites nobody
 * twice; each answer is one guarded move out of INVITED.
 */
public final class Invitations {

    /** An invitation's life: sent (or waiting to be), then joined or declined. */
    public enum Status { INVITED, JOINED, DECLINED }

    /** A stored invitation. */
    public record Invitation(String id, String program, PersonRef person, String handle, String name, Status status,
                             Instant invitedAt) {}

    /** A programme's funnel: everyone invited, and how many of them joined or declined. */
    public record Counts(long invited, long joined, long declined) {}

    private final MongoCollection<Document> collection;

    public Invitations(MongoDatabase db) {
        this.collection = db.getCollection("invitations");
        collection.createIndex(Indexes.ascending("program"), new IndexOptions().name("program"));
        collection.createIndex(Indexes.ascending("person"), new IndexOptions().name("person"));
    }

    /** The id of a person's invitation to a programme: the same for every attempt, and not their platform id. */
    static String id(String program, PersonRef person) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((program + "|" + person.key()).getBytes(StandardCharsets.UTF_8));
            return "i" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Records an invitation unless this person was invited to this programme already; true when new. */
    boolean create(String program, Contact contact, String handle, PersonRef by, Instant now) {
        PersonRef p = contact.person();
        return Inserts.once(collection, new Document("_id", id(program, p)).append("platform", p.platform())
                .append("tenant", p.tenant()).append("program", program).append("person", p.key())
                .append("handle", handle).append("name", contact.displayName()).append("by", by.key())
                .append("reachable", contact.reachable()).append("status", Status.INVITED.name())
                .append("invitedAt", Date.from(now)));
    }

    Optional<Invitation> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(Invitations::from);
    }

    Optional<Invitation> find(String program, PersonRef person) {
        return find(id(program, person));
    }

    /** The person said <i>Not now</i> (guard: not answered yet); false when it was answered already. */
    boolean decline(String id, Instant now) {
        return answer(id, List.of(Status.INVITED), Status.DECLINED, now);
    }

    /** The person enrolled (guard: invited or declined before); false when there was no such invitation. */
    boolean joined(String program, PersonRef person, Instant now) {
        return answer(id(program, person), List.of(Status.INVITED, Status.DECLINED), Status.JOINED, now);
    }

    private boolean answer(String id, List<Status> from, Status to, Instant now) {
        return collection.updateOne(and(eq("_id", id), in("status", from.stream().map(Status::name).toList())),
                Updates.combine(Updates.set("status", to.name()), Updates.set("answeredAt", Date.from(now))))
                .getModifiedCount() == 1;
    }

    /** The invitation's first message went out (or was handed to the platform to wait for the person). */
    void sent(String id, Instant now) {
        collection.updateOne(eq("_id", id), Updates.set("sentAt", Date.from(now)));
    }

    void reminded(String id, Instant now) {
        collection.updateOne(eq("_id", id), Updates.set("remindedAt", Date.from(now)));
    }

    /** How many people were invited to a programme, and how many of them joined or declined. */
    public Counts counts(String program) {
        long invited = collection.countDocuments(eq("program", program));
        if (invited == 0) {
            return new Counts(0, 0, 0);
        }
        return new Counts(invited, collection.countDocuments(and(eq("program", program),
                eq("status", Status.JOINED.name()))), collection.countDocuments(and(eq("program", program),
                eq("status", Status.DECLINED.name()))));
    }

    /** A person's invitations, oldest first, for their copy of their data. */
    List<Map<String, Object>> of(PersonRef person) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Document d : collection.find(eq("person", person.key())).sort(Sorts.ascending("invitedAt"))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("program", d.getString("program"));
            m.put("invitedAs", d.getString("handle"));
            m.put("invitedAt", d.getDate("invitedAt").toInstant());
            m.put("status", d.getString("status").toLowerCase(java.util.Locale.ROOT));
            Optional.ofNullable(d.getDate("answeredAt")).ifPresent(at -> m.put("answeredAt", at.toInstant()));
            out.add(m);
        }
        return out;
    }

    /** What identifies the person in their invitations (the address and the name the directory gave). */
    Set<String> traces(PersonRef person) {
        Set<String> out = new LinkedHashSet<>();
        for (Document d : collection.find(eq("person", person.key()))) {
            out.add(d.getString("handle"));
            out.add(d.getString("name"));
        }
        out.remove(null);
        return out;
    }

    /** Erases a person's invitations, and takes a coordinator out of the ones they sent (the counts stay). */
    void forget(PersonRef person) {
        collection.deleteMany(eq("person", person.key()));
        collection.updateMany(eq("by", person.key()), Updates.unset("by"));
    }

    void eraseProgram(String program) {
        collection.deleteMany(eq("program", program));
    }

    /** The people invited in a workspace (to erase what was sent and planned for them), before {@link #eraseWorkspace}. */
    List<PersonRef> invitedIn(Scope scope) {
        List<PersonRef> out = new ArrayList<>();
        for (Document d : collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant())))) {
            PersonRef p = PersonRef.fromKey(d.getString("person"));
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The name the directory gave a person when they were invited, if any invitation has it. */
    Optional<String> name(PersonRef person) {
        return Optional.ofNullable(collection.find(eq("person", person.key())).first()).map(d -> d.getString("name"));
    }

    void eraseWorkspace(Scope scope) {
        collection.deleteMany(and(eq("platform", scope.platform()), eq("tenant", scope.tenant())));
    }

    private static Invitation from(Document d) {
        return new Invitation(d.getString("_id"), d.getString("program"), PersonRef.fromKey(d.getString("person")),
                d.getString("handle"), d.getString("name"), Status.valueOf(d.getString("status")), d.getDate("invitedAt").toInstant());
    }
}

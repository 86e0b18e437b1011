package org.tandem.core.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.Document;
import org.tandem.core.conversation.AdminTrail;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.Turn;

/**
 * The {@code audit} collection: entries are only ever added, except that erasing a person's data takes their
 * identity out of the entries about them (the entries stay, saying "someone").
 */
public final class AuditLog implements AdminTrail {

    private final MongoCollection<Document> collection;

    public AuditLog(MongoDatabase db) {
        this.collection = db.getCollection("audit");
        collection.createIndex(Indexes.ascending("tenant", "at"), new IndexOptions().name("tenant_at"));
        collection.createIndex(Indexes.ascending("actor"), new IndexOptions().name("actor"));
    }

    public void record(AuditEntry e) {
        Document d = new Document("platform", e.scope().platform()).append("tenant", e.scope().tenant())
                .append("at", Date.from(e.at())).append("action", e.action()).append("place", e.place());
        if (!e.subject().isEmpty()) {
            d.append("subject", e.subject());
        }
        e.actor().ifPresent(a -> d.append("actor", a.key()));
        e.program().ifPresent(p -> d.append("program", p));
        e.target().ifPresent(t -> d.append("target", t.key()));
        e.count().ifPresent(n -> d.append("count", n));
        collection.insertOne(d);
    }

    /** The latest entries of a workspace, newest first. */
    public List<AuditEntry> recent(Scope scope, int limit) {
        return collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant())))
                .sort(Sorts.descending("at", "_id")).limit(limit).map(d -> toEntry(scope, d)).into(new ArrayList<>());
    }

    /** Every entry of a person's doing, oldest first, for their own copy of their data. */
    public List<AuditEntry> by(PersonRef person) {
        return collection.find(eq("actor", person.key())).sort(Sorts.ascending("at", "_id"))
                .map(d -> toEntry(person.scope(), d)).into(new ArrayList<>());
    }

    /** Whether a person has ever acted in the admin place, i.e. the platform let them in as a coordinator. */
    public boolean actedInAdmin(PersonRef person) {
        return collection.find(and(eq("actor", person.key()), eq("place", Place.ADMIN.key()))).first() != null;
    }

    /** Takes a person's identity out of every entry by or about them; the entries themselves stay. */
    public void forget(PersonRef person) {
        collection.updateMany(eq("actor", person.key()), Updates.unset("actor"));
        collection.updateMany(eq("target", person.key()), Updates.unset("target"));
    }

    @Override
    public void command(Turn turn, CommandSpec spec) {
        record(AuditEntry.by(turn.who(), AuditEntry.COMMAND, spec.name(), place(turn.place()), turn.now()));
    }

    @Override
    public void input(Turn turn, Input input) {
        if (input instanceof Input.Click c) {
            record(AuditEntry.by(turn.who(), AuditEntry.CLICK, c.actionId(), place(turn.place()), turn.now()));
        } else if (input instanceof Input.Submit s) {
            record(AuditEntry.by(turn.who(), AuditEntry.SUBMIT, s.formId(), place(turn.place()), turn.now()));
        }
    }

    @Override
    public void refused(Turn turn, CommandSpec spec) {
        // a coordinator typing in the wrong place is a slip; anyone else trying is worth a second look
        String action = actedInAdmin(turn.who()) ? AuditEntry.REFUSED_COORDINATOR : AuditEntry.REFUSED;
        record(AuditEntry.by(turn.who(), action, spec.name(), place(turn.place()), turn.now()));
    }

    @Override
    public void refused(Turn turn, Input input) {
        String id = input instanceof Input.Click c ? c.actionId() : input instanceof Input.Submit s ? s.formId() : "";
        record(AuditEntry.by(turn.who(), AuditEntry.REFUSED_INPUT, id, place(turn.place()), turn.now()));
    }

    /** A place as the log keeps it: its kind, never a group's id. */
    static String place(Place place) {
        return place instanceof Place.Group ? "group" : place.key();
    }

    private static AuditEntry toEntry(Scope scope, Document d) {
        Integer count = d.getInteger("count");
        return new AuditEntry(scope, d.getDate("at").toInstant(),
                Optional.ofNullable(d.getString("actor")).map(PersonRef::fromKey), d.getString("action"),
                d.getString("subject"), d.getString("place"), Optional.ofNullable(d.getString("program")),
                Optional.ofNullable(d.getString("target")).map(PersonRef::fromKey),
                count == null ? OptionalInt.empty() : OptionalInt.of(count));
    }
}

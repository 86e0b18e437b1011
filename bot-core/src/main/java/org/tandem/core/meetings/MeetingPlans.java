package org.tandem.core.meetings;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.tandem.core.conversation.PersonRef;

/**
 * The {@code meetings} collection: one document per pair, its meeting as far as it got. Every change is one
 * conditional update on the pair's document (the status and version it expects), so two people answering at once,
 * a double click or an answer to a replaced proposal change nothing twice: the second finds the document moved on.
 */
public final class MeetingPlans {

    private final MongoCollection<Document> collection;

    public MeetingPlans(MongoDatabase db) {
        this.collection = db.getCollection("meetings");
        collection.createIndex(Indexes.ascending("people"), new IndexOptions().name("people"));
    }

    /**
     * One of the pair proposes times: a new proposal, or new times for an agreed meeting (a reschedule, which keeps
     * the meeting's invite identity). Replaces a proposal nobody answered.
     */
    public MeetingPlan propose(String pair, String tenant, PersonRef mentee, PersonRef mentor, PersonRef by,
                               List<Instant> slots, Duration length, Instant now) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one time");
        }
        Document set = new Document("tenant", tenant).append("mentee", mentee.key()).append("mentor", mentor.key())
                .append("people", List.of(mentee.key(), mentor.key())).append("proposedBy", by.key())
                .append("slots", slots.stream().map(Date::from).toList()).append("minutes", length.toMinutes())
                .append("status", MeetingPlan.Status.PROPOSED.name()).append("updatedAt", Date.from(now));
        boolean afterCancel = find(pair).map(p -> p.status() == MeetingPlan.Status.CANCELLED).orElse(false);
        if (afterCancel) {
            // a meeting called off is over: the next one is a new meeting with an invite of its own
            Document fresh = collection.findOneAndUpdate(and(eq("_id", pair),
                            eq("status", MeetingPlan.Status.CANCELLED.name())),
                    Updates.combine(new Document("$set", new Document(set).append("uid", "").append("sequence", 0)),
                            Updates.unset("start"), Updates.inc("version", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (fresh != null) {
                return from(fresh);
            }
        }
        Document d = collection.findOneAndUpdate(eq("_id", pair),
                Updates.combine(new Document("$set", set), Updates.inc("version", 1),
                        Updates.setOnInsert("sequence", 0), Updates.setOnInsert("uid", "")),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return from(d);
    }

    /**
     * The other person picks time {@code slot} of proposal {@code version}. Empty when that proposal is no longer
     * open (answered already, replaced, or called off), or when the one who proposed tries to answer it.
     */
    public Optional<MeetingPlan> agree(String pair, int version, int slot, PersonRef by, Instant now) {
        MeetingPlan open = find(pair).filter(p -> p.status() == MeetingPlan.Status.PROPOSED)
                .filter(p -> p.version() == version).orElse(null);
        if (open == null || !open.of(by) || open.proposedBy().equals(by) || slot < 0 || slot >= open.slots().size()) {
            return Optional.empty();
        }
        boolean reschedule = !open.uid().isEmpty();
        String uid = reschedule ? open.uid() : "tandem-" + java.util.UUID.randomUUID() + "@tandem";
        Document d = collection.findOneAndUpdate(
                and(eq("_id", pair), eq("status", MeetingPlan.Status.PROPOSED.name()), eq("version", version),
                        ne("proposedBy", by.key())),
                Updates.combine(Updates.set("status", MeetingPlan.Status.AGREED.name()),
                        Updates.set("start", Date.from(open.slots().get(slot))), Updates.set("uid", uid),
                        Updates.inc("version", 1), Updates.inc("sequence", reschedule ? 1 : 0),
                        Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(MeetingPlans::from);
    }

    /** The other person says none of the times of proposal {@code version} works. */
    public Optional<MeetingPlan> decline(String pair, int version, PersonRef by, Instant now) {
        Document d = collection.findOneAndUpdate(
                and(eq("_id", pair), eq("status", MeetingPlan.Status.PROPOSED.name()), eq("version", version),
                        ne("proposedBy", by.key()), eq("people", by.key())),
                Updates.combine(Updates.set("status", MeetingPlan.Status.DECLINED.name()), Updates.inc("version", 1),
                        Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(MeetingPlans::from);
    }

    /** Either of the pair calls an agreed meeting off: its invite is cancelled with the next sequence. */
    public Optional<MeetingPlan> cancel(String pair, PersonRef by, Instant now) {
        Document d = collection.findOneAndUpdate(
                and(eq("_id", pair), eq("status", MeetingPlan.Status.AGREED.name()), eq("people", by.key())),
                Updates.combine(Updates.set("status", MeetingPlan.Status.CANCELLED.name()), Updates.inc("version", 1),
                        Updates.inc("sequence", 1), Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(MeetingPlans::from);
    }

    public Optional<MeetingPlan> find(String pair) {
        return Optional.ofNullable(collection.find(eq("_id", pair)).first()).map(MeetingPlans::from);
    }

    /** A person's meetings, for my-data. */
    public List<MeetingPlan> of(PersonRef person) {
        return collection.find(eq("people", person.key())).map(MeetingPlans::from).into(new ArrayList<>());
    }

    /** Forgets a person: the meetings of their pairs go (the other has no use for half a meeting). */
    public void forget(PersonRef person) {
        collection.deleteMany(eq("people", person.key()));
    }

    private static MeetingPlan from(Document d) {
        Date start = d.getDate("start");
        return new MeetingPlan(d.getString("_id"), d.getString("tenant"), PersonRef.fromKey(d.getString("mentee")),
                PersonRef.fromKey(d.getString("mentor")), PersonRef.fromKey(d.getString("proposedBy")),
                d.getList("slots", Date.class).stream().map(Date::toInstant).toList(),
                Duration.ofMinutes(((Number) d.get("minutes")).longValue()),
                MeetingPlan.Status.valueOf(d.getString("status")),
                Optional.ofNullable(start).map(Date::toInstant), d.getInteger("version"), d.getInteger("sequence"),
                d.getString("uid"), d.getDate("updatedAt").toInstant());
    }
}

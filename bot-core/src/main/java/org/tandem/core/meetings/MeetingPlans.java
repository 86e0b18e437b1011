package org.tandem.core.meetings;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.tandem.core.conversation.PersonRef;

/**
 * The {@code meeting_plans} collection: one document per pair, its meeting as far as it got. Every change is one
 * conditional update on the pair's document (the status and version it expects), so two people answering at once,
 * a double click or an answer to a replaced proposal change nothing twice: the second finds the document moved on.
 */
public final class MeetingPlans {

    private static final String PROPOSED = MeetingPlan.Status.PROPOSED.name();
    private static final String AGREED = MeetingPlan.Status.AGREED.name();
    /** After these, a proposal starts a new meeting with an invite of its own. */
    private static final List<String> OVER = List.of(MeetingPlan.Status.CANCELLED.name(),
            MeetingPlan.Status.HELD.name(), MeetingPlan.Status.MISSED.name(), MeetingPlan.Status.DECLINED.name());

    private final MongoCollection<Document> collection;

    public MeetingPlans(MongoDatabase db) {
        this.collection = db.getCollection("meeting_plans");
        collection.createIndex(Indexes.ascending("people"), new IndexOptions().name("people"));
        collection.createIndex(Indexes.ascending("program"), new IndexOptions().name("program"));
    }

    /** Who a meeting is between, and where. */
    public record Parties(String pair, String tenant, String program, PersonRef mentee, PersonRef mentor) {}

    /**
     * One of the pair proposes times: a new proposal, or new times for an agreed meeting (a reschedule, which keeps
     * the meeting's invite identity and its agreed time until the other picks). Replaces a proposal nobody answered.
     */
    public MeetingPlan propose(Parties parties, PersonRef by, List<Instant> slots, Duration length, Instant now) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one time");
        }
        Document set = new Document("tenant", parties.tenant()).append("program", parties.program())
                .append("mentee", parties.mentee().key()).append("mentor", parties.mentor().key())
                .append("people", List.of(parties.mentee().key(), parties.mentor().key()))
                .append("proposedBy", by.key()).append("slots", slots.stream().map(Date::from).toList())
                .append("minutes", length.toMinutes()).append("status", PROPOSED).append("updatedAt", Date.from(now));
        // a meeting that is over (held, missed, called off, never agreed) leaves room for a new one
        Document fresh = collection.findOneAndUpdate(and(eq("_id", parties.pair()), in("status", OVER)),
                Updates.combine(new Document("$set", new Document(set).append("uid", "").append("sequence", 0)),
                        Updates.unset("start"), Updates.unset("eventId"), Updates.unset("host"),
                        Updates.inc("version", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (fresh != null) {
            return from(fresh);
        }
        Document d = collection.findOneAndUpdate(eq("_id", parties.pair()),
                Updates.combine(new Document("$set", set), Updates.inc("version", 1),
                        Updates.setOnInsert("sequence", 0), Updates.setOnInsert("uid", "")),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return from(d);
    }

    /**
     * The other person picks time {@code slot} of proposal {@code version}. Empty when that proposal is no longer
     * open (answered already, replaced, or called off), when the one who proposed tries to answer it, or when that
     * time has passed.
     */
    public Optional<MeetingPlan> agree(String pair, int version, int slot, PersonRef by, Instant now) {
        MeetingPlan open = find(pair).filter(p -> p.status() == MeetingPlan.Status.PROPOSED)
                .filter(p -> p.version() == version).orElse(null);
        if (open == null || !open.of(by) || open.proposedBy().equals(by) || slot < 0 || slot >= open.slots().size()
                || !open.slots().get(slot).isAfter(now)) {
            // a time already past cannot be agreed, however long the proposal waited
            return Optional.empty();
        }
        boolean reschedule = open.reschedule();
        String uid = reschedule ? open.uid() : UUID.randomUUID() + "@tandem";
        return update(and(eq("_id", pair), eq("status", PROPOSED), eq("version", version), ne("proposedBy", by.key())),
                Updates.set("status", AGREED), Updates.set("start", Date.from(open.slots().get(slot))),
                Updates.set("uid", uid), Updates.inc("version", 1), Updates.inc("sequence", reschedule ? 1 : 0),
                Updates.set("updatedAt", Date.from(now)));
    }

    /**
     * The other person says none of the times of proposal {@code version} works. A first proposal is then over; new
     * times for an agreed meeting leave it as it was agreed.
     */
    public Optional<MeetingPlan> decline(String pair, int version, PersonRef by, Instant now) {
        Bson open = and(eq("_id", pair), eq("status", PROPOSED), eq("version", version), ne("proposedBy", by.key()),
                eq("people", by.key()));
        Optional<MeetingPlan> kept = update(and(open, ne("uid", "")), Updates.set("status", AGREED),
                Updates.inc("version", 1), Updates.set("updatedAt", Date.from(now)));
        return kept.isPresent() ? kept : update(and(open, eq("uid", "")),
                Updates.set("status", MeetingPlan.Status.DECLINED.name()), Updates.inc("version", 1),
                Updates.set("updatedAt", Date.from(now)));
    }

    /**
     * Either of the pair calls off the meeting with this invite identity (a button on an older version of the
     * meeting cannot cancel a newer one): its invite is cancelled with the next sequence.
     */
    public Optional<MeetingPlan> cancel(String pair, String uid, int sequence, PersonRef by, Instant now) {
        return update(and(eq("_id", pair), in("status", List.of(AGREED, PROPOSED)), ne("uid", ""), eq("uid", uid),
                        eq("sequence", sequence), eq("people", by.key())),
                Updates.set("status", MeetingPlan.Status.CANCELLED.name()), Updates.inc("version", 1),
                Updates.inc("sequence", 1), Updates.set("updatedAt", Date.from(now)));
    }

    /** The pair closed: a meeting still standing is called off, with the next sequence for its cancellation. */
    public Optional<MeetingPlan> callOff(String pair, Instant now) {
        return update(and(eq("_id", pair), in("status", List.of(AGREED, PROPOSED))),
                Updates.set("status", MeetingPlan.Status.CANCELLED.name()), Updates.inc("version", 1),
                Updates.inc("sequence", 1), Updates.set("updatedAt", Date.from(now)));
    }

    /** One of them says whether the agreed meeting with this identity took place: once, whoever answers first. */
    public Optional<MeetingPlan> happened(String pair, String uid, int sequence, boolean held, Instant now) {
        return update(and(eq("_id", pair), in("status", List.of(AGREED, PROPOSED)), eq("uid", uid),
                        eq("sequence", sequence)),
                Updates.set("status", (held ? MeetingPlan.Status.HELD : MeetingPlan.Status.MISSED).name()),
                Updates.inc("version", 1), Updates.set("updatedAt", Date.from(now)));
    }

    /** Remembers the online calendar's event for this meeting, and in whose calendar it is. */
    public void booked(String pair, String uid, String eventId, PersonRef host) {
        collection.updateOne(and(eq("_id", pair), eq("uid", uid)), Updates.combine(Updates.set("eventId", eventId),
                Updates.set("host", host.key())));
    }

    public Optional<MeetingPlan> find(String pair) {
        return Optional.ofNullable(collection.find(eq("_id", pair)).first()).map(MeetingPlans::from);
    }

    /** A person's meetings, for my-data. */
    public List<MeetingPlan> of(PersonRef person) {
        return collection.find(eq("people", person.key())).map(MeetingPlans::from).into(new ArrayList<>());
    }

    /** How many of a programme's pairs have a meeting in each status now (the coordinators' figures). */
    public Map<MeetingPlan.Status, Integer> statuses(String program) {
        Map<MeetingPlan.Status, Integer> out = new EnumMap<>(MeetingPlan.Status.class);
        for (Document d : collection.find(eq("program", program)).projection(new Document("status", 1))) {
            out.merge(MeetingPlan.Status.valueOf(d.getString("status")), 1, Integer::sum);
        }
        return out;
    }

    /** How many of a programme's pairs have a meeting agreed ahead of {@code now}. */
    public int planned(String program, Instant now) {
        return (int) collection.countDocuments(and(eq("program", program), in("status", List.of(AGREED, PROPOSED)),
                gt("start", Date.from(now))));
    }

    /** Forgets a person: the meetings of their pairs go (the other has no use for half a meeting). */
    public void forget(PersonRef person) {
        collection.deleteMany(eq("people", person.key()));
    }

    /** Forgets a pair's meeting (the pair was erased). */
    public void forgetPair(String pair) {
        collection.deleteOne(eq("_id", pair));
    }

    public long eraseProgram(String program) {
        return collection.deleteMany(eq("program", program)).getDeletedCount();
    }

    private Optional<MeetingPlan> update(Bson guard, Bson... changes) {
        return Optional.ofNullable(collection.findOneAndUpdate(guard, Updates.combine(changes),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(MeetingPlans::from);
    }

    private static MeetingPlan from(Document d) {
        Date start = d.getDate("start");
        return new MeetingPlan(d.getString("_id"), d.getString("tenant"), d.getString("program"),
                PersonRef.fromKey(d.getString("mentee")), PersonRef.fromKey(d.getString("mentor")),
                PersonRef.fromKey(d.getString("proposedBy")),
                d.getList("slots", Date.class).stream().map(Date::toInstant).toList(),
                Duration.ofMinutes(((Number) d.get("minutes")).longValue()),
                MeetingPlan.Status.valueOf(d.getString("status")),
                Optional.ofNullable(start).map(Date::toInstant), d.getInteger("version"), d.getInteger("sequence"),
                d.getString("uid"), Optional.ofNullable(d.getString("eventId")),
                Optional.ofNullable(d.getString("host")).map(PersonRef::fromKey), d.getDate("updatedAt").toInstant());
    }
}

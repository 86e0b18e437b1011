package org.tandem.core.pairs;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.module.Events;
import org.tandem.core.pairs.PairStatus.Transition;

/**
 * The {@code pairs} collection. Capacity and "one open pair per mentee and programme" are guarded by two unique
 * keys on the pair itself: an open pair holds {@code slotKey = program|mentor|k} (k from 1 to the mentor's
 * capacity) and {@code menteeKey = program|mentee}; closing rewrites both to keys of its own. So one atomic
 * insert either takes a free slot or fails, whatever the number of replicas, double clicks or retries.
 */
public final class Pairs {

    /** Why a pair could not be opened. */
    public enum Refusal { MENTEE_ALREADY_PAIRED, MENTOR_FULL }

    /** The outcome of {@link #open}: the pair, or why not. */
    public record Opened(Optional<Pair> pair, Optional<Refusal> refusal) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The date fields of a pair, in the order they happen. */
    public static final List<String> MILESTONES = List.of("createdAt", "acceptedAt", "introducedAt", "metAt",
            "activeAt", "closedAt");

    private final MongoCollection<Document> collection;
    private final Events events;

    /** A view of the pairs for reading (tests, tools): what it moves tells nobody. */
    public Pairs(MongoDatabase db) {
        this(db, new Events());
    }

    /** The pairs, telling {@code events} of each pair that closed ({@link PairClosed}). */
    public Pairs(MongoDatabase db, Events events) {
        this.events = events;
        this.collection = db.getCollection("pairs");
        collection.createIndex(Indexes.ascending("slotKey"), new IndexOptions().name("slotKey").unique(true));
        collection.createIndex(Indexes.ascending("menteeKey"), new IndexOptions().name("menteeKey").unique(true));
        collection.createIndex(Indexes.ascending("program", "status"), new IndexOptions().name("program_status"));
        collection.createIndex(Indexes.ascending("mentee"), new IndexOptions().name("mentee"));
        collection.createIndex(Indexes.ascending("mentor"), new IndexOptions().name("mentor"));
    }

    /** How many pairs are in each open stage, over the whole database (a stage with none counts 0). */
    public Map<PairStatus, Long> openByStatus() {
        Map<PairStatus, Long> counts = new EnumMap<>(PairStatus.class);
        PairStatus.OPEN.forEach(st -> counts.put(st, 0L));
        for (Document d : collection.aggregate(List.of(
                Aggregates.match(in("status", PairStatus.OPEN.stream().map(PairStatus::value).toList())),
                Aggregates.group("$status", Accumulators.sum("n", 1))))) {
            PairStatus.OPEN.stream().filter(st -> st.value().equals(d.getString("_id"))).findFirst()
                    .ifPresent(st -> counts.put(st, ((Number) d.get("n")).longValue()));
        }
        return counts;
    }

    /** Opens a pair in a free slot of the mentor's capacity, unless the mentee already has an open pair there. */
    public Opened open(Scope scope, String program, PersonRef mentee, PersonRef mentor, int capacity,
                       PairStatus status, int score, List<Pair.Reason> reasons, Optional<Instant> respondBy,
                       Instant now) {
        if (!status.open()) {
            throw new IllegalArgumentException("a new pair must be open, not " + status);
        }
        String id = "pr" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        for (int slot = 1; slot <= capacity; slot++) {
            Document doc = new Document("_id", id)
                    .append("platform", scope.platform()).append("tenant", scope.tenant())
                    .append("program", program)
                    .append("mentee", mentee.key()).append("mentor", mentor.key())
                    .append("slotKey", program + "|" + mentor.key() + "|" + slot)
                    .append("menteeKey", program + "|" + mentee.key())
                    .append("status", status.value())
                    .append("score", score)
                    .append("reasons", reasons.stream()
                            .map(r -> new Document("key", r.key()).append("args", r.args()).append("points", r.points()))
                                        .toList())
                    .append("createdAt", Date.from(now))
                    .append("clicks", new Document())
                    .append("clickRounds", 0)
                    .append("clickAsked", 0)
                    .append("version", 1L);
            respondBy.ifPresent(t -> doc.append("respondBy", Date.from(t)));
            try {
                collection.insertOne(doc);
                return new Opened(Optional.of(toPair(doc)), Optional.empty());
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (e.getError().getMessage().contains("menteeKey")) {
                    return new Opened(Optional.empty(), Optional.of(Refusal.MENTEE_ALREADY_PAIRED));
                }
                // that slot is taken: try the next one
            }
        }
        return new Opened(Optional.empty(), Optional.of(Refusal.MENTOR_FULL));
    }

    /** A coordinator approved a proposal: the mentor is asked, and must answer by {@code respondBy}. */
    public Optional<Pair> approve(String id, Instant now, Instant respondBy) {
        return move(Transition.APPROVE, id, now, Updates.set("respondBy", Date.from(respondBy)));
    }

    /** A coordinator rejected a proposal. */
    public Optional<Pair> reject(String id, Instant now) {
        return move(Transition.REJECT, id, now);
    }

    /** A proposal nobody saw is withdrawn (the mentee chose another mentor). */
    public Optional<Pair> withdrawProposal(String id, Instant now) {
        return move(Transition.WITHDRAW_PROPOSAL, id, now);
    }

    /** The mentor accepted the request. */
    public Optional<Pair> accept(String id, Instant now) {
        return move(Transition.ACCEPT, id, now, Updates.set("acceptedAt", Date.from(now)));
    }

    /** The mentor declined the request, for this reason (a key of the reasons offered). */
    public Optional<Pair> decline(String id, String reason, Instant now) {
        return move(Transition.DECLINE, id, now, Updates.set("declineReason", reason));
    }

    /** Nobody answered the request in time. */
    public Optional<Pair> expire(String id, Instant now) {
        return move(Transition.EXPIRE, id, now);
    }

    /** The two were introduced, in this group conversation. */
    public Optional<Pair> introduce(String id, String group, Instant now) {
        return move(Transition.INTRODUCE, id, now, Updates.set("group", group),
                Updates.set("introducedAt", Date.from(now)));
    }

    /** Both said it clicked: the mentoring is on. */
    public Optional<Pair> activate(String id, Instant now) {
        return move(Transition.ACTIVATE, id, now, Updates.set("activeAt", Date.from(now)));
    }

    /** One of them said it did not click. */
    public Optional<Pair> missClick(String id, Instant now) {
        return move(Transition.MISS_CLICK, id, now);
    }

    /** The mentoring reached its close. */
    public Optional<Pair> complete(String id, Instant now) {
        return move(Transition.COMPLETE, id, now);
    }

    /** One of the two left the programme. */
    public Optional<Pair> leave(String id, Instant now) {
        return move(Transition.LEAVE, id, now);
    }

    /** Who ended a pair from outside its life: a coordinator, or the erasure of one of the two. */
    public enum EndedBy {
        COORDINATOR, ERASURE, MENTEE, MENTOR;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Ends a pair from outside its life: a proposal nobody saw is withdrawn, a pair the two knew of is ended.
     * Returns the pair after the move (its status says which), or empty when it was already closed.
     */
    public Optional<Pair> end(String id, EndedBy by, Instant now) {
        Bson endedBy = Updates.set("endedBy", by.value());
        Optional<Pair> withdrawn = move(Transition.WITHDRAW_PROPOSAL, id, now, endedBy);
        return withdrawn.isPresent() ? withdrawn : move(Transition.END, id, now, endedBy);
    }

    /** The programme's retention is over: a pair still open is completed, without a word to anyone. */
    public Optional<Pair> retire(String id, Instant now) {
        return move(Transition.RETIRE, id, now);
    }

    /**
     * Makes one move of a pair's life in one guarded update, with the fields it sets. Returns the pair after the
     * change, or empty when it was not in a status the move starts from (someone else moved it). Moving to a
     * closed status frees the mentor's slot and the mentee's place, and tells the other features.
     */
    Optional<Pair> move(Transition move, String id, Instant now, Bson... more) {
        PairStatus to = move.to();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", to.value()),
                Updates.set("changedAt", Date.from(now)), Updates.inc("version", 1L)));
        if (!to.open()) {
            updates.add(Updates.set("slotKey", "closed|" + id));
            updates.add(Updates.set("menteeKey", "closed|" + id));
            updates.add(Updates.set("closedAt", Date.from(now)));
        }
        updates.addAll(List.of(more));
        Document d = collection.findOneAndUpdate(
                and(eq("_id", id), in("status", move.from().stream().map(PairStatus::value).toList())),
                Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        Optional<Pair> moved = Optional.ofNullable(d).map(Pairs::toPair);
        if (!to.open()) {
            moved.ifPresent(p -> events.publish(new PairClosed(p)));
        }
        return moved;
    }

    /** Records one side's answer to "did it click?", once per round (guard: no answer yet from that side). */
    public Optional<Pair> answerClick(String id, String role, String answer, int round) {
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.INTRODUCED.value()),
                        eq("clickRounds", round), eq("clicks." + role, null)),
                Updates.combine(Updates.set("clicks." + role, answer), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /** Starts a new round of the click check (after a "not sure"): answers are cleared. */
    public Optional<Pair> newClickRound(String id, int round) {
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.INTRODUCED.value()),
                        eq("clickRounds", round)),
                Updates.combine(Updates.set("clicks", new Document()), Updates.set("clickRounds", round + 1),
                        Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /** Claims the sending of round {@code round}'s click question (guard: not asked yet), so it goes out once. */
    public boolean claimClickAsk(String id, int round) {
        return collection.updateOne(and(eq("_id", id), eq("status", PairStatus.INTRODUCED.value()),
                        eq("clickRounds", round), eq("clickAsked", round)),
                Updates.set("clickAsked", round + 1)).getModifiedCount() == 1;
    }

    /**
     * Stores a new draft of the agreement of an active pair, if it is the one after the draft that was read
     * (guard: the agreement's version), so two drafts in two windows cannot overwrite each other silently.
     */
    public Optional<Pair> draftAgreement(String id, Agreement draft) {
        Bson fresh = draft.version() == 1 ? eq("agreement", null) : eq("agreement.version", draft.version() - 1);
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()), fresh),
                Updates.combine(Updates.set("agreement", draft.toDocument()), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /** Moves the agreement of a given version from one status to another (the mentor's confirm or suggestion). */
    public Optional<Pair> answerAgreement(String id, int version, Agreement.Status from, Agreement.Status to,
                                          String suggestion, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("agreement.status", to.value()),
                Updates.set("agreement.suggestion", suggestion), Updates.inc("version", 1L)));
        if (to == Agreement.Status.AGREED) {
            updates.add(Updates.set("agreement.agreedAt", Date.from(now)));
        }
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("agreement.version", version),
                        eq("agreement.status", from.value())), Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /** Counts a meeting: the first and the latest meeting dates, and that the pair is no longer at risk. */
    public Optional<Pair> met(String id, Instant at) {
        Document d = collection.findOneAndUpdate(eq("_id", id), Updates.combine(Updates.inc("meetings", 1),
                        Updates.min("metAt", Date.from(at)), Updates.max("lastMetAt", Date.from(at)),
                        Updates.set("unanswered", 0), Updates.set("atRisk", false), Updates.unset("atRiskReason"),
                        Updates.unset("atRiskAnsweredAt"), Updates.unset("pendingCheckIn"), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /**
     * Takes the next generation of the rhythm's tick, if the current one is still {@code current} (guard), so that
     * two answers or two replicas re-plan the rhythm once, and the older tick becomes stale.
     */
    public Optional<Pair> nextCheckIn(String id, int current) {
        Bson now = current == 0 ? in("checkIn", 0, null) : eq("checkIn", current);
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()), now),
                Updates.combine(Updates.set("checkIn", current + 1), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /**
     * Tick {@code n} found no open question: opens check-in {@code n} and takes the next tick generation (guard: the
     * tick is current, nothing is open), so the question is asked once however many replicas run the tick.
     */
    public Optional<Pair> openCheckIn(String id, int n, Instant now) {
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()),
                        eq("checkIn", n), eq("pendingCheckIn", null)),
                Updates.combine(Updates.set("pendingCheckIn", n), Updates.set("checkInAskedAt", Date.from(now)),
                        Updates.set("checkIn", n + 1), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /**
     * Tick {@code n} found the question still open a whole cadence later: counts an unanswered cadence and takes the
     * next tick generation (guard: the tick is current, a question is open). No new question is asked.
     */
    public Optional<Pair> missCheckIn(String id, int n) {
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()),
                        eq("checkIn", n), ne("pendingCheckIn", null)),
                Updates.combine(Updates.inc("unanswered", 1), Updates.set("checkIn", n + 1),
                        Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /**
     * Marks check-in {@code n} answered (by either side): the question closes, the count of unanswered cadences
     * starts again, and a pair at risk for want of answers is no longer. False when it already was answered, or is
     * not the open one.
     */
    public boolean checkInAnswered(String id, int n) {
        Document before = collection.findOneAndUpdate(and(eq("_id", id), eq("pendingCheckIn", n)),
                Updates.combine(Updates.unset("pendingCheckIn"), Updates.set("unanswered", 0),
                        Updates.inc("version", 1L)));
        if (before == null) {
            return false;
        }
        collection.updateOne(and(eq("_id", id), eq("atRiskReason", Pair.Rhythm.UNANSWERED)),
                Updates.combine(Updates.set("atRisk", false), Updates.unset("atRiskReason"),
                        Updates.unset("atRiskAnsweredAt")));
        return true;
    }

    /** Records that one side was asked check-in {@code n} (or reminded of it), so it happens once per side. */
    public void asked(String id, int n, String role, boolean reminder) {
        collection.updateOne(eq("_id", id), Updates.set((reminder ? "reminded." : "asked.") + role(role), n));
    }

    /** Whether one side was asked check-in {@code n} already (or reminded of it). */
    public boolean wasAsked(String id, int n, String role, boolean reminder) {
        // read by id alone, which every server answers from its _id index (the embedded one walks the whole
        // collection for a filter of more fields), then look at the one field
        String field = role(role);
        Document d = collection.find(eq("_id", id)).first();
        Document asked = d == null ? null : d.get(reminder ? "reminded" : "asked", Document.class);
        return asked != null && is(asked.get(field), n);
    }

    private static String role(String role) {
        if (!role.equals("mentee") && !role.equals("mentor")) {
            throw new IllegalArgumentException("not a role of a pair: " + role);
        }
        return role;
    }

    /** Whether check-in {@code n} is still waiting for an answer. */
    public boolean checkInPending(String id, int n) {
        Document d = collection.find(eq("_id", id)).first();
        return d != null && is(d.get("pendingCheckIn"), n);
    }

    /** Whether a stored value is the number {@code n}, as a filter {@code eq(field, n)} would match it. */
    private static boolean is(Object value, int n) {
        return value instanceof Number x && x.doubleValue() == n;
    }

    /**
     * Flags a pair at risk once (guard: active, not flagged yet), for a reason; an answer or a logged meeting clears
     * the flag. A quiet pair that then stops answering is flagged again with the stronger reason (once), and so is a
     * pair whose last notice was answered ({@link #atRiskAnswered}) and that is at risk again. True when the flag is
     * new, stronger or renewed: the coordinators are to hear it.
     */
    public boolean flagAtRisk(String id, String reason, Instant now) {
        Bson flag = Updates.combine(Updates.set("atRisk", true), Updates.set("atRiskReason", reason),
                Updates.set("atRiskToldAt", Date.from(now)), Updates.unset("atRiskAnsweredAt"));
        Bson active = and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()));
        if (collection.updateOne(and(active, in("atRisk", false, null)), flag).getModifiedCount() == 1) {
            return true;
        }
        if (collection.updateOne(and(active, eq("atRisk", true), exists("atRiskAnsweredAt", true)), flag)
                .getModifiedCount() == 1) {
            return true;
        }
        return reason.equals(Pair.Rhythm.UNANSWERED) && collection.updateOne(and(active,
                eq("atRiskReason", Pair.Rhythm.QUIET)), flag).getModifiedCount() == 1;
    }

    /**
     * Claims telling the coordinators again that a pair is still at risk, at most once a {@code every} (guard: still
     * at risk, its notice not answered, told longer ago than that), so two replicas cannot both post it.
     */
    public boolean claimAtRiskReminder(String id, Instant now, Duration every) {
        return collection.updateOne(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()), eq("atRisk", true),
                        exists("atRiskAnsweredAt", false), lte("atRiskToldAt", Date.from(now.minus(every)))),
                Updates.set("atRiskToldAt", Date.from(now))).getModifiedCount() == 1;
    }

    /**
     * The coordinators' notice about a pair at risk was answered: a coordinator acted, or one of the pair answered a
     * check-in while the flag stays (a quiet pair is at risk until it logs a meeting). No reminder follows; the pair
     * is flagged afresh only if it is at risk again after that (guard: flagged, its notice not answered yet: the first
     * answer counts, so that answering every check-in without meeting does not put the next flag off for ever).
     */
    public void atRiskAnswered(String id, Instant now) {
        collection.updateOne(and(eq("_id", id), eq("atRisk", true), exists("atRiskAnsweredAt", false)),
                Updates.set("atRiskAnsweredAt", Date.from(now)));
    }

    /** When the notice about a pair still flagged at risk was answered, if it was. */
    public Optional<Instant> atRiskAnsweredAt(String id) {
        return Optional.ofNullable(collection.find(and(eq("_id", id), eq("atRisk", true))).first())
                .map(d -> d.getDate("atRiskAnsweredAt")).map(Date::toInstant);
    }

    /** The coordinators were told of a pair at risk now (the first notice, or one with a stronger reason). */
    public void toldAtRisk(String id, Instant now) {
        collection.updateOne(eq("_id", id), Updates.set("atRiskToldAt", Date.from(now)));
    }

    /** When the coordinators were last told (or acted on) a pair at risk. */
    public Optional<Instant> atRiskToldAt(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first())
                .map(d -> d.getDate("atRiskToldAt")).map(Date::toInstant);
    }

    /**
     * A coordinator acted on a pair at risk (nudged them, or said they would reach out): the open question closes, the
     * count of unanswered cadences starts again and the rhythm may nudge again; the flag stays until someone
     * answers or meets, and no reminder follows unless the pair is at risk again ({@link #atRiskAnswered}). Returns
     * the pair, or empty when it is not active.
     */
    public Optional<Pair> coordinatorActed(String id, Instant now) {
        Document d = collection.findOneAndUpdate(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value())),
                Updates.combine(Updates.unset("pendingCheckIn"), Updates.set("unanswered", 0),
                        Updates.set("atRiskToldAt", Date.from(now)), Updates.set("atRiskAnsweredAt", Date.from(now)),
                        Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(Pairs::toPair);
    }

    /** Moves the end of an active pair from one date to a later one, once (guard: the end it had). */
    public boolean extend(String id, Instant from, Instant to) {
        return collection.updateOne(and(eq("_id", id), eq("status", PairStatus.ACTIVE.value()),
                eq("endsAt", Date.from(from))), Updates.set("endsAt", Date.from(to))).getModifiedCount() == 1;
    }

    /** Sets when the closing review is due (activation, extension). */
    public void endsAt(String id, Instant at) {
        collection.updateOne(eq("_id", id), Updates.set("endsAt", Date.from(at)));
    }

    /**
     * Takes the mentee's thank-you note for sharing in the admin channel, once, and only if the mentee agreed
     * (guard: shareable and not shared yet). Returns the pair document with the note, or null.
     */
    public Document claimThanks(String id) {
        return collection.findOneAndUpdate(and(eq("_id", id), eq("thanksShareable", true), eq("thanksShared", null)),
                Updates.set("thanksShared", true), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** The two said they scheduled their first conversation. */
    public void scheduled(String id, Instant at) {
        collection.updateOne(eq("_id", id), Updates.set("scheduledAt", Date.from(at)));
    }

    /** The mentee's thanks at the close, and whether it may be shared with the programme. */
    public void thanked(String id, String thanks, boolean shareable) {
        collection.updateOne(eq("_id", id), Updates.combine(Updates.set("thanks", thanks),
                Updates.set("thanksShareable", shareable)));
    }

    /** How many of a programme's mentees thanked their mentor at the close (the notes themselves stay private). */
    public int thanksIn(String program) {
        return (int) collection.countDocuments(and(eq("program", program), com.mongodb.client.model.Filters.exists(
                "thanks", true), com.mongodb.client.model.Filters.ne("thanks", null)));
    }

    /**
     * The mentee's thanks at the close, and where they offered to share it ({@code to}: the closing form's choices;
     * empty: nowhere).
     */
    public void thanked(String id, String thanks, List<String> to) {
        collection.updateOne(eq("_id", id), Updates.combine(Updates.set("thanks", thanks),
                Updates.set("thanksShareable", !to.isEmpty()), Updates.set("thanksTo", to)));
    }

    /** The pairs a mentor mentored (those that became active), as stored: for the numbers of their contribution. */
    List<Document> mentored(PersonRef mentor) {
        return collection.find(and(eq("mentor", mentor.key()), Filters.exists("activeAt"))).into(new ArrayList<>());
    }

    public Optional<Pair> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(Pairs::toPair);
    }

    /** The pairs of a programme in some statuses. */
    public List<Pair> inProgram(String program, Collection<PairStatus> statuses) {
        return collection.find(and(eq("program", program),
                        in("status", statuses.stream().map(PairStatus::value).toList())))
                .sort(Sorts.ascending("createdAt")).map(Pairs::toPair).into(new ArrayList<>());
    }

    /** A person's pairs (as mentee or mentor) in some statuses, oldest first. */
    public List<Pair> of(PersonRef person, Collection<PairStatus> statuses) {
        List<String> s = statuses.stream().map(PairStatus::value).toList();
        List<Pair> out = new ArrayList<>();
        collection.find(and(eq("mentee", person.key()), in("status", s))).map(Pairs::toPair).into(out);
        collection.find(and(eq("mentor", person.key()), in("status", s))).map(Pairs::toPair).into(out);
        out.sort(java.util.Comparator.comparing(Pair::createdAt));
        return out;
    }

    /** The moments of a pair's life that happened, in order: created, accepted, introduced, met, active, closed. */
    public Map<String, Instant> milestones(String id) {
        Document d = collection.find(eq("_id", id)).first();
        Map<String, Instant> out = new LinkedHashMap<>();
        if (d != null) {
            for (String field : MILESTONES) {
                Date at = d.getDate(field);
                if (at != null) {
                    out.put(field, at.toInstant());
                }
            }
        }
        return out;
    }

    /** The milestones of every pair of a programme, by pair id (one query, for digests). */
    public Map<String, Map<String, Instant>> milestonesOf(String program) {
        Map<String, Map<String, Instant>> out = new LinkedHashMap<>();
        for (Document d : collection.find(eq("program", program))) {
            Map<String, Instant> at = new LinkedHashMap<>();
            for (String field : MILESTONES) {
                Date when = d.getDate(field);
                if (when != null) {
                    at.put(field, when.toInstant());
                }
            }
            out.put(d.getString("_id"), at);
        }
        return out;
    }

    /** The reason a mentor gave when declining, if any: theirs to see in their own data, and the coordinators'. */
    public Optional<String> declineReason(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(d -> d.getString("declineReason"))
                .filter(r -> !r.isEmpty());
    }

    /**
     * Puts a stand-in without identity in a person's place in their closed pairs, and drops what was private to the
     * pair (the decline reason, the click answers, the group, the reasons' wording): the pair still counts in the
     * programme's numbers, but says nothing about anyone. Open pairs are left alone: end them first. Returns how
     * many pairs changed.
     */
    public int anonymize(PersonRef person, PersonRef standIn) {
        return anonymize(person, standIn, new Document());
    }

    /** The same, in one programme only (the retention of a closed programme). */
    public int anonymize(String program, PersonRef person, PersonRef standIn) {
        return anonymize(person, standIn, eq("program", program));
    }

    private int anonymize(PersonRef person, PersonRef standIn, Bson within) {
        int changed = 0;
        List<String> open = PairStatus.OPEN.stream().map(PairStatus::value).toList();
        for (String role : List.of("mentee", "mentor")) {
            for (Document d : collection.find(and(eq(role, person.key()), nin("status", open), within))) {
                changed += (int) collection.updateOne(and(eq("_id", d.getString("_id")), eq(role, person.key()),
                        nin("status", open)), Updates.combine(Updates.set(role, standIn.key()),
                        Updates.set("reasons", withoutWording(d)), Updates.unset("declineReason"),
                        Updates.unset("group"), Updates.set("clicks", new Document()), Updates.unset("agreement"),
                        Updates.unset("thanks"), Updates.unset("thanksShareable"), Updates.unset("thanksTo")))
                        .getModifiedCount();
            }
        }
        return changed;
    }

    private static List<Document> withoutWording(Document d) {
        return d.getList("reasons", Document.class).stream()
                .map(r -> new Document("key", r.getString("key")).append("args", List.of())
                        .append("points", r.getInteger("points", 0)))
                .toList();
    }

    /**
     * What a person wrote that their pairs keep: the agreement's objectives and contact (the mentee drafted them),
     * the mentor's suggestion and decline reason, the mentee's thanks. For the adapters' copies to be dropped when
     * the person erases their data.
     */
    public Set<String> traces(PersonRef person) {
        Set<String> out = new LinkedHashSet<>();
        for (String role : List.of("mentee", "mentor")) {
            for (Document d : collection.find(eq(role, person.key()))) {
                Document a = d.get("agreement", Document.class);
                if (a != null && role.equals("mentee")) {
                    Agreement agreement = Agreement.from(a);
                    agreement.objectives().forEach(o -> {
                        out.add(o.what());
                        out.add(o.measure());
                    });
                    out.add(agreement.contact());
                } else if (a != null) {
                    out.add(Agreement.from(a).suggestion());
                }
                out.add(role.equals("mentee") ? d.getString("thanks") : d.getString("declineReason"));
            }
        }
        out.remove(null);
        return out;
    }

    /** How many open pairs a mentor has in a programme. */
    public int load(String program, PersonRef mentor) {
        return (int) collection.countDocuments(and(eq("program", program), eq("mentor", mentor.key()),
                in("status", PairStatus.OPEN.stream().map(PairStatus::value).toList())));
    }

    private static Pair toPair(Document d) {
        Map<String, String> clicks = new LinkedHashMap<>();
        Document c = d.get("clicks", Document.class);
        if (c != null) {
            c.forEach((k, v) -> clicks.put(k, String.valueOf(v)));
        }
        List<Pair.Reason> reasons = new ArrayList<>();
        for (Document r : d.getList("reasons", Document.class)) {
            reasons.add(new Pair.Reason(r.getString("key"), r.getList("args", String.class),
                        r.getInteger("points", 0)));
        }
        return new Pair(d.getString("_id"), new Scope(d.getString("platform"), d.getString("tenant")),
                d.getString("program"), PersonRef.fromKey(d.getString("mentee")),
                PersonRef.fromKey(d.getString("mentor")),
                PairStatus.valueOf(d.getString("status").toUpperCase(java.util.Locale.ROOT)),
                d.getInteger("score"), reasons, d.getDate("createdAt").toInstant(),
                Optional.ofNullable(d.getDate("respondBy")).map(Date::toInstant),
                Optional.ofNullable(d.getString("group")), clicks, d.getInteger("clickRounds"), d.getLong("version"),
                Optional.ofNullable(d.get("agreement", Document.class)).map(Agreement::from),
                new Pair.Rhythm(instant(d, "activeAt"), instant(d, "metAt"), instant(d, "lastMetAt"),
                        d.getInteger("meetings", 0), d.getInteger("checkIn", 0),
                        d.getInteger("pendingCheckIn") == null ? OptionalInt.empty()
                                : OptionalInt.of(d.getInteger("pendingCheckIn")),
                        d.getInteger("unanswered", 0), d.getBoolean("atRisk", false),
                        Optional.ofNullable(d.getString("atRiskReason")), instant(d, "endsAt")));
    }

    private static Optional<Instant> instant(Document d, String field) {
        return Optional.ofNullable(d.getDate(field)).map(Date::toInstant);
    }
}

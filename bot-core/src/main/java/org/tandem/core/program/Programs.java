package org.tandem.core.program;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.bson.Document;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.schedule.WorkingWeek;

/** The {@code programs} collection. A programme's name is unique in its workspace (a unique index says so). */
public final class Programs {

    /** Another programme of the workspace already has this name. */
    public static final class NameTaken extends RuntimeException {
        public NameTaken(String name) {
            super(name);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;

    public Programs(MongoDatabase db) {
        this.collection = db.getCollection("programs");
        collection.createIndex(Indexes.ascending("nameKey"), new IndexOptions().name("nameKey").unique(true));
        collection.createIndex(Indexes.ascending("tenant"), new IndexOptions().name("tenant"));
    }

    /** Creates a programme in DRAFT. */
    public Program create(Scope scope, ProgramDraft spec, String createdBy, Instant now) {
        String id = "p" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
        Document doc = new Document("_id", id)
                .append("platform", scope.platform())
                .append("tenant", scope.tenant())
                .append("state", ProgramState.DRAFT.value())
                .append("createdAt", Date.from(now))
                .append("createdBy", createdBy)
                .append("version", 1L);
        write(doc, scope, spec);
        try {
            collection.insertOne(doc);
        } catch (MongoWriteException e) {
            throw nameTakenOr(e, spec.name());
        }
        return toProgram(doc);
    }

    /** Replaces a programme's settings if nobody changed it since it was read (guard: version). */
    public boolean update(Program program, ProgramDraft spec) {
        Document set = new Document();
        write(set, program.scope(), spec);
        set.append("version", program.version() + 1);
        try {
            return collection.updateOne(and(eq("_id", program.id()), eq("version", program.version())),
                    new Document("$set", set)).getModifiedCount() == 1;
        } catch (MongoWriteException e) {
            throw nameTakenOr(e, spec.name());
        }
    }

    /**
     * Moves a programme to a state if it is in one of the expected states (guard: state). Not for closing: see
     * {@link #close}, which records when.
     */
    public boolean transition(String id, Collection<ProgramState> from, ProgramState to) {
        if (to == ProgramState.CLOSED) {
            throw new IllegalArgumentException("close a programme with close(), which records when");
        }
        return collection.updateOne(and(eq("_id", id), in("state", from.stream().map(ProgramState::value).toList())),
                Updates.combine(Updates.set("state", to.value()), Updates.unset("closedAt"),
                        Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    /** Closes a programme if it is in one of the expected states, and records when (its data's retention starts). */
    public boolean close(String id, Collection<ProgramState> from, Instant at) {
        return collection.updateOne(and(eq("_id", id), in("state", from.stream().map(ProgramState::value).toList())),
                Updates.combine(Updates.set("state", ProgramState.CLOSED.value()), Updates.set("closedAt", Date.from(at)),
                        Updates.inc("version", 1L))).getModifiedCount() == 1;
    }

    /** When a programme closed, if it did (and its closing was dated). */
    public Optional<Instant> closedAt(String id) {
        Document d = collection.find(eq("_id", id)).projection(com.mongodb.client.model.Projections.include("closedAt"))
                .first();
        return Optional.ofNullable(d).map(x -> x.getDate("closedAt")).map(Date::toInstant);
    }

    /**
     * The closed programmes of a workspace whose people's data is still there and which closed before
     * {@code cutoff}. A programme closed before closing was dated is dated now (its retention starts today).
     */
    public List<Program> closedBefore(Scope scope, Instant cutoff, Instant now) {
        collection.updateMany(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                eq("state", ProgramState.CLOSED.value()), eq("closedAt", null)), Updates.set("closedAt", Date.from(now)));
        return collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                        eq("state", ProgramState.CLOSED.value()), lt("closedAt", Date.from(cutoff)),
                        eq("erasedAt", null)))
                .map(Programs::toProgram).into(new ArrayList<>());
    }

    /** Whether a workspace has a closed programme whose people's data is still there (the retention has work). */
    public boolean anyClosedToErase(Scope scope) {
        return collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                eq("state", ProgramState.CLOSED.value()), eq("erasedAt", null))).first() != null;
    }

    /** Notes that a closed programme's personal data was erased, so the retention job passes it by. */
    public void markErased(String id, Instant at) {
        collection.updateOne(eq("_id", id), Updates.set("erasedAt", Date.from(at)));
    }

    /** Takes a coordinator who erased their data out of the programmes they created. */
    public void forgetCreator(Scope scope, String userId) {
        collection.updateMany(and(eq("platform", scope.platform()), eq("tenant", scope.tenant()),
                eq("createdBy", userId)), Updates.set("createdBy", ""));
    }

    public Optional<Program> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(Programs::toProgram);
    }

    /**
     * Names the channel where the programme's thank-you notes may be posted, with both people's consent, or none
     * (empty). Kept beside the programme's form, so that a programme stored before it had one reads as none.
     */
    public boolean recognition(String id, Optional<ChannelRef> channel) {
        return collection.updateOne(eq("_id", id), channel.map(c -> Updates.set("recognition",
                new Document("platform", c.platform()).append("tenant", c.tenant()).append("id", c.id())
                        .append("name", c.name()))).orElse(Updates.unset("recognition"))).getMatchedCount() == 1;
    }

    /** The programme's recognition channel, if its coordinators named one. */
    public Optional<ChannelRef> recognition(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first())
                .map(d -> d.get("recognition", Document.class))
                .map(r -> new ChannelRef(r.getString("platform"), r.getString("tenant"), r.getString("id"),
                        r.getString("name")));
    }

    /** When a programme's people work; the usual week when the programme is gone (erased, or never was). */
    public WorkingWeek workingWeek(String id) {
        return find(id).map(p -> p.spec().workingWeek()).orElse(WorkingWeek.defaults());
    }

    public Optional<Program> findByName(Scope scope, String name) {
        return Optional.ofNullable(collection.find(eq("nameKey", nameKey(scope, name))).first())
                .map(Programs::toProgram);
    }

    /** Every programme of a workspace, oldest first. */
    public List<Program> all(Scope scope) {
        return collection.find(and(eq("platform", scope.platform()), eq("tenant", scope.tenant())))
                .sort(Sorts.ascending("createdAt")).map(Programs::toProgram).into(new ArrayList<>());
    }

    /** Every workspace that has a programme, e.g. to plan its recurring jobs at start. */
    public List<Scope> scopes() {
        List<Scope> out = new ArrayList<>();
        for (Document d : collection.find()) {
            Scope s = new Scope(d.getString("platform"), d.getString("tenant"));
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The programmes people may enrol in now. */
    public List<Program> enrolling(Scope scope) {
        return all(scope).stream().filter(p -> p.state().enrolling()).toList();
    }

    static String nameKey(Scope scope, String name) {
        return scope.key() + "|" + name.strip().toLowerCase(Locale.ROOT);
    }

    private static void write(Document doc, Scope scope, ProgramDraft spec) {
        doc.append("name", spec.name())
                .append("nameKey", nameKey(scope, spec.name()))
                .append("description", spec.description())
                .append("topics", spec.topics())
                .append("cadence", spec.cadence().value())
                .append("durationMonths", spec.durationMonths())
                .append("matchingMode", spec.matchingMode().value())
                .append("defaultCapacity", spec.defaultCapacity())
                .append("languages", spec.languages())
                .append("weeklyCap", spec.weeklyCap().isPresent() ? spec.weeklyCap().getAsInt() : null)
                .append("workingWeek", week(spec.workingWeek()));
    }

    private static Document week(WorkingWeek week) {
        return new Document("start", week.start().toString()).append("end", week.end().toString())
                .append("days", week.days().stream().map(DayOfWeek::name).toList());
    }

    /** A programme saved before it had a working week, or with one that no longer reads, works the usual one. */
    private static WorkingWeek week(Document w) {
        if (w == null) {
            return WorkingWeek.defaults();
        }
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            w.getList("days", String.class).forEach(d -> days.add(DayOfWeek.valueOf(d)));
            return new WorkingWeek(LocalTime.parse(w.getString("start")), LocalTime.parse(w.getString("end")), days);
        } catch (RuntimeException e) {
            return WorkingWeek.defaults();
        }
    }

    private static RuntimeException nameTakenOr(MongoWriteException e, String name) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? new NameTaken(name) : e;
    }

    private static Program toProgram(Document d) {
        ProgramDraft spec = new ProgramDraft(d.getString("name"), d.getString("description"),
                d.getList("topics", String.class), Cadence.parse(d.getString("cadence")).orElseThrow(),
                d.getInteger("durationMonths"), MatchingMode.parse(d.getString("matchingMode")).orElseThrow(),
                d.getInteger("defaultCapacity"), d.getList("languages", String.class),
                d.getInteger("weeklyCap") == null ? OptionalInt.empty() : OptionalInt.of(d.getInteger("weeklyCap")),
                week(d.get("workingWeek", Document.class)));
        return new Program(d.getString("_id"), new Scope(d.getString("platform"), d.getString("tenant")), spec,
                ProgramState.valueOf(d.getString("state").toUpperCase(Locale.ROOT)),
                d.getDate("createdAt").toInstant(), d.getString("createdBy"), d.getLong("version"));
    }
}

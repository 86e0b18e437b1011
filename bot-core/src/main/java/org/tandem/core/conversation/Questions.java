package org.tandem.core.conversation;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.telemetry.Redacted;

/**
 * The interactive messages Tandem sent (collection {@code questions}): each copy of a question with its platform
 * reference, to whom, in which language, and what it showed. When its question is answered, expires or is
 * superseded, every copy is updated in place to show the outcome without anything to click; a closed copy keeps
 * only how it ends, so that a later click on it (an update the platform refused, two clicks at once) is answered by
 * showing that again. A refused update changes nothing else.
 */
public final class Questions {

    /** How an update is made: through a turn's reply channel (in the turn), or the messenger (on its own). */
    @FunctionalInterface
    public interface Updater {
        boolean update(MessageRef ref, Message message);
    }

    /** What a question came to, said in the language of each copy. */
    @FunctionalInterface
    public interface Outcome {
        Rich line(Texts t);

        /** A sentence from the bundles. */
        static Outcome of(String key, Object... args) {
            return t -> t.rich(key, args);
        }
    }

    /** Closed copies are kept this long, to answer a late click; then they go. */
    static final Duration KEPT = Duration.ofDays(60);
    /** How long an answer that came before its copy is kept: the send it raced with is long answered by then. */
    static final Duration EARLY_KEPT = Duration.ofMinutes(10);
    /** A copy being sent: the platform has not given its reference yet. */
    private static final String SENDING = "sending";
    /** A copy that can still be answered. */
    private static final List<String> OPEN = List.of("open", SENDING);
    private static final Logger log = LoggerFactory.getLogger(Questions.class);

    private final MongoCollection<Document> copies;
    private final MongoCollection<Document> early;
    private final Messenger messenger;
    private final Clock clock;

    public Questions(MongoDatabase db, Messenger messenger, Clock clock) {
        this.copies = db.getCollection("questions");
        this.copies.createIndex(Indexes.ascending("key"), new IndexOptions().name("key"));
        this.copies.createIndex(Indexes.ascending("ref"), new IndexOptions().name("ref"));
        // answers that came before their copy was recorded (a click while the send was still being answered)
        this.early = db.getCollection("question_answers_early");
        this.early.createIndex(Indexes.ascending("ref"), new IndexOptions().name("ref"));
        this.messenger = messenger;
        this.clock = clock;
    }

    /**
     * Sends one copy of a message through {@code send}, recording it when the message asks a question: noted before
     * the send (an answer may come back before the platform gives its reference), confirmed after, dropped when the
     * send fails.
     */
    MessageRef recording(Message m, Address to, Supplier<MessageRef> send) {
        Optional<String> note = sending(m, to);
        MessageRef ref;
        try {
            ref = send.get();
        } catch (RuntimeException e) {
            notSent(note);
            throw e;
        }
        sent(note, ref);
        return ref;
    }

    /**
     * Notes a copy of a question about to be sent, before the platform is called: a person may act on the copy
     * before the platform answered the send. Whoever closes the question meanwhile closes this copy too, and
     * {@link #sent} then shows them the outcome. Returns the note's id (empty for a message that asks nothing); the
     * caller must call {@link #sent} or {@link #notSent} with it.
     */
    Optional<String> sending(Message m, Address to) {
        if (m.question().isEmpty()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        Message.Question q = m.question().get();
        copies.insertOne(new Document("_id", id).append("key", q.key()).append("locale", q.locale().toLanguageTag())
                .append("platform", to.scope().platform()).append("tenant", to.scope().tenant())
                .append("to", key(to)).append("status", SENDING).append("shows", MessageCodec.write(m))
                .append("at", Date.from(clock.instant())));
        return Optional.of(id);
    }

    /**
     * The copy noted by {@link #sending} was sent as {@code ref}. If its question was closed meanwhile (or the copy
     * itself was clicked before it was known), the copy is updated to the outcome at once: no answered copy keeps
     * its buttons.
     */
    void sent(Optional<String> note, MessageRef ref) {
        if (note.isEmpty()) {
            return;
        }
        Document opened = copies.findOneAndUpdate(and(eq("_id", note.get()), eq("status", SENDING)),
                Updates.combine(Updates.set("status", "open"), Updates.set("ref", ref(ref))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (opened == null) {
            // closed while it was being sent: it shows its outcome now that its reference is known
            Document closed = copies.findOneAndUpdate(eq("_id", note.get()), Updates.set("ref", ref(ref)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (closed != null) {
                update(ref, MessageCodec.read(closed.get("shows", Document.class)), closed.getString("key"),
                        messenger::update);
            }
            return;
        }
        Document clicked = early.findOneAndDelete(eq("ref", ref(ref)));
        if (clicked != null) {
            closeChosen(opened, clicked.getString("actionId"), clicked.getString("value"), messenger::update);
        }
    }

    /** The send noted by {@link #sending} failed: there is no copy. */
    void notSent(Optional<String> note) {
        note.ifPresent(id -> copies.deleteOne(eq("_id", id)));
    }

    /** A copy now shows something else (a form shown again with its errors): it asks the same question. */
    void replaced(MessageRef ref, Message m) {
        copies.updateOne(and(eq("ref", ref(ref)), eq("status", "open")), Updates.set("shows", MessageCodec.write(m)));
    }

    /**
     * A question that is still open changed (a shortlist lost a mentor): every open copy now shows {@code now}, in
     * place, and still asks it. Quieter than a new message: nothing the person has to act on happened. A copy still
     * being sent keeps what it was sent with. Returns how many copies it updated.
     */
    public int reshow(String key, Message now) {
        int shown = 0;
        for (Document d : copies.find(and(eq("key", key), eq("status", "open")))) {
            // guard: still open, so that a copy answered meanwhile keeps its outcome
            Document open = copies.findOneAndUpdate(and(eq("_id", d.getString("_id")), eq("status", "open")),
                    Updates.set("shows", MessageCodec.write(now)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            Document r = open == null ? null : open.get("ref", Document.class);
            if (r != null) {
                update(new MessageRef(r.getString("platform"), r.getString("id")), now, key, messenger::update);
                shown++;
            }
        }
        return shown;
    }

    /** Closes a question on Tandem's own (it expired, was superseded): every copy is updated by the messenger. */
    public int close(String key, Outcome outcome) {
        return close(key, outcome, messenger::update);
    }

    /** Closes a question: every open copy is updated to show the outcome. Returns how many copies it closed. */
    public int close(String key, Outcome outcome, Updater updater) {
        int closed = 0;
        for (Document d : copies.find(and(eq("key", key), in("status", OPEN)))) {
            closed += closeCopy(d, outcome, updater) ? 1 : 0;
        }
        return closed;
    }

    /** Closes, on Tandem's own, every open question whose key starts with {@code prefix} (all of a pair's). */
    public int closeAll(String prefix, Outcome outcome) {
        return closeAll(prefix, outcome, messenger::update);
    }

    /** Closes every open question whose key starts with {@code prefix} (e.g. every form a person has open). */
    public int closeAll(String prefix, Outcome outcome, Updater updater) {
        int closed = 0;
        for (Document d : copies.find(and(regex("key", "^" + Pattern.quote(prefix)), in("status", OPEN)))) {
            closed += closeCopy(d, outcome, updater) ? 1 : 0;
        }
        return closed;
    }

    /** Closes the one copy a platform reference points at (a form answered on that message). */
    public boolean closeCopy(MessageRef ref, Outcome outcome, Updater updater) {
        Document d = copies.find(and(eq("ref", ref(ref)), eq("status", "open"))).first();
        return d != null && closeCopy(d, outcome, updater);
    }

    /**
     * Closes the copy a click was on, saying which of its buttons was chosen ("✓ You chose: Mentee"): for a question
     * the person answers by clicking. False when the copy is unknown or closed already.
     */
    public boolean closeCopyChosen(MessageRef ref, PersonRef by, String actionId, String value, Updater updater) {
        Document d = copies.find(and(eq("ref", ref(ref)), eq("status", "open"))).first();
        if (d == null) {
            if (copies.countDocuments(eq("ref", ref(ref))) == 0) {
                // clicked before its copy was known: the copy closes as its send is answered
                early.insertOne(new Document("_id", UUID.randomUUID().toString()).append("ref", ref(ref))
                        .append("by", by.key())
                        .append("actionId", actionId).append("value", value)
                        .append("wall", Date.from(Instant.now())));
            }
            return false;
        }
        return closeChosen(d, actionId, value, updater);
    }

    private boolean closeChosen(Document d, String actionId, String value, Updater updater) {
        String label = MessageCodec.read(d.get("shows", Document.class)).blocks().stream()
                .filter(Block.Buttons.class::isInstance).map(Block.Buttons.class::cast)
                .flatMap(b -> b.buttons().stream())
                .filter(b -> b.actionId().equals(actionId) && b.value().equals(value)).map(Block.Button::label)
                .findFirst().orElse(value);
        return closeCopy(d, t -> t.rich("question.you-chose", label), updater);
    }

    /** How a closed copy ends, to show again on a late click; empty when the copy is open or unknown. */
    public Optional<Message> closedView(MessageRef ref) {
        return Optional.ofNullable(copies.find(and(eq("ref", ref(ref)), eq("status", "closed"))).first())
                .map(d -> MessageCodec.read(d.get("shows", Document.class)));
    }

    /** Whether a question has an open copy. */
    public boolean isOpen(String key) {
        return copies.countDocuments(and(eq("key", key), in("status", OPEN))) > 0;
    }

    /** Forgets a person who erased their data: every copy sent to them, and every copy that names them. */
    public void forget(PersonRef person, Set<String> needles) {
        // a click kept before its copy was known says what they chose
        early.deleteMany(eq("by", person.key()));
        copies.deleteMany(eq("to", key(Address.person(person))));
        List<String> hits = new ArrayList<>();
        for (Document d : copies.find()) {
            String json = d.toJson().toLowerCase(Locale.ROOT);
            if (needles.stream().anyMatch(n -> json.contains(n.toLowerCase(Locale.ROOT)))) {
                hits.add(d.getString("_id"));
            }
        }
        hits.forEach(id -> copies.deleteOne(eq("_id", id)));
    }

    /** Drops closed copies older than {@link #KEPT}: a click that late is answered as a stale one. */
    public long purge() {
        early.deleteMany(lt("wall", Date.from(Instant.now().minus(EARLY_KEPT))));
        // a send that never came back (the replica died during it)
        copies.deleteMany(and(eq("status", SENDING), lt("at", Date.from(clock.instant().minus(EARLY_KEPT)))));
        return copies.deleteMany(and(eq("status", "closed"), lt("at", Date.from(clock.instant().minus(KEPT)))))
                .getDeletedCount();
    }

    private boolean closeCopy(Document d, Outcome outcome, Updater updater) {
        Message shown = MessageCodec.read(d.get("shows", Document.class));
        Message answered = shown.answered(outcome.line(Texts.of(Locale.forLanguageTag(d.getString("locale")))));
        // guard: open, so that two closings update a copy once
        Document closed = copies.findOneAndUpdate(and(eq("_id", d.getString("_id")), in("status", OPEN)),
                Updates.combine(Updates.set("status", "closed"), Updates.set("shows", MessageCodec.write(answered)),
                        Updates.set("at", Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (closed == null) {
            return false;
        }
        // its reference as it is now: the send may have been answered since the copy was read
        Document r = closed.get("ref", Document.class);
        if (r != null) {
            // else it is still being sent: the outcome is shown once the platform gives its reference
            update(new MessageRef(r.getString("platform"), r.getString("id")), answered, d.getString("key"), updater);
        }
        return true;
    }

    private static void update(MessageRef ref, Message answered, String key, Updater updater) {
        try {
            if (!updater.update(ref, answered)) {
                log.info("{} kept a copy of question {} as it was", ref.platform(), Redacted.key(key));
            }
        } catch (RuntimeException e) {
            // the question is closed all the same: a later click on the copy shows how it ended
            log.warn("updating a copy on {} of question {} failed: {}", ref.platform(), Redacted.key(key),
                    Redacted.describe(e));
        }
    }

    private static Document ref(MessageRef ref) {
        return new Document("platform", ref.platform()).append("id", ref.id());
    }

    private static String key(Address to) {
        if (to instanceof Address.Person p) {
            return "person|" + p.person().key();
        }
        if (to instanceof Address.Group g) {
            return "group|" + g.group().platform() + "|" + g.group().tenant() + "|" + g.group().id();
        }
        return "admin|" + to.scope().key();
    }
}

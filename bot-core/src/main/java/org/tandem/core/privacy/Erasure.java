package org.tandem.core.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.PersonalData;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.telemetry.Redacted;

/**
 * Erases personal data: a person's, at their request, or a closed programme's, when its retention is over. A
 * person's open pairs end first, each with one guarded move, and the partner is told kindly; then every
 * {@link PersonalData} part erases its share. What stays (a pair in the programme's numbers, an audit entry) stays
 * without identity. Every step is idempotent, so an interrupted erasure is finished by doing it again.
 */
public final class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final List<PersonalData> parts;
    private final Pairs pairs;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Messenger messenger;
    private final Questions questions;
    private final AuditLog audit;
    private final Locale adminLocale;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Erasure(List<PersonalData> parts, Pairs pairs, Programs programs, Enrollments enrollments, People people,
                   Messenger messenger, Questions questions, AuditLog audit, Locale adminLocale) {
        this.questions = questions;
        this.parts = List.copyOf(parts);
        this.pairs = pairs;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
        this.audit = audit;
        this.adminLocale = adminLocale;
    }

    /** A person's erasure from the core's stores, whose copies in the adapters are still to be dropped. */
    public record Erased(Messenger.Forgotten forgotten, int pairsEnded) {}

    /**
     * Erases everything the core stores about a person. The adapters' copies go with {@link #dropCopies}, which the
     * caller calls once the person's last answer is sent (so that it goes too).
     */
    public Erased forget(PersonRef person, Instant now) {
        Messenger.Forgotten forgotten = forgotten(person);
        int ended = endPairs(person, now);
        eraseStores(person, forgotten);
        audit.record(new AuditEntry(person.scope(), now, Optional.empty(), AuditEntry.FORGOTTEN, "", "dm",
                Optional.empty(), Optional.empty(), OptionalInt.of(ended)));
        return new Erased(forgotten, ended);
    }

    /** Erases several people entirely (a workspace that removed Tandem), then tells the listeners once. */
    public void forgetAll(Collection<PersonRef> everyone, Instant now) {
        for (PersonRef person : everyone) {
            messenger.forget(forget(person, now).forgotten());
        }
        erasedListeners();
    }

    /** What the stores keep about anyone of a workspace that removed Tandem, strangers to the bot included. */
    public void eraseWorkspace(Scope scope) {
        parts.forEach(part -> part.eraseWorkspace(scope));
    }

    /**
     * The adapters drop what they keep of an erased person, {@code farewell} (the answer that confirmed it) included;
     * then whoever must know of an erasure is told.
     */
    public void dropCopies(Erased erased, MessageRef farewell) {
        messenger.forget(erased.forgotten().saying(farewell));
        erasedListeners();
    }

    /**
     * Runs after every erasure is complete, e.g. to rewrite the embedded database file so that the erased data is
     * not left in its old pages.
     */
    public void afterEachErasure(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Erases what a closed programme kept about its people: pairs keep their stage and dates with stand-ins, the
     * rest goes; someone with nothing else in Tandem is forgotten entirely. Returns how many people it concerned.
     */
    public int eraseProgram(Program program, Instant now) {
        Set<PersonRef> concerned = new LinkedHashSet<>();
        enrollments.inProgram(program.id()).stream().map(Enrollment::person).forEach(concerned::add);
        for (Pair p : pairs.inProgram(program.id(), EnumSet.allOf(PairStatus.class))) {
            concerned.add(p.mentee());
            concerned.add(p.mentor());
            // the programme is long over: an open pair is simply completed, without a word to anyone
            pairs.retire(p.id(), now);
        }
        concerned.removeIf(People::isStandIn);
        for (PersonRef p : concerned) {
            pairs.anonymize(program.id(), p, People.standIn(p.scope()));
        }
        parts.forEach(part -> part.eraseProgram(program.id()));
        for (PersonRef p : concerned) {
            if (enrollments.of(p).isEmpty() && pairs.of(p, EnumSet.allOf(PairStatus.class)).isEmpty()) {
                eraseEverywhere(p);
            }
        }
        programs.markErased(program.id(), now);
        audit.record(AuditEntry.bot(program.scope(), AuditEntry.RETENTION, now).in(program.id())
                .counting(concerned.size()));
        erasedListeners();
        return concerned.size();
    }

    private void eraseEverywhere(PersonRef person) {
        Messenger.Forgotten forgotten = forgotten(person);
        eraseStores(person, forgotten);
        messenger.forget(forgotten);
    }

    /** Who the person is and what they wrote, read before it is erased. */
    private Messenger.Forgotten forgotten(PersonRef person) {
        Set<String> traces = new LinkedHashSet<>();
        parts.forEach(part -> traces.addAll(part.traces(person)));
        return new Messenger.Forgotten(person, people.find(person).map(p -> p.displayName()).orElse(null), traces);
    }

    private void eraseStores(PersonRef person, Messenger.Forgotten forgotten) {
        PersonRef standIn = People.standIn(person.scope());
        parts.forEach(part -> part.erase(person, standIn));
        // the copies of questions sent to them, and those that named them or quoted them
        questions.forget(person, forgotten.needles());
    }

    private void erasedListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // the erasure itself is done; what a listener failed to do is logged and tried after the next one
                log.error("a step after an erasure failed", Redacted.of(e));
            }
        }
    }

    /** Ends a person's open pairs, telling each partner; a race with another change is retried. */
    private int endPairs(PersonRef person, Instant now) {
        int ended = 0;
        for (int pass = 0; pass < 3; pass++) {
            List<Pair> open = pairs.of(person, PairStatus.OPEN);
            if (open.isEmpty()) {
                break;
            }
            for (Pair p : open) {
                // a proposal was never announced: nobody is waiting on it
                Optional<Pair> moved = pairs.end(p.id(), Pairs.EndedBy.ERASURE, now);
                if (moved.isPresent()) {
                    ended++;
                    if (moved.get().status() == PairStatus.ENDED) {
                        tellPartner(moved.get(), person);
                    }
                }
            }
        }
        return ended;
    }

    private void tellPartner(Pair pair, PersonRef leaving) {
        PersonRef partner = pair.other(leaving);
        String program = programs.find(pair.program()).map(Program::name).orElse("?");
        Texts t = people.texts(partner);
        messenger.send(Address.person(partner), Message.text(t.rich(pair.roleOf(partner).equals("mentee")
                ? "privacy.partner.mentee" : "privacy.partner.mentor", program)));
        Texts admin = people.adminTexts(pair.scope(), adminLocale);
        messenger.send(Address.admin(pair.scope()), Message.text(admin.rich("privacy.admin.pair-ended", program, people.name(partner))));
    }
}

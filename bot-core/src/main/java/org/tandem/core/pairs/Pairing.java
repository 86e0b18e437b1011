package org.tandem.core.pairs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.AnswerFields;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.module.Events;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * What happens to a pair between a mentee's choice and the introduction: the request to the mentor, the answer,
 * the introduction. Each step is one guarded update of the pair, then the messages; a repeat finds the pair
 * already moved and sends nothing twice.
 */
public final class Pairing {

    public static final Duration ANSWER_WITHIN = Duration.ofDays(3);

    private final Pairs pairs;
    private final Programs programs;
    private final Enrollments enrollments;
    private final People people;
    private final Messenger messenger;
    private final Questions questions;
    private final Clock clock;
    private final Locale adminLocale;
    private final PairTimers timers;
    private final Events events;

    public Pairing(Pairs pairs, Programs programs, Enrollments enrollments, People people, Messenger messenger,
                   Questions questions, Clock clock, Locale adminLocale, PairTimers timers, Events events) {
        this.events = events;
        this.questions = questions;
        this.timers = timers;
        this.pairs = pairs;
        this.programs = programs;
        this.enrollments = enrollments;
        this.people = people;
        this.messenger = messenger;
        this.clock = clock;
        this.adminLocale = adminLocale;
    }

    /**
     * Asks a mentor to take a mentee: opens the pair in a free slot of the mentor's capacity and sends the
     * request. Returns why not, when the mentor is full or the mentee already has a pair.
     */
    public Optional<Pairs.Refusal> request(Program program, PersonRef mentee, PersonRef mentor, int score,
                                           List<Pair.Reason> reasons) {
        int capacity = enrollments.find(mentor, program.id()).flatMap(Enrollment::mentor).map(m -> m.capacity())
                .orElse(0);
        Instant now = clock.instant();
        Pairs.Opened opened = pairs.open(program.scope(), program.id(), mentee, mentor, capacity,
                PairStatus.REQUESTED, score, reasons, Optional.of(now.plus(ANSWER_WITHIN)), now);
        opened.pair().ifPresent(p -> sendRequest(p, program));
        return opened.refusal();
    }

    /** The request, to the mentor: who asks, what they hope for, why the matcher thinks it fits. */
    public void sendRequest(Pair pair, Program program) {
        timers.requestSent(pair, pair.respondBy().orElse(clock.instant().plus(ANSWER_WITHIN)));
        Texts t = people.texts(pair.mentor());
        String menteeName = people.name(pair.mentee());
        Message.Builder m = Message.builder().text(t.rich("pair.request", menteeName, program.name()));
        enrollments.find(pair.mentee(), program.id()).flatMap(Enrollment::mentee)
                .ifPresent(a -> m.fields(AnswerFields.mentee(t, a, AnswerFields.Reader.OTHER)));
        drivers(t, pair.reasons()).ifPresent(m::context);
        messenger.send(Address.person(pair.mentor()), m
                .buttons(List.of(
                        new Block.Button(RequestFlow.ACCEPT, t.get("pair.accept"), pair.id(), Block.Style.PRIMARY),
                        new Block.Button(RequestFlow.DECLINE, t.get("pair.decline"), pair.id())))
                .context(t.rich("pair.request.within", ANSWER_WITHIN.toDays()))
                .build().asking(requestKey(pair.id()), t.locale()));
        Texts mt = people.texts(pair.mentee());
        messenger.send(Address.person(pair.mentee()), Message.text(mt.rich("pair.requested", people.name(pair.mentor()),
                ANSWER_WITHIN.toDays())));
    }

    /** Where the copies of the pairs' questions are closed. */
    Questions questions() {
        return questions;
    }

    /** The key of a request's question to its mentor. */
    static String requestKey(String pairId) {
        return pairId + "|request";
    }

    /** The mentor said yes: the pair is introduced in a group conversation. */
    public boolean accept(PersonRef mentor, String pairId) {
        Optional<Pair> accepted = pairs.find(pairId).filter(p -> p.mentor().equals(mentor))
                .flatMap(p -> pairs.accept(pairId, clock.instant()));
        accepted.ifPresent(p -> {
            // planned first: if this replica dies before the introduction is out, the sweep sends it
            timers.accepted(p, clock.instant());
            questions.close(requestKey(p.id()), t -> t.rich("pair.request.outcome.accepted",
                    t.date(clock.instant(), ZoneOffset.UTC)));
            introduce(p);
            events.publish(new RequestAccepted(p));
        });
        return accepted.isPresent();
    }

    /** Sends the introduction and marks the pair introduced (only once, guarded on ACCEPTED). */
    public void introduce(Pair pair) {
        Optional<Program> program = programs.find(pair.program());
        if (program.isEmpty()) {
            return;
        }
        Texts t = people.texts(pair.mentee());
        Message intro = Introduction.message(t, pair, program.get(), people, enrollments);
        GroupRef group = messenger.openGroup(List.of(pair.mentee(), pair.mentor()), intro);
        messenger.send(Address.group(group), Introduction.question(t, pair));
        pairs.introduce(pair.id(), group.id(), clock.instant()).ifPresent(p -> {
            timers.askClickLater(p, 0, clock.instant().plus(PairTimers.CLICK_AFTER_INTRODUCTION));
            // the mentee was promised to hear the answer: in her own conversation too, not only in the group
            Texts mt = people.texts(p.mentee());
            messenger.send(Address.person(p.mentee()), Message.text(mt.rich("pair.accepted.mentee",
                    people.name(p.mentor()))));
        });
        toAdmin(pair, "pair.admin.introduced", people.name(pair.mentee()), people.name(pair.mentor()),
                program.get().name());
    }

    /** The mentor said no (the reason is for coordinators only): the mentee is told kindly. */
    public boolean decline(PersonRef mentor, String pairId, String reason) {
        Optional<Pair> declined = pairs.find(pairId).filter(p -> p.mentor().equals(mentor))
                .flatMap(p -> pairs.decline(pairId, reason, clock.instant()));
        declined.ifPresent(p -> {
            Texts t = people.texts(p.mentee());
            messenger.send(Address.person(p.mentee()), Message.text(t.rich("pair.declined", people.name(p.mentor()))));
            String program = programs.find(p.program()).map(Program::name).orElse("?");
            toAdmin(p, reason.isEmpty() ? "pair.admin.declined" : "pair.admin.declined-because",
                    people.name(p.mentor()), people.name(p.mentee()), program, reason);
            events.publish(new RequestEnded(p, true));
        });
        return declined.isPresent();
    }

    /** Nobody answered in time: the request lapses and the mentee moves on to the next candidate. */
    public boolean expire(String pairId) {
        Optional<Pair> expired = pairs.expire(pairId, clock.instant());
        expired.ifPresent(p -> {
            tell(p.mentor(), "pair.expired.mentor", people.name(p.mentee()));
            tell(p.mentee(), "pair.expired.mentee", people.name(p.mentor()));
            events.publish(new RequestEnded(p, false));
        });
        return expired.isPresent();
    }

    /**
     * Someone left a programme: each of their open pairs there ends, and the partner is told kindly (a mentee
     * goes back to the pool; nothing private is said).
     */
    public void left(PersonRef person, String program) {
        for (Pair p : pairs.of(person, PairStatus.OPEN)) {
            if (!p.program().equals(program)) {
                continue;
            }
            pairs.leave(p.id(), clock.instant()).ifPresent(ended -> {
                PersonRef partner = ended.other(person);
                tell(partner, partner.equals(ended.mentee()) ? "pair.partner-left.mentee" : "pair.partner-left.mentor",
                        people.name(person));
            });
        }
    }

    /** One sentence to one person, in their language, in their direct conversation. */
    void tell(PersonRef who, String key, Object... args) {
        messenger.send(Address.person(who), Message.text(people.texts(who).rich(key, args)));
    }

    void toAdmin(Pair pair, String key, Object... args) {
        Texts t = people.adminTexts(pair.scope(), adminLocale);
        messenger.send(Address.admin(pair.scope()), Message.text(t.rich(key, args)));
    }

    /** What makes a match a compromise, in the mentee's words ("covers none of your topics"), or empty. */
    static Optional<Rich> weaknesses(Texts t, List<Pair.Reason> reasons) {
        List<String> weak = reasons.stream().filter(Pair.Reason::weak).filter(r -> t.has(r.key()))
                .map(r -> t.get(r.key(), r.args().toArray())).toList();
        return weak.isEmpty() ? Optional.empty() : Optional.of(t.rich("pair.weak", String.join(" · ", weak)));
    }

    /**
     * For the mentee: why this mentor (what scored, strongest first), then what to keep in mind (what did not,
     * apart from what makes it a compromise: {@link #weaknesses}).
     * The sentences speak to the mentee ("ahead of you"), so only the mentee reads them.
     */
    static Optional<Rich> reasons(Texts t, List<Pair.Reason> reasons) {
        List<Pair.Reason> known = reasons.stream().filter(r -> t.has(r.key()))
                .sorted((a, b) -> Integer.compare(b.points(), a.points())).toList();
        List<String> good = known.stream().filter(r -> r.points() > 0).map(r -> t.get(r.key(), r.args().toArray()))
                .toList();
        List<String> mind = known.stream().filter(r -> r.points() <= 0 && !r.weak())
                .map(r -> t.get(r.key(), r.args().toArray())).toList();
        Rich out = null;
        if (!good.isEmpty()) {
            out = t.rich("pair.why", String.join(" · ", good));
        }
        if (!mind.isEmpty()) {
            Rich m = t.rich("pair.mind", String.join(" · ", mind));
            out = out == null ? m : Rich.join("\n", List.of(out, m));
        }
        return Optional.ofNullable(out);
    }

    /** For the mentor: which criteria drove the proposal ("Topics · Time zone"), without the mentee's wording. */
    static Optional<Rich> drivers(Texts t, List<Pair.Reason> reasons) {
        List<String> names = reasons.stream().filter(r -> r.points() > 0)
                .sorted((a, b) -> Integer.compare(b.points(), a.points()))
                .map(r -> "criterion." + r.criterion()).filter(t::has).map(t::get).distinct().toList();
        return names.isEmpty() ? Optional.empty() : Optional.of(t.rich("pair.drivers", String.join(" · ", names)));
    }
}

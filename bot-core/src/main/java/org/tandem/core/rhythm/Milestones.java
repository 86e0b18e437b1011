package org.tandem.core.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Contribution;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairAccess;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;

/**
 * The midpoint review (half-way through the programme's duration) and the close (at its end): reflections from
 * both, then extend or close the pair. Each is a due item per person, keyed by the pair (and the end date, which an
 * extension moves), and goes out like every nudge: in the person's working hours, within the daily and weekly caps.
 * A close nobody decides on completes the pair two weeks later.
 */
final class Milestones implements Flow {

    static final String ID = "milestone";
    private static final List<String> ROLES = List.of("mentee", "mentor");
    static final String DECIDE = ID + ".decide";
    static final String MIDPOINT = "rhythm.midpoint";
    static final String CLOSING = "rhythm.closing";
    static final String CLOSE_WAIT = "rhythm.close-wait";
    static final Period EXTENSION = Period.ofMonths(3);
    /** How long a close waits for a decision before the pair is completed without one. */
    static final Duration DECISION_WAIT = Duration.ofDays(14);

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final ReflectionFlow reflections;
    private final CheckIns checkIns;

    Milestones(Rhythm rhythm, Pairs pairs, ReflectionFlow reflections, CheckIns checkIns) {
        this.pairs = pairs;
        this.rhythm = rhythm;
        this.reflections = reflections;
        this.checkIns = checkIns;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(DECIDE, PairAccess.members(pairs), this::click);
    }

    /** Plans the midpoint and the close of a pair that just became active. */
    void start(Pair pair) {
        int months = rhythm.program(pair).map(p -> p.spec().durationMonths()).orElse(6);
        Instant active = pair.rhythm().activeAt().orElse(rhythm.now());
        // millisecond precision, as MongoDB stores it: the end date is compared in keys and guards
        Instant ends = active.atZone(ZoneOffset.UTC).plusMonths(months).toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        pairs.endsAt(pair.id(), ends);
        Instant half = active.plus(Duration.between(active, ends).dividedBy(2));
        for (String role : ROLES) {
            rhythm.plan(MIDPOINT + "|" + pair.id() + "|" + role, MIDPOINT, pair,
                    Map.of("pair", pair.id(), "role", role), half);
        }
        planClose(pair, ends);
    }

    private void planClose(Pair pair, Instant ends) {
        for (String role : ROLES) {
            rhythm.plan(CLOSING + "|" + pair.id() + "|" + ends + "|" + role, CLOSING, pair,
                    Map.of("pair", pair.id(), "endsAt", ends.toString(), "role", role), ends);
        }
        // the pair is told it is complete in the mentee's working hours, like every other news of the rhythm
        rhythm.plan(CLOSE_WAIT + "|" + pair.id() + "|" + ends, CLOSE_WAIT, pair,
                Map.of("pair", pair.id(), "endsAt", ends.toString()),
                Courtesy.nextSlot(rhythm.week(pair.program()), rhythm.zone(pair.mentee(), pair.program()),
                        ends.plus(DECISION_WAIT)));
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(MIDPOINT, this::midpoint), DueHandler.of(CLOSING, this::closing),
                DueHandler.of(CLOSE_WAIT, this::closeWithoutDecision));
    }

    /** Not to a pair the rhythm stopped nudging (nobody answers): one more unanswered prompt helps nobody. */
    private void midpoint(DueItem item) {
        pairs.find(item.payloadString("pair")).filter(p -> p.status() == PairStatus.ACTIVE)
                .filter(p -> !p.rhythm().silenced())
                .ifPresent(p -> toEach(item, p, who -> reflections.prompt(p, "midpoint", "midpoint", who)));
    }

    private void closing(DueItem item) {
        Instant ends = Instant.parse(item.payloadString("endsAt"));
        pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE && p.rhythm().endsAt().equals(Optional.of(ends)))
                .ifPresent(p -> toEach(item, p, who -> {
                    reflections.prompt(p, "closing", ends.toString(), who);
                    Texts t = rhythm.texts(who);
                    rhythm.send(who, Message.builder()
                            .text(t.rich("milestone.closing", rhythm.name(p.other(who))))
                            .buttons(List.of(
                                    new Block.Button(DECIDE, t.get("milestone.extend"), p.id() + ":extend:" + ends),
                                    new Block.Button(DECIDE, t.get("milestone.close"), p.id() + ":close:" + ends,
                                            Block.Style.PRIMARY)))
                            .build().asking(p.id() + "|milestone|" + ends, t.locale()));
                }));
    }

    /**
     * Sends a milestone to the item's person when courtesy allows, else later (a new item per moment). An item
     * planned before milestones were per person names no role: it stands for both, each planned on their own.
     */
    private void toEach(DueItem item, Pair p, Consumer<PersonRef> send) {
        String role = item.payloadString("role");
        if (role == null) {
            for (String r : ROLES) {
                Map<String, Object> payload = new LinkedHashMap<>(item.payload());
                payload.put("role", r);
                rhythm.plan(item.key() + "|" + r, item.kind(), p, payload, rhythm.now());
            }
            return;
        }
        PersonRef who = role.equals("mentor") ? p.mentor() : p.mentee();
        Optional<Instant> later = rhythm.courtesy(p, who);
        if (later.isPresent()) {
            rhythm.plan(item.key().split("@", 2)[0] + "@" + later.get(), item.kind(), p, item.payload(),
                    later.get());
            return;
        }
        send.accept(who);
    }

    /** Nobody decided within two weeks of the close: the pair is complete, and both are thanked. */
    private void closeWithoutDecision(DueItem item) {
        Instant ends = Instant.parse(item.payloadString("endsAt"));
        pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE && p.rhythm().endsAt().equals(Optional.of(ends)))
                .flatMap(p -> pairs.complete(p.id(), rhythm.now()))
                .ifPresent(this::completed);
    }

    private void click(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":", 3);
        Optional<Pair> pair = parts.length == 3 ? pairs.find(parts[0])
                .filter(p -> p.status() == PairStatus.ACTIVE)
                .filter(p -> p.rhythm().endsAt().map(Instant::toString).equals(Optional.of(parts[2])))
                : Optional.empty();
        if (pair.isEmpty()) {
            turn.reply("milestone.gone");
            return;
        }
        Pair p = pair.get();
        if (parts[1].equals("extend")) {
            Instant later = Instant.parse(parts[2]).atZone(ZoneOffset.UTC).plus(EXTENSION).toInstant();
            if (pairs.extend(p.id(), Instant.parse(parts[2]), later)) {
                String extender = turn.person().displayName();
                turn.answered(p.id() + "|milestone|" + parts[2], t -> t.rich("milestone.outcome.extended", extender,
                        t.date(later, ZoneOffset.UTC)));
                planClose(p, later);
                // the check-ins had stopped at the close: they go on until the new one
                checkIns.replan(p, rhythm.cadenceAfter(p, turn.now()));
                for (PersonRef who : List.of(p.mentee(), p.mentor())) {
                    rhythm.tell(who, "milestone.extended", rhythm.name(p.other(who)),
                            rhythm.date(rhythm.texts(who), later, rhythm.zone(who, p.program())));
                }
            } else {
                turn.reply("milestone.gone");
            }
            return;
        }
        pairs.complete(p.id(), turn.now())
                .ifPresentOrElse(this::completed, () -> turn.reply("milestone.gone"));
    }

    private void completed(Pair done) {
        for (PersonRef who : List.of(done.mentee(), done.mentor())) {
            rhythm.tell(who, who.equals(done.mentor()) ? "milestone.completed.mentor"
                    : "milestone.completed.mentee", rhythm.name(done.other(who)));
        }
        // what the mentor gave, in numbers: nothing of the mentee's reflections
        long held = rhythm.meetings.count(done.id());
        Contribution overall = Contribution.of(pairs, rhythm.meetings, done.mentor());
        rhythm.tell(done.mentor(), "milestone.summary.mentor", held, rhythm.name(done.mentee()),
                (rhythm.meetings.minutes(List.of(done.id())) + 30) / 60, overall.mentees(), overall.thanks());
        rhythm.toAdmin(done, "milestone.completed.admin", rhythm.name(done.mentee()),
                rhythm.name(done.mentor()), rhythm.program(done).map(x -> x.name()).orElse("?"),
                done.rhythm().meetings());
    }
}

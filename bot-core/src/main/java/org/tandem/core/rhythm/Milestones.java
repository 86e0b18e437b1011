package org.tandem.core.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;

/**
 * The midpoint review (half-way through the programme's duration) and the close (at its end): reflections from
 * both, then extend or close the pair. Both are due items keyed by the pair (and the end date, which an
 * extension moves), delivered within working hours.
 */
final class Milestones implements Flow {

    static final String ID = "milestone";
    static final String DECIDE = ID + ".decide";
    static final String MIDPOINT = "rhythm.midpoint";
    static final String CLOSING = "rhythm.closing";
    static final Period EXTENSION = Period.ofMonths(3);

    private final Rhythm rhythm;
    private final ReflectionFlow reflections;

    Milestones(Rhythm rhythm, ReflectionFlow reflections) {
        this.rhythm = rhythm;
        this.reflections = reflections;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> actions() {
        return Set.of(DECIDE);
    }

    /** Plans the midpoint and the close of a pair that just became active. */
    void start(Pair pair) {
        int months = rhythm.program(pair).map(p -> p.spec().durationMonths()).orElse(6);
        Instant active = pair.rhythm().activeAt().orElse(rhythm.now());
        // millisecond precision, as MongoDB stores it: the end date is compared in keys and guards
        Instant ends = active.atZone(ZoneOffset.UTC).plusMonths(months).toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        rhythm.pairs.endsAt(pair.id(), ends);
        Instant half = active.plus(Duration.between(active, ends).dividedBy(2));
        rhythm.plan(MIDPOINT + "|" + pair.id(), MIDPOINT, pair, Map.of("pair", pair.id()), slot(pair, half));
        planClose(pair, ends);
    }

    private void planClose(Pair pair, Instant ends) {
        rhythm.plan(CLOSING + "|" + pair.id() + "|" + ends, CLOSING, pair,
                Map.of("pair", pair.id(), "endsAt", ends.toString()), slot(pair, ends));
    }

    /** Within the mentee's working hours: the mentee drives. */
    private Instant slot(Pair pair, Instant at) {
        return Courtesy.nextSlot(rhythm.zone(pair.mentee(), pair.program()), at);
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(MIDPOINT, this::midpoint), DueHandler.of(CLOSING, this::closing));
    }

    private void midpoint(DueItem item) {
        rhythm.pairs.find(item.payloadString("pair")).filter(p -> p.status() == PairStatus.ACTIVE)
                .ifPresent(p -> reflections.prompt(p, "midpoint", "midpoint"));
    }

    private void closing(DueItem item) {
        Instant ends = Instant.parse(item.payloadString("endsAt"));
        Optional<Pair> pair = rhythm.pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE && p.rhythm().endsAt().equals(Optional.of(ends)));
        if (pair.isEmpty()) {
            return;
        }
        Pair p = pair.get();
        reflections.prompt(p, "closing", ends.toString());
        for (PersonRef who : List.of(p.mentee(), p.mentor())) {
            Texts t = rhythm.texts(who);
            rhythm.send(who, Message.builder()
                    .text(t.rich("milestone.closing", rhythm.name(p.other(who))))
                    .buttons(List.of(
                            new Block.Button(DECIDE, t.get("milestone.extend"), p.id() + ":extend:" + ends),
                            new Block.Button(DECIDE, t.get("milestone.close"), p.id() + ":close:" + ends,
                                    Block.Style.PRIMARY)))
                    .build());
        }
    }

    @Override
    public void onClick(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":", 3);
        Optional<Pair> pair = parts.length == 3 ? rhythm.pairs.find(parts[0])
                .filter(p -> p.mentee().equals(turn.who()) || p.mentor().equals(turn.who()))
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
            if (rhythm.pairs.extend(p.id(), Instant.parse(parts[2]), later)) {
                planClose(p, later);
                for (PersonRef who : List.of(p.mentee(), p.mentor())) {
                    rhythm.tell(who, "milestone.extended", rhythm.name(p.other(who)),
                            rhythm.date(rhythm.texts(who), later, rhythm.zone(who, p.program())));
                }
            } else {
                turn.reply("milestone.gone");
            }
            return;
        }
        rhythm.pairs.move(p.id(), EnumSet.of(PairStatus.ACTIVE), PairStatus.COMPLETED, turn.now())
                .ifPresentOrElse(done -> {
                    for (PersonRef who : List.of(done.mentee(), done.mentor())) {
                        rhythm.tell(who, who.equals(done.mentor()) ? "milestone.completed.mentor"
                                : "milestone.completed.mentee", rhythm.name(done.other(who)));
                    }
                    rhythm.toAdmin(done, "milestone.completed.admin", rhythm.name(done.mentee()),
                            rhythm.name(done.mentor()), rhythm.program(done).map(x -> x.name()).orElse("?"),
                            done.rhythm().meetings());
                }, () -> turn.reply("milestone.gone"));
    }
}

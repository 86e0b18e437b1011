package org.tandem.core.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.pairs.MeetingHeld;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairAccess;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;

/**
 * The answers to a check-in — "we met" (with the date: every meeting is logged), "it's scheduled", "not yet"
 * (asked again in a few days), "we need help" (the coordinators are alerted) — and the coordinators' buttons on an
 * at-risk pair.
 */
final class CheckInFlow implements Flow {

    static final String ID = "checkin";
    static final String ANSWER = ID + ".answer";
    static final String NUDGE = ID + ".nudge";
    static final String REACH_OUT = ID + ".reach-out";
    static final String MET_FORM = ID + ".met-form";
    static final String SCHEDULED_FORM = ID + ".scheduled-form";
    static final Duration SNOOZE = Duration.ofDays(3);

    /** The steps of a check-in: the date of a meeting, or of the one they scheduled, is being given. */
    enum Step { MET, SCHEDULED }

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final CheckIns checkIns;
    private final AtRiskActions atRisk;
    private final ReflectionFlow reflections;

    CheckInFlow(Rhythm rhythm, Pairs pairs, CheckIns checkIns, ReflectionFlow reflections) {
        this.pairs = pairs;
        this.rhythm = rhythm;
        this.checkIns = checkIns;
        this.atRisk = new AtRiskActions(rhythm, pairs, checkIns);
        this.reflections = reflections;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(ANSWER, PairAccess.members(pairs), this::click)
                .click(NUDGE, Access.COORDINATORS, (turn, click) -> atRisk.act(turn, click, true))
                .click(REACH_OUT, Access.COORDINATORS, (turn, click) -> atRisk.act(turn, click, false))
                .submit(MET_FORM, Access.SELF, Set.of("date", "note"), (turn, submit) -> submit(turn, submit, true))
                .submit(SCHEDULED_FORM, Access.SELF, Set.of("date"), (turn, submit) -> submit(turn, submit, false));
    }


    private void click(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":");
        Optional<Pair> pair = parts.length == 3 ? mine(turn, parts[0]) : Optional.empty();
        if (pair.isEmpty() || !parts[1].matches("\\d{1,9}")) {
            turn.reply("checkin.gone");
            return;
        }
        int n = Integer.parseInt(parts[1]);
        if (!pairs.checkInPending(pair.get().id(), n)) {
            turn.reply("checkin.answered");
            return;
        }
        Pair p = pair.get();
        switch (parts[2]) {
            case "met" -> form(turn, p, n, Step.MET);
            case "scheduled" -> form(turn, p, n, Step.SCHEDULED);
            case "not-yet" -> {
                if (pairs.checkInAnswered(p.id(), n)) {
                    answered(turn, p, n, "checkin.not-yet");
                    checkIns.replan(p, turn.now().plus(SNOOZE));
                    turn.reply("checkin.snoozed");
                } else {
                    turn.reply("checkin.answered");
                }
            }
            case "help" -> {
                if (pairs.checkInAnswered(p.id(), n)) {
                    answered(turn, p, n, "checkin.help");
                    checkIns.replan(p, rhythm.cadenceAfter(p, turn.now()));
                    rhythm.toAdmin(p, "checkin.help.admin", turn.person().displayName(),
                            rhythm.name(p.other(turn.who())), rhythm.program(p).map(x -> x.name()).orElse("?"));
                    turn.reply("checkin.help.done");
                } else {
                    turn.reply("checkin.answered");
                }
            }
            default -> turn.reply("checkin.gone");
        }
    }

    /**
     * The check-in's copies (both people's, the reminders too) say who answered what; the coordinators' notices about
     * a pair at risk say they answered, and no reminder follows (a quiet pair stays flagged until it logs a meeting).
     */
    private void answered(Turn turn, Pair p, int n, String labelKey) {
        String who = turn.person().displayName();
        turn.answered(CheckIns.key(p, n), t -> t.rich("question.answered", who, t.get(labelKey)));
        checkIns.answeredWhileAtRisk(p);
    }

    private void form(Turn turn, Pair p, int n, Step step) {
        String formId = step == Step.MET ? MET_FORM : SCHEDULED_FORM;
        turn.save(ConversationState.start(ID, step).with("pair", p.id()).with("n", Integer.toString(n)));
        ZoneId zone = rhythm.zone(turn.who(), p.program());
        turn.reply(Message.of(DateForms.form(turn.t(), formId, Map.of("date",
                List.of(LocalDate.ofInstant(turn.now(), zone).toString())), Map.of())));
    }

    private void submit(Turn turn, Input.Submit submit, boolean met) {
        Optional<ConversationState> state = turn.state().filter(s -> s.in(ID, met ? Step.MET : Step.SCHEDULED));
        Optional<Pair> pair = state.flatMap(s -> mine(turn, s.string("pair")));
        if (pair.isEmpty()) {
            turn.reply("checkin.gone");
            return;
        }
        int n = Integer.parseInt(state.get().string("n"));
        FormCheck check = new FormCheck(submit, turn.t());
        ZoneId zone = rhythm.zone(turn.who(), pair.get().program());
        LocalDate today = LocalDate.ofInstant(turn.now(), zone);
        Optional<LocalDate> date = DateForms.date(check, today, met);
        if (date.isEmpty()) {
            turn.reply(Message.of(DateForms.form(turn.t(), submit.formId(), check.submitted(), check.errors())));
            return;
        }
        turn.clearState();
        Pair p = pair.get();
        if (!pairs.checkInAnswered(p.id(), n)) {
            turn.reply("checkin.answered");
            return;
        }
        answered(turn, p, n, met ? "checkin.met" : "checkin.scheduled");
        Instant day = date.get().atTime(12, 0).atZone(zone).toInstant();
        if (met) {
            String note = check.text("note", false, 1000);
            if (!note.isEmpty()) {
                // a private note: like a reflection, only its author ever reads it (journal)
                rhythm.reflections.save(new Reflections.Reflection(p.id(), p.program(), turn.who(),
                        Reflections.Reflection.NOTE, Map.of("note", note), List.of(), 0, turn.now(), date),
                        "note:" + date.get());
            }
            logged(p, date.get(), turn.who(), zone);
            turn.reply("checkin.logged");
            reflections.afterMeeting(p, date.get());
        } else {
            checkIns.replan(p, day.plus(Duration.ofDays(1)));
            turn.reply("checkin.noted", rhythm.date(turn.t(), date.get()));
        }
    }

    /**
     * A meeting took place on {@code date} (on {@code zone}'s calendar): logged once per day, and the next check-in
     * one cadence after it.
     */
    private void logged(Pair p, LocalDate date, PersonRef by, ZoneId zone) {
        Instant day = date.atTime(12, 0).atZone(zone).toInstant();
        if (rhythm.meetings.log(p, date, by, rhythm.now())) {
            pairs.met(p.id(), day);
        }
        Instant next = rhythm.cadence(p).after(day, zone);
        checkIns.replan(p, next.isAfter(rhythm.now()) ? next : rhythm.now().plus(Duration.ofDays(1)));
    }

    /**
     * The meeting they scheduled took place, one of them said: logged like a "we met" (the open check-in, if any,
     * shows it), and the one who said it is asked to reflect.
     */
    void held(MeetingHeld held) {
        Optional<Pair> pair = pairs.find(held.pair().id()).filter(p -> p.status() == PairStatus.ACTIVE);
        if (pair.isEmpty()) {
            return;
        }
        Pair p = pair.get();
        OptionalInt open = p.rhythm().pendingCheckIn();
        if (open.isPresent() && pairs.checkInAnswered(p.id(), open.getAsInt())) {
            String who = rhythm.name(held.by());
            rhythm.questions.close(CheckIns.key(p, open.getAsInt()), t -> t.rich("question.answered", who,
                    t.get("checkin.met")));
        }
        logged(p, held.date(), held.by(), rhythm.zone(held.by(), p.program()));
        reflections.afterMeeting(p, held.date());
    }

    /** The pair, while active (the router let only its two people click, and the state is the person's own). */
    private Optional<Pair> mine(Turn turn, String pairId) {
        return pairs.find(pairId).filter(p -> p.status() == PairStatus.ACTIVE);
    }
}

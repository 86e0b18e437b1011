package org.tandem.core.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.meetings.MeetingPlan;
import org.tandem.core.meetings.MeetingPlans;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;

/**
 * Check-ins on the pair's cadence, with at most one question open per pair. A pair has one live <em>tick</em> (its
 * generation is the pair's {@code checkIn}, every re-plan takes the next one, so an older tick is stale). A tick
 * opens a question when none is open: the mentee is asked first (the mentee drives), the mentor two days later if
 * nobody answered, and each of them is reminded once. A tick that finds the question still open asks nothing new
 * and counts an unanswered cadence; after two, the pair is at risk, the coordinators are told (again weekly while
 * nobody answers or acts, each notice taking the place of the one before), and the rhythm stops nudging until
 * someone answers or a coordinator acts. An answer re-times the next tick. Nothing of it reaches a pair that is no
 * longer active, nor after its closing review is due.
 */
final class CheckIns {

    static final String TICK = "rhythm.checkin";
    static final String ASK = "rhythm.checkin-ask";
    static final String REMIND = "rhythm.checkin-remind";
    static final String AT_RISK = "rhythm.at-risk";
    static final Duration MENTOR_AFTER = Duration.ofDays(2);
    static final Duration AT_RISK_EVERY = Duration.ofDays(7);
    static final Duration PAUSED_RETRY = Duration.ofDays(1);

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final MeetingPlans plans;

    CheckIns(Rhythm rhythm, Pairs pairs, MeetingPlans plans) {
        this.pairs = pairs;
        this.rhythm = rhythm;
        this.plans = plans;
    }

    /** The first check-in, one cadence after the agreement (once, however often it is called). */
    void start(Pair pair) {
        if (pair.rhythm().checkIn() == 0) {
            replan(pair, rhythm.cadenceAfter(pair, rhythm.now()));
        }
    }

    /**
     * Moves the rhythm's next tick to {@code at}: takes the next generation (guarded), so that the tick planned
     * before becomes stale, and plans the new one. Two callers racing plan one.
     */
    void replan(Pair pair, Instant at) {
        Pair p = pairs.find(pair.id()).orElse(pair);
        pairs.nextCheckIn(p.id(), p.rhythm().checkIn()).ifPresent(next -> planTick(next, at));
    }

    private void planTick(Pair p, Instant at) {
        int n = p.rhythm().checkIn();
        rhythm.plan(TICK + "|" + p.id() + "|" + n, TICK, p, Map.of("pair", p.id(), "n", n), at);
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(TICK, this::tick), DueHandler.of(ASK, this::ask),
                DueHandler.of(REMIND, this::remind), DueHandler.of(AT_RISK, this::stillAtRisk));
    }

    private void tick(DueItem item) {
        int n = number(item);
        Optional<Pair> live = pairs.find(item.payloadString("pair")).filter(this::rhythmGoesOn)
                .filter(p -> p.rhythm().checkIn() == n);
        if (live.isEmpty()) {
            return;
        }
        Pair p = live.get();
        if (rhythm.pauses.programPaused(p.program())) {
            defer(item, rhythm.now().plus(PAUSED_RETRY));
            return;
        }
        Optional<Instant> planned = plannedEnd(p);
        if (planned.isPresent()) {
            // a meeting is planned: after it, "did it take place?" asks; the cadence goes on from there
            replan(p, rhythm.cadenceAfter(p, planned.get()));
            return;
        }
        if (p.rhythm().pendingCheckIn().isPresent()) {
            pairs.missCheckIn(p.id(), n).ifPresent(after -> {
                if (after.rhythm().silenced()) {
                    // nobody answers: the coordinators hear it, and the rhythm waits for someone to act
                    flag(after, Pair.Rhythm.UNANSWERED);
                } else {
                    planTick(after, rhythm.cadenceAfter(after, rhythm.now()));
                    flagIfQuiet(after);
                }
            });
            return;
        }
        pairs.openCheckIn(p.id(), n, rhythm.now()).ifPresent(opened -> {
            Instant now = rhythm.now();
            Duration remindAfter = remindAfter(opened, now);
            planFor(opened, ASK, n, "mentee", now);
            planFor(opened, ASK, n, "mentor", now.plus(MENTOR_AFTER));
            planFor(opened, REMIND, n, "mentee", now.plus(remindAfter));
            planFor(opened, REMIND, n, "mentor", now.plus(MENTOR_AFTER).plus(remindAfter));
            planTick(opened, rhythm.cadenceAfter(opened, now));
            flagIfQuiet(opened);
        });
    }

    /** When the pair's planned meeting ends, while it is still ahead. */
    Optional<Instant> plannedEnd(Pair p) {
        return plans.find(p.id()).filter(MeetingPlan::booked).flatMap(MeetingPlan::end)
                .filter(end -> end.isAfter(rhythm.now()));
    }

    /**
     * The pair agreed a time: the check-in question that was open is answered by it (each copy says when), and the
     * next one comes a cadence after the meeting.
     */
    void planned(Pair pair, MeetingPlan plan, String by) {
        Pair p = pairs.find(pair.id()).orElse(pair);
        if (p.status() != PairStatus.ACTIVE) {
            return;
        }
        p.rhythm().pendingCheckIn().ifPresent(n -> {
            if (pairs.checkInAnswered(p.id(), n)) {
                Instant start = plan.start().orElseThrow();
                rhythm.questions.close(key(p, n), t -> t.rich("checkin.outcome.planned", by,
                        t.date(start, rhythm.zone(p.mentee(), p.program()))));
            }
        });
        answeredWhileAtRisk(p);
        replan(p, rhythm.cadenceAfter(p, plan.end().orElseThrow()));
    }

    /**
     * The pair answered (a check-in, or a meeting it scheduled): the coordinators' notice about it at risk says so,
     * and no reminder follows (a quiet pair stays flagged until it logs a meeting).
     */
    void answeredWhileAtRisk(Pair p) {
        if (p.rhythm().atRisk()) {
            pairs.atRiskAnswered(p.id(), rhythm.now());
            rhythm.questions.close(atRiskKey(p), t -> t.rich("checkin.outcome.resolved",
                    t.date(rhythm.now(), ZoneOffset.UTC)));
        }
    }

    /** Half a cadence, between three days and a week: late enough to leave room, early enough to matter. */
    private Duration remindAfter(Pair p, Instant now) {
        Duration half = rhythm.cadence(p).length(now, rhythm.zone(p.mentee(), p.program())).dividedBy(2);
        Duration min = Duration.ofDays(3);
        Duration max = Duration.ofDays(7);
        return half.compareTo(min) < 0 ? min : half.compareTo(max) > 0 ? max : half;
    }

    private void planFor(Pair p, String kind, int n, String role, Instant at) {
        rhythm.plan(kind + "|" + p.id() + "|" + n + "|" + role, kind, p,
                Map.of("pair", p.id(), "n", n, "role", role), at);
    }

    private void ask(DueItem item) {
        question(item, false);
    }

    private void remind(DueItem item) {
        question(item, true);
    }

    /** Asks one side the open question, or reminds them of it once; only while it is open and nudges go on. */
    private void question(DueItem item, boolean reminder) {
        int n = number(item);
        String role = item.payloadString("role");
        Optional<Pair> open = pairs.find(item.payloadString("pair")).filter(this::rhythmGoesOn)
                .filter(p -> !p.rhythm().silenced())
                .filter(p -> p.rhythm().pendingCheckIn().equals(OptionalInt.of(n)));
        if (open.isEmpty()) {
            return;
        }
        Pair p = open.get();
        PersonRef to = role.equals("mentor") ? p.mentor() : p.mentee();
        if (rhythm.pauses.programPaused(p.program())) {
            defer(item, rhythm.now().plus(PAUSED_RETRY));
            return;
        }
        if (pairs.wasAsked(p.id(), n, role, reminder)) {
            // performed again after a crash, or a deferred copy of one that went out: once is enough
            return;
        }
        if (reminder && !pairs.wasAsked(p.id(), n, role, false)) {
            // the question itself is still waiting for a slot: the reminder comes after it, not before
            defer(item, rhythm.now().plus(PAUSED_RETRY));
            return;
        }
        Optional<Instant> later = rhythm.courtesy(p, to);
        if (later.isPresent()) {
            defer(item, later.get());
            return;
        }
        rhythm.send(to, question(p, to, n, reminder));
        pairs.asked(p.id(), n, role, reminder);
    }

    private Message question(Pair p, PersonRef to, int n, boolean reminder) {
        Texts t = rhythm.texts(to);
        Instant since = p.rhythm().lastMetAt().or(() -> p.agreement().flatMap(a -> a.agreedAt()))
                .or(() -> p.rhythm().activeAt()).orElse(p.createdAt());
        String v = p.id() + ":" + n + ":";
        return Message.builder()
                .text(t.rich(reminder ? "checkin.remind" : "checkin.ask", rhythm.name(p.other(to)),
                        rhythm.date(t, since, rhythm.zone(to, p.program()))))
                .buttons(List.of(
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.met"), v + "met", Block.Style.PRIMARY),
                        CommandButtons.keeping(t.get("checkin.schedule"), "schedule " + p.id()),
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.not-yet"), v + "not-yet"),
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.help"), v + "help")))
                .build().asking(key(p, n), t.locale());
    }

    /** The same item, later: a new key per moment, as the current item is being performed. */
    private void defer(DueItem item, Instant at) {
        rhythm.due.schedule(item.key().split("@", 2)[0] + "@" + at, item.kind(), item.platform(), item.tenant(),
                item.payload(), at);
    }

    /** Active, and its closing review not due yet: after it, the close takes over and nothing else is asked. */
    private boolean rhythmGoesOn(Pair p) {
        return p.status() == PairStatus.ACTIVE
                && p.rhythm().endsAt().map(end -> rhythm.now().isBefore(end)).orElse(true);
    }

    /**
     * No meeting logged for two cadences while they answer: the coordinators hear it, the nudges go on. Once its
     * notice was answered, a pair still flagged is flagged again only after two more cadences without a meeting.
     */
    private void flagIfQuiet(Pair p) {
        Instant met = p.rhythm().lastMetAt().or(() -> p.rhythm().activeAt()).orElse(p.createdAt());
        Instant since = p.rhythm().atRisk() ? pairs.atRiskAnsweredAt(p.id()).filter(a -> a.isAfter(met)).orElse(met)
                : met;
        Instant due = rhythm.cadence(p).after(since, rhythm.zone(p.mentee(), p.program()), 2);
        if (due.isBefore(rhythm.now())) {
            flag(p, Pair.Rhythm.QUIET);
        }
    }

    /**
     * Flags the pair at risk once (or with a stronger reason) and has the coordinators told at their next slot, with
     * their buttons; they are reminded weekly after that while it lasts.
     */
    private void flag(Pair p, String reason) {
        if (pairs.flagAtRisk(p.id(), reason, rhythm.now())) {
            // one notice planned per pair at a time: this one takes the place of a weekly reminder
            rhythm.due.cancelWaiting(AT_RISK, "pair", p.id());
            Instant at = rhythm.coordinatorsSlot(rhythm.now());
            rhythm.plan(AT_RISK + "|" + p.id() + "|" + reason + "|" + rhythm.now(), AT_RISK, p,
                    Map.of("pair", p.id(), "reason", reason), at);
        }
    }

    /**
     * The first notice of a pair at risk (its reason said), or a weekly reminder while it stays so; none once a
     * coordinator acted or the pair answered, until it is flagged afresh.
     */
    private void stillAtRisk(DueItem item) {
        Optional<Pair> pair = pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE && p.rhythm().atRisk());
        if (pair.isEmpty()) {
            return;
        }
        Pair p = pair.get();
        String reason = (String) item.payload().get("reason");
        if (reason != null) {
            pairs.toldAtRisk(p.id(), rhythm.now());
            tellCoordinators(p, "checkin.at-risk." + reason);
            planReminder(p, rhythm.now().plus(AT_RISK_EVERY));
        } else if (pairs.claimAtRiskReminder(p.id(), rhythm.now(), AT_RISK_EVERY)) {
            tellCoordinators(p, "checkin.at-risk.still");
            planReminder(p, rhythm.now().plus(AT_RISK_EVERY));
        } else if (pairs.atRiskAnsweredAt(p.id()).isEmpty()) {
            // told less than a week ago: a week after that
            Instant told = pairs.atRiskToldAt(p.id()).orElse(rhythm.now());
            planReminder(p, told.plus(AT_RISK_EVERY));
        }
    }

    private void planReminder(Pair p, Instant after) {
        Instant at = rhythm.coordinatorsSlot(after);
        rhythm.plan(AT_RISK + "|" + p.id() + "|" + at, AT_RISK, p, Map.of("pair", p.id()), at);
    }

    /** A notice with the coordinators' buttons; the one before about the pair, if still open, is superseded. */
    private void tellCoordinators(Pair p, String key) {
        rhythm.questions.close(atRiskKey(p), Questions.Outcome.of("checkin.outcome.superseded"));
        Texts t = rhythm.people.adminTexts(p.scope(), rhythm.adminLocale);
        String program = rhythm.program(p).map(x -> x.name()).orElse("?");
        rhythm.messenger.send(Address.admin(p.scope()), Message.builder()
                .text(t.rich(key, program, rhythm.name(p.mentee()), rhythm.name(p.mentor())))
                .buttons(List.of(
                        new Block.Button(CheckInFlow.NUDGE, t.get("checkin.at-risk.nudge"), p.id()),
                        new Block.Button(CheckInFlow.REACH_OUT, t.get("checkin.at-risk.reach-out"), p.id())))
                .build().asking(atRiskKey(p), t.locale()));
    }

    /** The key of check-in {@code n} of a pair: every copy (both people, the reminders) asks the same. */
    static String key(Pair p, int n) {
        return p.id() + "|checkin|" + n;
    }

    /** The key of the coordinators' notices about a pair at risk. */
    static String atRiskKey(Pair p) {
        return p.id() + "|at-risk";
    }

    private static int number(DueItem item) {
        return ((Number) item.payload().get("n")).intValue();
    }
}

package org.tandem.core.rhythm;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;

/**
 * Check-ins on the pair's cadence: the mentee is asked first (the mentee drives), the mentor two days later if
 * nobody answered. Each check-in has a number and its due items are keyed by it, so it is planned once and a
 * stale one does nothing. Sending check-in n plans n+1 one cadence later, so the rhythm goes on even when nobody
 * answers; an answer re-times n+1. Pairs at risk are flagged once.
 */
final class CheckIns {

    static final String KIND = "rhythm.checkin";
    static final String MENTOR = "rhythm.checkin-mentor";
    static final Duration MENTOR_AFTER = Duration.ofDays(2);

    private final Rhythm rhythm;

    CheckIns(Rhythm rhythm) {
        this.rhythm = rhythm;
    }

    /** The first check-in, one cadence after the agreement. */
    void start(Pair pair) {
        planNext(pair, rhythm.now().plus(rhythm.cadence(pair)));
    }

    /** Plans the check-in after the pair's latest planned one (once, even if two replicas race). */
    private void planNext(Pair pair, Instant at) {
        rhythm.pairs.nextCheckIn(pair.id(), pair.rhythm().checkIn()).ifPresent(p -> rhythm.plan(
                key(p, p.rhythm().checkIn()), KIND, p, Map.of("pair", p.id(), "n", p.rhythm().checkIn()), at));
    }

    /** After an answer: the upcoming check-in moves to {@code at} (or is planned there if there is none). */
    void next(Pair pair, Instant at) {
        Pair p = rhythm.pairs.find(pair.id()).orElse(pair);
        int upcoming = p.rhythm().checkIn();
        if (upcoming == 0 || rhythm.pairs.checkInPending(p.id(), upcoming)) {
            planNext(p, at);
        } else if (!rhythm.due.reschedule(key(p, upcoming), at)) {
            // it was already taken (and deferred): a new item for the same number, sent only if still unsent
            rhythm.plan(key(p, upcoming) + "|" + at, KIND, p, Map.of("pair", p.id(), "n", upcoming), at);
        }
    }

    private static String key(Pair p, int n) {
        return KIND + "|" + p.id() + "|" + n;
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(KIND, this::checkIn), DueHandler.of(MENTOR, this::mentor));
    }

    private void checkIn(DueItem item) {
        int n = ((Number) item.payload().get("n")).intValue();
        Optional<Pair> pair = rhythm.pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE && p.rhythm().checkIn() == n)
                .filter(p -> !rhythm.pairs.checkInPending(p.id(), n));
        if (pair.isEmpty()) {
            return;
        }
        Pair p = pair.get();
        if (rhythm.pauses.programPaused(p.program())) {
            defer(item, p, n, rhythm.now().plus(Duration.ofDays(1)));
            return;
        }
        if (!nudge(p, p.mentee(), n, item)) {
            return;
        }
        Pair sent = rhythm.pairs.checkInSent(p.id(), n).orElse(p);
        rhythm.plan(MENTOR + "|" + p.id() + "|" + n, MENTOR, p, Map.of("pair", p.id(), "n", n),
                rhythm.now().plus(MENTOR_AFTER));
        planNext(sent, rhythm.now().plus(rhythm.cadence(p)));
        atRisk(sent);
    }

    private void mentor(DueItem item) {
        int n = ((Number) item.payload().get("n")).intValue();
        rhythm.pairs.find(item.payloadString("pair"))
                .filter(p -> p.status() == PairStatus.ACTIVE && rhythm.pairs.checkInPending(p.id(), n))
                .ifPresent(p -> nudge(p, p.mentor(), n, item));
    }

    /** Sends the question to one side when courtesy allows; otherwise plans it for later. True when sent. */
    private boolean nudge(Pair p, PersonRef to, int n, DueItem item) {
        Optional<Instant> later = rhythm.courtesy.claim(to, rhythm.zone(to, p.program()),
                rhythm.pauses.personUntil(to), rhythm.now());
        if (later.isPresent()) {
            defer(item, p, n, later.get());
            return false;
        }
        Texts t = rhythm.texts(to);
        Instant since = p.rhythm().lastMetAt().or(() -> p.agreement().flatMap(a -> a.agreedAt()))
                .or(() -> p.rhythm().activeAt()).orElse(p.createdAt());
        String v = p.id() + ":" + n + ":";
        rhythm.send(to, Message.builder()
                .text(t.rich("checkin.ask", rhythm.name(p.other(to)), rhythm.date(t, since, rhythm.zone(to, p.program()))))
                .buttons(List.of(
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.met"), v + "met", Block.Style.PRIMARY),
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.scheduled"), v + "scheduled"),
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.not-yet"), v + "not-yet"),
                        new Block.Button(CheckInFlow.ANSWER, t.get("checkin.help"), v + "help")))
                .build());
        return true;
    }

    /** The same check-in, later: a new key per moment, as the current item is being performed. */
    private void defer(DueItem item, Pair p, int n, Instant at) {
        rhythm.plan(item.kind() + "|" + p.id() + "|" + n + "|" + at, item.kind(), p, Map.of("pair", p.id(), "n", n),
                at);
    }

    /** No meeting for two cadence periods, or two check-ins unanswered: the coordinators hear it once. */
    private void atRisk(Pair p) {
        Period twice = rhythm.cadence(p).multipliedBy(2);
        Instant since = p.rhythm().lastMetAt().or(() -> p.rhythm().activeAt()).orElse(p.createdAt());
        boolean quiet = since.atZone(java.time.ZoneOffset.UTC).plus(twice).toInstant().isBefore(rhythm.now());
        if ((quiet || p.rhythm().unanswered() >= 2) && rhythm.pairs.flagAtRisk(p.id())) {
            Texts t = Texts.of(rhythm.adminLocale);
            String program = rhythm.program(p).map(x -> x.name()).orElse("?");
            rhythm.messenger.sendToAdmin(p.scope().platform(), p.scope().tenant(), Message.builder()
                    .text(t.rich(quiet ? "checkin.at-risk.quiet" : "checkin.at-risk.unanswered", program,
                            rhythm.name(p.mentee()), rhythm.name(p.mentor())))
                    .buttons(List.of(
                            new Block.Button(CheckInFlow.NUDGE, t.get("checkin.at-risk.nudge"), p.id()),
                            new Block.Button(CheckInFlow.REACH_OUT, t.get("checkin.at-risk.reach-out"), p.id())))
                    .build());
        }
    }
}

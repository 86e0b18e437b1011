package org.tandem.core.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.schedule.DueHandler;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.schedule.Moments;
import org.tandem.core.schedule.WorkingWeek;

/**
 * What follows an agreed meeting: a reminder to each of them a few hours before (within their working hours, so a
 * 9:30 meeting is recalled the afternoon before; none when it was agreed at too short notice), and after it "did it
 * take place?", to the mentee first (the mentee drives) and to the mentor a day later if nobody answered. Each is
 * planned for one version of the meeting: a move or a cancellation makes the ones planned before do nothing.
 */
final class FollowUps {

    static final String REMIND = "meetings.remind";
    static final String ASK = "meetings.held";
    /** The reminder comes this long before the meeting, or earlier to fall in working hours. */
    static final Duration BEFORE = Duration.ofHours(3);
    /** "Did it take place?" comes this long after its end, at the next working moment. */
    static final Duration AFTER = Duration.ofMinutes(15);
    static final Duration MENTOR_AFTER = Duration.ofDays(1);
    private static final Duration STEP = Duration.ofMinutes(30);

    private final Scheduling s;
    private final Invitations invitations;

    FollowUps(Scheduling s, Invitations invitations) {
        this.s = s;
        this.invitations = invitations;
    }

    List<DueHandler> handlers() {
        return List.of(DueHandler.of(REMIND, this::remind), DueHandler.of(ASK, this::ask));
    }

    /** Plans the reminders and the question after it, in place of what was planned for an earlier version. */
    void plan(Pair pair, MeetingPlan plan) {
        cancel(pair);
        Instant start = plan.start().orElseThrow();
        WorkingWeek week = s.week(pair.program());
        for (String role : List.of("mentee", "mentor")) {
            PersonRef to = role.equals("mentee") ? pair.mentee() : pair.mentor();
            ZoneId zone = s.zone(to, pair.program());
            reminderAt(week, zone, start, s.now()).ifPresent(at -> schedule(REMIND, pair, plan, role, at));
            Instant after = Moments.forPerson(week, zone, plan.end().orElseThrow().plus(AFTER));
            schedule(ASK, pair, plan, role, role.equals("mentee") ? after : after.plus(MENTOR_AFTER));
        }
    }

    /** Nothing more about the pair's meeting: it was answered, moved, cancelled, or the pair closed. */
    void cancel(Pair pair) {
        s.due.cancelWaiting(REMIND, "pair", pair.id());
        s.due.cancelWaiting(ASK, "pair", pair.id());
    }

    /**
     * {@link #BEFORE} the start, or the last working moment before that; empty when that moment has passed (the
     * meeting was agreed at short notice: they know).
     */
    static Optional<Instant> reminderAt(WorkingWeek week, ZoneId zone, Instant start, Instant now) {
        Instant at = start.minus(BEFORE);
        for (int i = 0; i < 7 * 48 && !week.working(zone, at); i++) {
            at = at.minus(STEP);
        }
        return week.working(zone, at) && at.isAfter(now) ? Optional.of(at) : Optional.empty();
    }

    private void schedule(String kind, Pair pair, MeetingPlan plan, String role, Instant at) {
        s.due.schedule(kind + "|" + pair.id() + "|" + plan.uid() + "|" + plan.sequence() + "|" + role, kind,
                pair.scope().platform(), pair.scope().tenant(), Map.of("pair", pair.id(), "uid", plan.uid(),
                        "sequence", plan.sequence(), "role", role), at);
    }

    /** The meeting this item was planned for, still standing as it was. */
    private Optional<Context> still(DueItem item) {
        int sequence = ((Number) item.payload().get("sequence")).intValue();
        Optional<Pair> pair = s.pair(item.payloadString("pair"));
        Optional<MeetingPlan> plan = pair.flatMap(p -> s.plans.find(p.id())).filter(MeetingPlan::booked)
                .filter(p -> p.uid().equals(item.payloadString("uid")) && p.sequence() == sequence);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        PersonRef to = item.payloadString("role").equals("mentor") ? pair.get().mentor() : pair.get().mentee();
        return Optional.of(new Context(pair.get(), plan.get(), to));
    }

    private record Context(Pair pair, MeetingPlan plan, PersonRef to) {}

    private void remind(DueItem item) {
        still(item).filter(c -> c.plan().start().get().isAfter(s.now())).ifPresent(c -> {
            Texts t = s.texts(c.to());
            s.send(c.to(), MeetingMessages.reminder(t, c.plan(), invitations.clocks(c.pair(), c.to())));
        });
    }

    /** Asked while nobody said yet: once the mentee answers, the mentor's question finds the meeting settled. */
    private void ask(DueItem item) {
        still(item).filter(c -> !c.plan().end().get().isAfter(s.now())).ifPresent(c -> {
            Texts t = s.texts(c.to());
            s.send(c.to(), MeetingMessages.held(t, c.plan(), invitations.clocks(c.pair(), c.to())));
        });
    }
}

package org.tandem.core.meetings;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.FirstMeetingPlanned;
import org.tandem.core.pairs.MeetingHeld;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairAccess;
import org.tandem.core.pairs.PairStatus;

/**
 * The answers about a meeting: the other one picks a time (or says none works), either calls it off, and after it
 * either says whether it took place. Each answer is one guarded change of the pair's meeting, so a double click or a
 * button left from an older version changes nothing and says so.
 */
final class MeetingFlow implements Flow {

    static final String ID = "meeting";
    static final String ANSWER = ID + ".answer";
    static final String CANCEL = ID + ".cancel";
    static final String HELD = ID + ".held";
    /** Unless one of them says it took place, "did it click?" comes this long after the first conversation. */
    static final Duration FIRST_CLICK_AFTER = Duration.ofDays(2);

    private final Scheduling s;
    private final Invitations invitations;
    private final Calendars calendars;
    private final FollowUps followUps;

    MeetingFlow(Scheduling s, Invitations invitations, Calendars calendars, FollowUps followUps) {
        this.s = s;
        this.invitations = invitations;
        this.calendars = calendars;
        this.followUps = followUps;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(ANSWER, PairAccess.members(s.pairs), this::answer)
                .click(CANCEL, PairAccess.members(s.pairs), this::cancel)
                .click(HELD, PairAccess.members(s.pairs), this::held);
    }

    /** {@code pair:version:index}, or {@code pair:version:none}. */
    private void answer(Turn turn, Input.Click click) {
        String[] v = click.value().split(":");
        Optional<Pair> pair = v.length == 3 && v[1].matches("\\d{1,9}") ? s.pair(v[0]) : Optional.empty();
        if (pair.isEmpty()) {
            turn.reply("schedule.gone");
            return;
        }
        Pair p = pair.get();
        int version = Integer.parseInt(v[1]);
        if (v[2].equals("none")) {
            s.plans.decline(p.id(), version, turn.who(), turn.now()).ifPresentOrElse(
                    plan -> declined(turn, p, plan), () -> stale(turn, p));
            return;
        }
        Optional<MeetingPlan> agreed = v[2].matches("\\d") ? s.plans.agree(p.id(), version,
                Integer.parseInt(v[2]), turn.who(), turn.now()) : Optional.empty();
        if (agreed.isEmpty()) {
            if (passed(p, version, v[2], turn)) {
                turn.reply(Message.builder().text(turn.t().rich("schedule.passed"))
                        .buttons(List.of(CommandButtons.primary(turn.t().get("schedule.button.other"),
                                ScheduleFlow.line(p.id())))).build());
            } else {
                stale(turn, p);
            }
            return;
        }
        MeetingPlan plan = agreed.get();
        boolean moved = plan.sequence() > 0;
        String who = turn.person().displayName();
        MeetingMessages.Clocks mine = invitations.clocks(p, turn.who());
        turn.answered(MeetingMessages.proposals(p.id()) + version, t -> t.rich("schedule.outcome.chose", who, t.slot(plan.start().get(), mine.mine())));
        if (moved) {
            // the message of the meeting as it was shows where it went
            s.questions.closeAll(p.id() + "|meeting|", t -> t.rich("schedule.outcome.moved",
                    t.slot(plan.start().get(), mine.mine())));
        }
        Optional<OnlineCalendar.Event> event = calendars.book(p, plan,
                invitations.subject(s.texts(plan.proposedBy()), p), invitations.agenda(s.texts(plan.proposedBy()), p));
        invitations.booked(turn, p, plan, moved, event);
        followUps.plan(p, plan);
        s.events.publish(new MeetingAgreed(p, plan));
        if (p.status() == PairStatus.INTRODUCED) {
            // "did it click?" after their first conversation, not before it
            s.events.publish(new FirstMeetingPlanned(p, plan.end().get().plus(FIRST_CLICK_AFTER)));
        }
    }

    private void declined(Turn turn, Pair p, MeetingPlan plan) {
        String who = turn.person().displayName();
        turn.answered(MeetingMessages.proposals(p.id()) + (plan.version() - 1),
                Questions.Outcome.of("schedule.outcome.none", who));
        PersonRef proposer = plan.proposedBy();
        Texts t = s.texts(proposer);
        String again = ScheduleFlow.line(p.id());
        // new times for a booked meeting leave it as it was: the proposer hears when it stays
        Rich said = plan.booked() ? t.rich("schedule.declined.kept", who,
                invitations.clocks(p, proposer).at(t, plan.start().get())) : t.rich("schedule.declined", who);
        s.send(proposer, Message.builder().text(said)
                .buttons(List.of(CommandButtons.button(t.get("schedule.button.other"), again))).build());
        turn.reply(Message.builder().text(turn.t().rich("schedule.declined.told", s.name(proposer)))
                .buttons(List.of(CommandButtons.primary(turn.t().get("schedule.button.yours"), again))).build());
    }

    /** Whether the time picked is of the open proposal, and already past (the proposal waited too long). */
    private boolean passed(Pair p, int version, String index, Turn turn) {
        int i = Integer.parseInt(index);
        return s.plans.find(p.id()).filter(x -> x.status() == MeetingPlan.Status.PROPOSED && x.version() == version)
                .filter(x -> i < x.slots().size()).map(x -> x.slots().get(i))
                .filter(at -> !at.isAfter(turn.now())).isPresent();
    }

    /** The proposal was answered, replaced or called off: what stands now. */
    private void stale(Turn turn, Pair p) {
        Optional<MeetingPlan> now = s.plans.find(p.id()).filter(MeetingPlan::booked);
        if (now.isPresent()) {
            turn.reply("schedule.stale.booked", invitations.clocks(p, turn.who()).at(turn.t(), now.get().start().get()));
        } else {
            turn.reply("schedule.stale");
        }
    }

    /** {@code pair:sequence:uid}: only the version of the meeting the button was sent with. */
    private void cancel(Turn turn, Input.Click click) {
        String[] v = click.value().split(":", 3);
        Optional<Pair> pair = v.length == 3 && v[1].matches("\\d{1,9}") ? s.pair(v[0]) : Optional.empty();
        Optional<MeetingPlan> cancelled = pair.flatMap(p -> s.plans.cancel(p.id(), v[2], Integer.parseInt(v[1]),
                turn.who(), turn.now()));
        if (cancelled.isEmpty()) {
            turn.reply("schedule.cancel.stale");
            return;
        }
        Pair p = pair.get();
        MeetingPlan plan = cancelled.get();
        String who = turn.person().displayName();
        s.questions.closeAll(p.id() + "|meeting|", Questions.Outcome.of("schedule.outcome.cancelled", who));
        s.questions.closeAll(MeetingMessages.proposals(p.id()), Questions.Outcome.of("schedule.outcome.cancelled", who));
        invitations.cancelled(turn, p, plan, calendars.cancel(p, plan));
        followUps.cancel(p);
    }

    /** {@code pair:sequence:uid:yes|no}: the first answer counts; yes logs the meeting on its day. */
    private void held(Turn turn, Input.Click click) {
        String[] v = click.value().split(":");
        Optional<Pair> pair = v.length == 4 && v[1].matches("\\d{1,9}") ? s.pair(v[0]) : Optional.empty();
        boolean yes = v.length == 4 && v[3].equals("yes");
        Optional<MeetingPlan> said = pair.flatMap(p -> s.plans.happened(p.id(), v[2], Integer.parseInt(v[1]), yes,
                turn.now()));
        if (said.isEmpty()) {
            turn.reply("schedule.held.answered");
            return;
        }
        Pair p = pair.get();
        MeetingPlan plan = said.get();
        String who = turn.person().displayName();
        turn.answered(MeetingMessages.heldKey(plan), Questions.Outcome.of(yes ? "schedule.outcome.held"
                : "schedule.outcome.missed", who));
        s.questions.closeAll(p.id() + "|meeting|", Questions.Outcome.of(yes ? "schedule.outcome.held"
                : "schedule.outcome.missed", who));
        followUps.cancel(p);
        if (yes) {
            LocalDate day = LocalDate.ofInstant(plan.start().get(), s.zone(turn.who(), p.program()));
            turn.reply("schedule.held.thanks");
            s.events.publish(new MeetingHeld(p, day, turn.who()));
        } else {
            turn.reply(Message.builder().text(turn.t().rich("schedule.held.missed", s.name(p.other(turn.who()))))
                    .buttons(List.of(CommandButtons.primary(turn.t().get("schedule.button.new"),
                            ScheduleFlow.line(p.id())))).build());
        }
    }
}

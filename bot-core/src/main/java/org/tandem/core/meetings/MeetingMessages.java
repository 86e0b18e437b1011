package org.tandem.core.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;

/**
 * What scheduling says: times in the reader's own zone, with the other person's time beside each one when their
 * clocks differ, so that nobody converts a time zone in their head.
 */
final class MeetingMessages {

    private MeetingMessages() {
    }

    /** How one reader sees a time: their zone, and the other one's (named) when it differs. */
    record Clocks(ZoneId mine, ZoneId theirs, String theirName) {

        /** "Tue, Dec 8, 10:00 AM", or "Tue, Dec 8, 10:00 AM (Kenji: 6:00 PM)". */
        String at(Texts t, Instant at) {
            String mineText = t.slot(at, mine);
            return differ(at) ? t.get("schedule.slot.both", mineText, theirName, other(t, at)) : mineText;
        }

        private String other(Texts t, Instant at) {
            boolean sameDay = at.atZone(mine).toLocalDate().equals(at.atZone(theirs).toLocalDate());
            return sameDay ? t.time(at, theirs) : t.slot(at, theirs);
        }

        private boolean differ(Instant at) {
            return !mine.getRules().getOffset(at).equals(theirs.getRules().getOffset(at));
        }
    }

    /** To the one scheduling: the times found, to send as they are or to replace with one of their own. */
    static Message offer(Texts t, String pair, List<Instant> slots, Duration length, Clocks clocks,
                         Optional<Instant> standing) {
        Message.Builder m = Message.builder();
        if (standing.isPresent()) {
            m.context(t.rich("schedule.offer.standing", clocks.at(t, standing.get()), clocks.theirName()));
        }
        List<Rich> lines = new ArrayList<>();
        slots.forEach(s -> lines.add(t.rich("schedule.offer.line", clocks.at(t, s))));
        StringBuilder value = new StringBuilder(pair).append(':').append(length.toMinutes()).append(':');
        for (int i = 0; i < slots.size(); i++) {
            value.append(i == 0 ? "" : ",").append(slots.get(i).getEpochSecond() / 60);
        }
        return m.text(t.rich("schedule.offer", clocks.theirName(), length.toMinutes(), clocks.mine().getId()))
                .text(Rich.join("\n", lines))
                .buttons(List.of(
                        new Block.Button(ScheduleFlow.PROPOSE, t.get("schedule.button.send", clocks.theirName()),
                                value.toString(), Block.Style.PRIMARY),
                        new Block.Button(ScheduleFlow.PICK, t.get("schedule.button.pick"), pair)))
                .build();
    }

    /** No time fits both working weeks: they choose one themselves. */
    static Message noOverlap(Texts t, String pair, String other) {
        return Message.builder().text(t.rich("schedule.no-overlap", other))
                .buttons(List.of(new Block.Button(ScheduleFlow.PICK, t.get("schedule.button.pick"), pair,
                        Block.Style.PRIMARY)))
                .build();
    }

    /** To the other one: pick a time with one click, say none works, or propose others. */
    static Message proposal(Texts t, MeetingPlan plan, String proposer, Clocks clocks) {
        Message.Builder m = Message.builder()
                .text(t.rich(plan.slots().size() == 1 ? "schedule.proposal.one" : "schedule.proposal", proposer,
                        plan.length().toMinutes(), clocks.mine().getId()));
        if (plan.reschedule()) {
            m.context(t.rich("schedule.proposal.moving", clocks.at(t, plan.start().orElseThrow())));
        }
        List<Block.Button> buttons = new ArrayList<>();
        String v = plan.pair() + ":" + plan.version() + ":";
        for (int i = 0; i < plan.slots().size(); i++) {
            buttons.add(new Block.Button(MeetingFlow.ANSWER, clocks.at(t, plan.slots().get(i)), v + i));
        }
        buttons.add(new Block.Button(MeetingFlow.ANSWER, t.get(plan.slots().size() == 1 ? "schedule.button.not-this"
                : "schedule.button.none"), v + "none"));
        buttons.add(CommandButtons.button(t.get("schedule.button.other"), ScheduleFlow.line(plan.pair())));
        return m.buttons(buttons).build().asking(proposalKey(plan), t.locale());
    }

    /** The meeting as agreed (or moved): when, for how long, the online link if any, and what can change it. */
    static Message booked(Texts t, MeetingPlan plan, Clocks clocks, boolean moved,
                          Optional<OnlineCalendar.Event> event) {
        Instant start = plan.start().orElseThrow();
        Message.Builder m = Message.builder().text(t.rich(moved ? "schedule.moved" : "schedule.agreed",
                clocks.theirName(), clocks.at(t, start), plan.length().toMinutes()));
        if (event.isEmpty()) {
            m.context(t.rich("schedule.agreed.invite"));
        } else {
            m.context(event.get().joinUrl().map(url -> t.rich("schedule.agreed.online", url))
                    .orElseGet(() -> t.rich("schedule.agreed.calendar")));
        }
        return m.buttons(List.of(
                        CommandButtons.keeping(t.get("schedule.button.reschedule"), ScheduleFlow.line(plan.pair())),
                        new Block.Button(MeetingFlow.CANCEL, t.get("schedule.button.cancel"),
                                plan.pair() + ":" + plan.sequence() + ":" + plan.uid(), Block.Style.DANGER)))
                .build().asking(bookedKey(plan), t.locale());
    }

    /** The meeting is called off; the attached update takes it out of the calendar. */
    static Message cancelled(Texts t, MeetingPlan plan, Clocks clocks, String by, boolean inCalendar) {
        return Message.builder().text(t.rich(inCalendar ? "schedule.cancelled.calendar" : "schedule.cancelled",
                        clocks.theirName(),
                        clocks.at(t, plan.start().orElseThrow()), by))
                .buttons(List.of(CommandButtons.button(t.get("schedule.button.new"), ScheduleFlow.line(plan.pair()))))
                .build();
    }

    /** After the slot: did it take place? */
    static Message held(Texts t, MeetingPlan plan, Clocks clocks) {
        String v = plan.pair() + ":" + plan.sequence() + ":" + plan.uid() + ":";
        return Message.builder().text(t.rich("schedule.held.ask", clocks.theirName(),
                        clocks.at(t, plan.start().orElseThrow())))
                .buttons(List.of(new Block.Button(MeetingFlow.HELD, t.get("schedule.held.yes"), v + "yes",
                                Block.Style.PRIMARY),
                        new Block.Button(MeetingFlow.HELD, t.get("schedule.held.no"), v + "no")))
                .build().asking(heldKey(plan), t.locale());
    }

    /** A few hours before. */
    static Message reminder(Texts t, MeetingPlan plan, Clocks clocks) {
        return Message.builder().text(t.rich("schedule.reminder", clocks.theirName(),
                clocks.at(t, plan.start().orElseThrow()), plan.length().toMinutes()))
                .buttons(List.of(CommandButtons.keeping(t.get("schedule.button.reschedule"), ScheduleFlow.line(plan.pair()))))
                .build();
    }

    /** The key of a proposal's question: a newer proposal replaces it. */
    static String proposalKey(MeetingPlan plan) {
        return proposals(plan.pair()) + plan.version();
    }

    static String proposals(String pair) {
        return pair + "|meeting-proposal|";
    }

    /** The key of the agreed meeting's message, per version of the invite: a reschedule or a cancel closes it. */
    static String bookedKey(MeetingPlan plan) {
        return plan.pair() + "|meeting|" + plan.uid() + "|" + plan.sequence();
    }

    static String heldKey(MeetingPlan plan) {
        return plan.pair() + "|meeting-held|" + plan.uid() + "|" + plan.sequence();
    }

    /** The key of the times offered to the one scheduling. */
    static String offerKey(String pair, String person) {
        return pair + "|meeting-offer|" + person;
    }
}

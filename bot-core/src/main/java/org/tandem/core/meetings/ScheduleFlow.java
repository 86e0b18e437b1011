package org.tandem.core.meetings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairAccess;

/**
 * {@code schedule} (a button after the introduction, on a check-in, after a meeting): Tandem finds times inside both
 * people's working weeks (and outside their busy times, when their calendars are known), the one scheduling sends
 * them as they are or picks a date and time of their own, and the other answers with one click.
 */
final class ScheduleFlow implements Flow {

    static final String ID = "schedule";
    static final String PROPOSE = ID + ".propose";
    static final String PICK = ID + ".pick";
    static final String FORM = ID + ".form";
    /** A meeting lasts this long unless the one scheduling picks another length. */
    static final Duration LENGTH = Duration.ofMinutes(45);
    static final List<Integer> LENGTHS = List.of(30, 45, 60, 90);
    static final int SLOTS = 4;
    /** A time picked by hand is at least this far ahead, and at most {@link #LATEST}. */
    static final Duration SOONEST = Duration.ofHours(1);
    static final Duration LATEST = Duration.ofDays(120);

    /** The command line a button runs to schedule this pair's meeting (the pair's id picks it among theirs). */
    static String line(String pair) {
        return "schedule " + pair;
    }

    /** The one step that waits: a date and time being picked. */
    enum Step { PICK }

    private final Scheduling s;
    private final Calendars calendars;

    ScheduleFlow(Scheduling s, Calendars calendars) {
        this.s = s;
        this.calendars = calendars;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        // everywhere: its button also sits on the introduction, in the pair's group
        return List.of(new CommandSpec("schedule", CommandSpec.Audience.EVERYONE, "help.usage.schedule",
                "help.about.schedule"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(PROPOSE, PairAccess.members(s.pairs), this::propose)
                .click(PICK, PairAccess.members(s.pairs), this::pick)
                .submit(FORM, Access.SELF, Set.of("date", "time", "minutes"),
                        this::picked);
    }

    /** {@code schedule}, {@code schedule Oscar} or the pair's id (from a button): which pair, then the times. */
    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Pair> mine = s.pairs.of(turn.who(), Scheduling.SCHEDULING);
        String typed = command.rest().strip().toLowerCase(Locale.ROOT);
        List<Pair> chosen = typed.isEmpty() ? mine : mine.stream().filter(p -> p.id().equals(typed)
                || s.name(p.other(turn.who())).toLowerCase(Locale.ROOT).contains(typed)).toList();
        if (mine.isEmpty()) {
            turn.reply("schedule.none");
        } else if (chosen.size() == 1) {
            offer(turn, chosen.get(0));
        } else {
            List<Pair> among = chosen.isEmpty() ? mine : chosen;
            turn.reply(Message.builder().text(turn.t().rich(chosen.isEmpty() ? "schedule.unknown" : "schedule.which",
                            command.rest().strip()))
                    .buttons(among.stream().map(p -> CommandButtons.button(s.name(p.other(turn.who())),
                            line(p.id()))).toList())
                    .build());
        }
    }

    private void offer(Turn turn, Pair pair) {
        Texts t = turn.t();
        MeetingMessages.Clocks clocks = clocks(pair, turn);
        List<Instant> slots = calendars.free(pair, s.week(pair.program()), clocks.mine(), clocks.theirs(),
                turn.now(), LENGTH, SLOTS);
        Optional<Instant> standing = s.plans.find(pair.id()).filter(MeetingPlan::booked)
                .filter(p -> p.start().get().isAfter(turn.now())).flatMap(MeetingPlan::start);
        Message m = slots.isEmpty() ? MeetingMessages.noOverlap(t, pair.id(), clocks.theirName())
                : MeetingMessages.offer(t, pair.id(), slots, LENGTH, clocks, standing);
        String key = MeetingMessages.offerKey(pair.id(), turn.who().key());
        turn.answered(key, Questions.Outcome.of("schedule.outcome.again"));
        if (turn.place() instanceof Place.Direct) {
            turn.reply(m.asking(key, t.locale()));
        } else {
            // asked in the pair's group: the times, worded for one of them, go to their own conversation
            s.send(turn.who(), m.asking(key, t.locale()));
            turn.whisper(Message.text(t.rich("schedule.offer.in-dm", clocks.theirName())));
        }
    }

    /** The times offered, as they were offered (the value carries them: a later offer may differ). */
    private void propose(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":");
        Optional<Pair> pair = parts.length == 3 ? s.pair(parts[0]) : Optional.empty();
        if (pair.isEmpty()) {
            turn.reply("schedule.gone");
            return;
        }
        List<Instant> slots = new ArrayList<>();
        try {
            for (String minute : parts[2].split(",")) {
                slots.add(Instant.ofEpochSecond(Long.parseLong(minute) * 60));
            }
            int minutes = Integer.parseInt(parts[1]);
            if (!LENGTHS.contains(minutes) || slots.isEmpty() || slots.size() > 5
                    || slots.stream().anyMatch(x -> x.isBefore(turn.now().plus(SOONEST)))) {
                // an offer left too long: the times it holds are gone by now
                turn.reply("schedule.offer.stale");
                offer(turn, pair.get());
                return;
            }
            send(turn, pair.get(), slots, Duration.ofMinutes(minutes));
        } catch (NumberFormatException e) {
            turn.reply("schedule.gone");
        }
    }

    private void pick(Turn turn, Input.Click click) {
        Optional<Pair> pair = s.pair(click.value());
        if (pair.isEmpty()) {
            turn.reply("schedule.gone");
            return;
        }
        turn.save(ConversationState.start(ID, Step.PICK).with("pair", pair.get().id()));
        ZoneId zone = s.zone(turn.who(), pair.get().program());
        turn.reply(Message.of(form(turn.t(), Map.of("date", List.of(LocalDate.ofInstant(turn.now(), zone)
                .plusDays(1).toString()), "minutes", List.of(Long.toString(LENGTH.toMinutes()))), Map.of(), zone)));
    }

    private void picked(Turn turn, Input.Submit submit) {
        Optional<Pair> pair = turn.state().filter(st -> st.in(ID, Step.PICK)).flatMap(st -> s.pair(st.string("pair")));
        if (pair.isEmpty()) {
            turn.reply("schedule.gone");
            return;
        }
        ZoneId zone = s.zone(turn.who(), pair.get().program());
        FormCheck check = new FormCheck(submit, turn.t());
        String date = check.text("date", true, 10);
        String time = check.text("time", true, 5);
        String minutes = check.choice("minutes", true, LENGTHS.stream().map(String::valueOf).toList());
        Instant at = null;
        if (check.ok()) {
            try {
                at = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time)).atZone(zone).toInstant();
                if (at.isBefore(turn.now().plus(SOONEST))) {
                    check.error("time", "schedule.form.soon");
                } else if (at.isAfter(turn.now().plus(LATEST))) {
                    check.error("date", "schedule.form.far", LATEST.toDays());
                }
            } catch (DateTimeException e) {
                check.error(date.matches("\\d{4}-\\d{2}-\\d{2}") ? "time" : "date", "schedule.form.invalid");
            }
        }
        if (!check.ok()) {
            turn.reply(Message.of(form(turn.t(), check.submitted(), check.errors(), zone)));
            return;
        }
        turn.clearState();
        send(turn, pair.get(), List.of(at), Duration.ofMinutes(Integer.parseInt(minutes)));
    }

    /** The proposal goes to the other one; a proposal they had not answered yet is replaced by it. */
    private void send(Turn turn, Pair pair, List<Instant> slots, Duration length) {
        MeetingPlan plan = s.plans.propose(s.parties(pair), turn.who(), slots, length, turn.now());
        String me = turn.person().displayName();
        s.questions.closeAll(MeetingMessages.proposals(pair.id()), Questions.Outcome.of("schedule.outcome.replaced"));
        PersonRef other = pair.other(turn.who());
        Texts theirs = s.texts(other);
        s.send(other, MeetingMessages.proposal(theirs, plan, me, new MeetingMessages.Clocks(
                s.zone(other, pair.program()), s.zone(turn.who(), pair.program()), me)));
        MeetingMessages.Clocks clocks = clocks(pair, turn);
        String times = String.join(" · ", slots.stream().map(x -> clocks.at(turn.t(), x)).toList());
        turn.answered(MeetingMessages.offerKey(pair.id(), turn.who().key()),
                t -> t.rich("schedule.outcome.sent", clocks.theirName(), times));
        turn.reply("schedule.sent", clocks.theirName(), slots.size());
    }

    private MeetingMessages.Clocks clocks(Pair pair, Turn turn) {
        PersonRef other = pair.other(turn.who());
        return new MeetingMessages.Clocks(s.zone(turn.who(), pair.program()), s.zone(other, pair.program()),
                s.name(other));
    }

    private static Block.Form form(Texts t, Map<String, List<String>> values, Map<String, String> errors,
                                   ZoneId zone) {
        List<Block.Option> lengths = LENGTHS.stream().map(m -> new Block.Option(Integer.toString(m),
                t.get("schedule.form.minutes.option", m))).toList();
        return new FormBuilder(FORM, t.get("schedule.form.title", zone.getId()), t, values, errors)
                .date("date", "schedule.form.date", true, null)
                .time("time", "schedule.form.time", true, null)
                .select("minutes", "schedule.form.minutes", true, lengths, null)
                .build("schedule.form.send");
    }
}

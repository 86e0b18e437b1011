package org.tandem.core.admin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.pairs.Shortlist;
import org.tandem.core.pairs.Shortlists;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;
import org.tandem.core.rounds.Waiting;

/**
 * Who needs the coordinators: {@code pending [programme]} (proposals to approve, requests a mentor has not
 * answered, mentees without a mentor and why) and {@code at-risk [programme]} (the pairs the rhythm flags).
 */
public final class PendingFlow implements Flow {

    private final Programs programs;
    private final Pairs pairs;
    private final Shortlists shortlists;
    private final Waiting waiting;
    private final People people;
    private final RhythmFigures rhythm;
    private final ZoneId zone;

    public PendingFlow(Programs programs, Pairs pairs, Shortlists shortlists, Waiting waiting, People people,
                       RhythmFigures rhythm, ZoneId zone) {
        this.programs = programs;
        this.pairs = pairs;
        this.shortlists = shortlists;
        this.waiting = waiting;
        this.people = people;
        this.rhythm = rhythm;
        this.zone = zone;
    }

    @Override
    public String id() {
        return "pending";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                new CommandSpec("pending", Audience.COORDINATOR, "help.usage.pending", "help.about.pending"),
                new CommandSpec("at-risk", Audience.COORDINATOR, "help.usage.at-risk", "help.about.at-risk"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Program> chosen = chosen(turn, command.rest(), command.name());
        if (chosen.isEmpty()) {
            return;
        }
        Message.Builder m = Message.builder();
        for (Program p : chosen) {
            if (command.name().equals("pending")) {
                pending(turn, p, m);
            } else {
                atRisk(turn, p, m);
            }
        }
        if (command.name().equals("at-risk") && !rhythm.measures()) {
            m.context(turn.t().rich("at-risk.later"));
        }
        turn.reply(m.build());
    }

    private void pending(Turn turn, Program p, Message.Builder m) {
        Texts t = turn.t();
        List<Pair> waitingPairs = pairs.inProgram(p.id(), EnumSet.of(PairStatus.PROPOSED, PairStatus.REQUESTED));
        List<Unmatched> without = waiting.of(p, turn.now());
        // one query each for the shortlists and the names of everyone listed, not one per line
        Map<String, Shortlist> lists = shortlists.inProgram(p.id());
        List<PersonRef> named = new ArrayList<>();
        waitingPairs.forEach(x -> named.addAll(List.of(x.mentee(), x.mentor())));
        without.forEach(u -> named.add(PersonRef.fromKey(u.mentee())));
        Map<PersonRef, String> names = people.names(named);
        List<Rich> proposals = new ArrayList<>();
        List<Rich> requests = new ArrayList<>();
        for (Pair pair : waitingPairs) {
            if (pair.status() == PairStatus.PROPOSED) {
                proposals.add(t.rich("pending.proposal", names.get(pair.mentee()), names.get(pair.mentor()),
                        Dates.day(t, zone, pair.createdAt())));
            } else {
                requests.add(t.rich("pending.request", names.get(pair.mentor()), names.get(pair.mentee()),
                        Dates.day(t, zone, pair.respondBy().orElse(pair.createdAt()))));
            }
        }
        List<Rich> unmatched = new ArrayList<>();
        for (Unmatched u : without) {
            PersonRef mentee = PersonRef.fromKey(u.mentee());
            Shortlist list = lists.get(u.mentee());
            boolean choosing = list != null && !list.remaining().isEmpty();
            String why = choosing ? t.get("pending.choosing") : u.text(t);
            unmatched.add(t.rich("pending.mentee", names.get(mentee), why));
        }
        m.text(t.rich("pending.title", p.name()));
        if (proposals.isEmpty() && requests.isEmpty() && unmatched.isEmpty()) {
            m.context(t.rich("pending.nobody"));
            return;
        }
        section(m, t, "pending.proposals", proposals);
        section(m, t, "pending.requests", requests);
        section(m, t, "pending.mentees", unmatched);
    }

    private void atRisk(Turn turn, Program p, Message.Builder m) {
        Texts t = turn.t();
        List<Pair> flagged = new ArrayList<>();
        List<RhythmFigures.AtRisk> why = new ArrayList<>();
        for (RhythmFigures.AtRisk r : rhythm.atRisk(p.id(), turn.now())) {
            Optional<Pair> pair = pairs.find(r.pairId());
            if (pair.isPresent()) {
                flagged.add(pair.get());
                why.add(r);
            }
        }
        List<PersonRef> named = new ArrayList<>();
        flagged.forEach(x -> named.addAll(List.of(x.mentee(), x.mentor())));
        Map<PersonRef, String> names = people.names(named);
        List<Rich> lines = new ArrayList<>();
        for (int i = 0; i < flagged.size(); i++) {
            Pair pair = flagged.get(i);
            RhythmFigures.AtRisk r = why.get(i);
            String reason = t.has(r.reasonKey()) ? t.get(r.reasonKey()) : r.reasonKey();
            lines.add(t.rich("at-risk.line", names.get(pair.mentee()), names.get(pair.mentor()),
                    StatusFlow.stage(t, pair.status()), reason,
                    r.since().map(s -> Dates.day(t, zone, s)).orElse("—")));
        }
        m.text(t.rich("at-risk.title", p.name(), lines.size()));
        if (lines.isEmpty()) {
            m.context(t.rich("at-risk.none"));
        } else {
            m.text(Rich.join("\n", lines));
        }
    }

    private static void section(Message.Builder m, Texts t, String key, List<Rich> lines) {
        if (!lines.isEmpty()) {
            m.text(t.rich(key, lines.size()).append(Rich.markup("\n")).append(Rich.join("\n", lines)));
        }
    }

    /** The named programme, or every one that is not closed. */
    private List<Program> chosen(Turn turn, String typed, String again) {
        if (!typed.isEmpty()) {
            return ProgramNames.resolve(turn, programs, typed, again).map(List::of).orElse(List.of());
        }
        List<Program> live = programs.all(turn.who().scope()).stream()
                .filter(p -> p.state() != ProgramState.CLOSED).toList();
        if (live.isEmpty()) {
            turn.reply("admin.no-live-programme");
        }
        return live;
    }
}

package org.tandem.core.admin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;

/**
 * {@code pairs NAME}: every pair of a programme, one line each — the two names, the stage, the last meeting (or
 * none yet), and a mark on those at risk; open pairs first, those at risk at the top, then the completed and ended
 * ones. A page at a time, with a button for the next. Stages and dates only, never what anyone wrote.
 */
public final class ProgrammePairsFlow implements Flow {

    static final String ID = "pairs";
    static final String MORE = ID + ".more";
    static final int PAGE = 20;
    /** The pairs listed: those under way and those that ran their course; requests that led nowhere are counted. */
    private static final Set<PairStatus> LISTED = EnumSet.of(PairStatus.PROPOSED, PairStatus.REQUESTED,
            PairStatus.ACCEPTED, PairStatus.INTRODUCED, PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.ENDED);

    private final Programs programs;
    private final Pairs pairs;
    private final People people;
    private final ZoneId zone;

    public ProgrammePairsFlow(Programs programs, Pairs pairs, People people, ZoneId zone) {
        this.programs = programs;
        this.pairs = pairs;
        this.people = people;
        this.zone = zone;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("pairs", Audience.COORDINATOR, "help.usage.pairs", "help.about.pairs"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(MORE, Access.COORDINATORS, this::more);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        ProgramNames.resolve(turn, programs, command.rest(), "pairs").ifPresent(p -> show(turn, p, 0));
    }

    private void more(Turn turn, Input.Click click) {
        String[] parts = click.value().split("\\|", 2);
        Optional<Program> program = parts.length == 2 && parts[1].matches("\\d{1,6}")
                ? programs.find(parts[0]).filter(p -> p.scope().equals(turn.who().scope())) : Optional.empty();
        if (program.isEmpty()) {
            turn.reply("error.stale-action");
            return;
        }
        turn.chosen(click);
        show(turn, program.get(), Integer.parseInt(parts[1]));
    }

    private void show(Turn turn, Program program, int from) {
        Texts t = turn.t();
        List<Pair> all = pairs.inProgram(program.id(), EnumSet.allOf(PairStatus.class));
        // a name read once per person, however often the sort asks
        Map<PersonRef, String> names = new HashMap<>();
        Function<PersonRef, String> name = who -> names.computeIfAbsent(who, people::name);
        List<Pair> listed = all.stream().filter(p -> LISTED.contains(p.status())).sorted(order(name)).toList();
        Message.Builder m = Message.builder().text(t.rich("pairs.title", program.name(), listed.size()));
        if (listed.isEmpty()) {
            m.context(t.rich("pairs.none"));
        }
        int to = Math.min(listed.size(), from + PAGE);
        List<Rich> lines = new ArrayList<>();
        for (Pair p : listed.subList(Math.min(from, to), to)) {
            lines.add(line(t, p, name));
        }
        if (!lines.isEmpty()) {
            m.text(Rich.join("\n", lines));
        }
        long others = all.size() - listed.size();
        if (others > 0) {
            m.context(t.rich("pairs.others", others));
        }
        if (to < listed.size()) {
            m.context(t.rich("pairs.page", from + 1, to, listed.size()));
            m.buttons(List.of(new Block.Button(MORE, t.get("pairs.next", Math.min(PAGE, listed.size() - to)),
                    program.id() + "|" + to)));
        }
        turn.reply(m.context(t.rich("pairs.footer")).build());
    }

    private Rich line(Texts t, Pair p, Function<PersonRef, String> name) {
        String met = p.rhythm().lastMetAt().map(d -> t.get("pairs.met", Dates.day(t, zone, d)))
                .orElseGet(() -> t.get("pairs.not-met"));
        boolean atRisk = p.status() == PairStatus.ACTIVE && p.rhythm().atRisk();
        return t.rich(atRisk ? "pairs.line.at-risk" : "pairs.line", name.apply(p.mentee()), name.apply(p.mentor()),
                StatusFlow.stage(t, p.status()), met);
    }

    /** Open pairs first, those at risk at the top, the furthest along next; then those that ran their course. */
    private static Comparator<Pair> order(Function<PersonRef, String> name) {
        return Comparator.comparing((Pair p) -> !p.status().open())
                .thenComparing(p -> !(p.status() == PairStatus.ACTIVE && p.rhythm().atRisk()))
                .thenComparing(Pair::status, Comparator.reverseOrder())
                .thenComparing(p -> name.apply(p.mentee()), String.CASE_INSENSITIVE_ORDER);
    }
}

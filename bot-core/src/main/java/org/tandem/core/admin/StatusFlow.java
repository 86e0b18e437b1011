package org.tandem.core.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.invitations.Invitations;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;

/**
 * {@code status [programme]}: each programme in numbers — aggregates only, never a person's answers — with
 * buttons to drill down: who is waiting, who is at risk, and the programme's pairs.
 */
public final class StatusFlow implements Flow {

    /** Past this many programmes, one row of buttons serves them all. */
    static final int ROWS = 5;

    private final Programs programs;
    private final Figures figures;
    private final Invitations invitations;

    public StatusFlow(Programs programs, Figures figures, Invitations invitations) {
        this.programs = programs;
        this.figures = figures;
        this.invitations = invitations;
    }

    @Override
    public String id() {
        return "status";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("status", Audience.COORDINATOR, "help.usage.status", "help.about.status"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Program> chosen;
        if (command.rest().isEmpty()) {
            chosen = programs.all(turn.who().scope());
            if (chosen.isEmpty()) {
                turn.reply("programs.none");
                return;
            }
        } else {
            Optional<Program> one = ProgramNames.resolve(turn, programs, command.rest(), "status");
            if (one.isEmpty()) {
                return;
            }
            chosen = List.of(one.get());
        }
        Texts t = turn.t();
        Message.Builder m = Message.builder();
        boolean rows = chosen.size() <= ROWS;
        for (Program p : chosen) {
            Figures.Programme f = figures.of(p, turn.now());
            m.text(t.rich("status.title", p.name(), t.get(p.state().labelKey())));
            m.fields(fields(t, f, figures.rhythm().measures()));
            Invitations.Counts invited = invitations.counts(p.id());
            if (invited.invited() > 0) {
                // the funnel of the invitations, only for a programme that sent some
                m.fields(List.of(new Block.Field(t.get("status.invited"), Long.toString(invited.invited())),
                        new Block.Field(t.get("status.joined"), Long.toString(invited.joined())),
                        new Block.Field(t.get("status.declined"), Long.toString(invited.declined()))));
            }
            if (rows) {
                m.buttons(drillDown(t, " " + p.name(), true));
            }
        }
        if (!rows) {
            m.buttons(drillDown(t, "", false));
            m.context(t.rich("status.buttons-later"));
        }
        if (!figures.rhythm().measures()) {
            m.context(t.rich("status.rhythm-later"));
        }
        turn.reply(m.context(t.rich("status.footer")).build());
    }

    /** Buttons running {@code pending}, {@code at-risk} and {@code pairs} for a programme ({@code " NAME"}), or all. */
    private static List<Block.Button> drillDown(Texts t, String programme, boolean pairs) {
        List<Block.Button> out = new ArrayList<>(List.of(
                CommandButtons.button(t.get("status.button.pending"), "pending" + programme),
                CommandButtons.button(t.get("status.button.at-risk"), "at-risk" + programme)));
        if (pairs) {
            out.add(CommandButtons.button(t.get("status.button.pairs"), "pairs" + programme));
        }
        return out;
    }

    static List<Block.Field> fields(Texts t, Figures.Programme f, boolean measured) {
        List<Block.Field> out = new ArrayList<>(List.of(
                new Block.Field(t.get("status.mentees"), Integer.toString(f.mentees())),
                new Block.Field(t.get("status.mentors"), Integer.toString(f.mentors())),
                new Block.Field(t.get("status.capacity"), Integer.toString(f.capacityLeft())),
                new Block.Field(t.get("status.pairs"), stages(t, f.stages()))));
        if (measured) {
            out.add(new Block.Field(t.get("status.meetings"), number(t, f.meetings())));
            out.add(new Block.Field(t.get("status.planned"), number(t, f.planned())));
            out.add(new Block.Field(t.get("status.at-risk"), Integer.toString(f.atRisk())));
            out.add(new Block.Field(t.get("status.progress"), average(t, f.progress(), "status.percent")));
            out.add(new Block.Field(t.get("status.satisfaction"), average(t, f.satisfaction(), "status.out-of-5")));
        }
        return out;
    }

    /** "requested 1 · active 3", open stages first, in the order of a pair's life. */
    static String stages(Texts t, Map<PairStatus, Integer> stages) {
        List<String> parts = new ArrayList<>();
        for (PairStatus s : PairStatus.values()) {
            Integer n = stages.get(s);
            if (n != null && n > 0) {
                parts.add(t.get("stage." + s.value()) + " " + n);
            }
        }
        return parts.isEmpty() ? t.get("status.none") : String.join(" · ", parts);
    }

    private static String number(Texts t, OptionalInt n) {
        return n.isPresent() ? Integer.toString(n.getAsInt()) : t.get("status.not-measured");
    }

    private static String average(Texts t, OptionalDouble v, String key) {
        return v.isPresent() ? t.get(key, String.format(t.locale(), "%.1f", v.getAsDouble()))
                : t.get("status.not-measured");
    }

    static String stage(Texts t, PairStatus s) {
        return t.get("stage." + s.name().toLowerCase(Locale.ROOT));
    }
}

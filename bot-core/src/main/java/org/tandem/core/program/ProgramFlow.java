package org.tandem.core.program;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.SubCommands;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Languages;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.module.Events;

/** Coordinators' programme commands, in the admin channel: {@code programs}, {@code program create|edit|open|close}. */
public final class ProgramFlow implements Flow {

    static final String ID = "program";
    static final String CREATE_FORM = ID + ".create";
    static final String EDIT_FORM = ID + ".edit";
    static final String TEMPLATE = ID + ".template";
    static final String OPEN = ID + ".open";
    static final String EDIT = ID + ".edit-button";
    static final String CLOSE = ID + ".close";

    /** How many mentees and mentors a programme has, from the enrolments (kept out of this package). */
    public interface Counts {
        int[] menteesAndMentors(String programId);
    }

    /** The programme-wide pause of nudges (kept by the rhythm). Returns whether anything changed. */
    public interface Pausing {
        boolean pause(Program program, boolean on);
    }

    private final Events events;
    private final Programs programs;
    private final Counts counts;
    private final Pausing pausing;
    private final ProgramEditor editor;

    public ProgramFlow(Programs programs, Events events, Counts counts, Pausing pausing) {
        this.programs = programs;
        this.events = events;
        this.counts = counts;
        this.pausing = pausing;
        this.editor = new ProgramEditor(programs);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                new CommandSpec("programs", Audience.COORDINATOR, "help.usage.programs", "help.about.programs"),
                new CommandSpec("program", Audience.COORDINATOR, "help.usage.program", "help.about.program"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(TEMPLATE, Access.COORDINATORS, editor::template)
                .click(OPEN, Access.COORDINATORS, (turn, click) -> onProgram(turn, click, this::open))
                .click(EDIT, Access.COORDINATORS, (turn, click) -> onProgram(turn, click, editor::edit))
                .click(CLOSE, Access.COORDINATORS, (turn, click) -> onProgram(turn, click, (t, p) -> {
                    if (click.value().endsWith(":yes")) {
                        close(t, p);
                    } else {
                        t.reply("program.close.kept", p.name());
                    }
                }));
        on.submit(CREATE_FORM, Access.COORDINATORS, ProgramForm.FIELDS,
                        (turn, submit) -> editor.submit(turn, submit, false))
                .submit(EDIT_FORM, Access.COORDINATORS, ProgramForm.FIELDS, (turn, submit) -> editor.submit(turn, submit, true));
    }

    /** What {@code program} does, each also typed in French ({@code programme créer}…). */
    private static final List<String> SUBS = List.of("create", "templates", "edit", "open", "close", "pause",
            "resume");

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.name().equals("programs")) {
            list(turn);
            return;
        }
        String typed = command.arg(0).orElse("");
        String sub = SubCommands.of("program", typed, SUBS);
        String rest = command.rest().length() > typed.length() ? command.rest().substring(typed.length()).strip() : "";
        switch (sub) {
            case "create" -> editor.create(turn, rest);
            case "templates" -> editor.templates(turn);
            case "edit" -> resolve(turn, rest, "program edit").ifPresent(p -> editor.edit(turn, p));
            case "open" -> resolve(turn, rest, "program open").ifPresent(p -> open(turn, p));
            case "close" -> resolve(turn, rest, "program close").ifPresent(p -> askClose(turn, p));
            case "pause" -> resolve(turn, rest, "program pause").ifPresent(p -> turn.reply(pausing.pause(p, true)
                    ? "program.paused" : "program.pause.already", p.name()));
            case "resume" -> resolve(turn, rest, "program resume").ifPresent(p -> turn.reply(pausing.pause(p, false)
                    ? "program.resumed" : "program.resume.not-paused", p.name()));
            default -> turn.reply("program.usage");
        }
    }

    /** A button about one programme of this workspace ({@code programId} or {@code programId:answer}). */
    private void onProgram(Turn turn, Input.Click click, BiConsumer<Turn, Program> action) {
        turn.chosen(click);
        String id = click.value().split(":", 2)[0];
        Optional<Program> program = programs.find(id).filter(p -> p.scope().equals(turn.who().scope()));
        if (program.isEmpty()) {
            turn.reply("program.not-found", click.value());
            return;
        }
        action.accept(turn, program.get());
    }

    private void open(Turn turn, Program program) {
        if (program.state() == ProgramState.OPEN || program.state() == ProgramState.RUNNING) {
            turn.reply("program.open.already", program.name(), turn.t().get(program.state().labelKey()));
        } else if (programs.transition(program.id(), EnumSet.of(ProgramState.DRAFT, ProgramState.CLOSED),
                ProgramState.OPEN)) {
            turn.reply("program.opened", program.name());
        } else {
            turn.reply("program.changed-meanwhile", program.name());
        }
    }

    private void askClose(Turn turn, Program program) {
        if (program.state() == ProgramState.CLOSED) {
            turn.reply("program.close.already", program.name());
            return;
        }
        turn.reply(Message.builder()
                .text(turn.t().rich("program.close.confirm", program.name()))
                .buttons(List.of(
                        new Block.Button(CLOSE, turn.t().get("program.close.yes"), program.id() + ":yes",
                                Block.Style.DANGER),
                        new Block.Button(CLOSE, turn.t().get("program.close.no"), program.id() + ":no")))
                .build());
    }

    private void close(Turn turn, Program program) {
        if (programs.close(program.id(), EnumSet.of(ProgramState.DRAFT, ProgramState.OPEN, ProgramState.RUNNING),
                turn.now())) {
            turn.reply("program.closed", program.name());
            events.publish(new ProgramClosed(program.id(), program.scope(), turn.now()));
        } else {
            turn.reply("program.close.already", program.name());
        }
    }

    private void list(Turn turn) {
        Texts t = turn.t();
        List<Program> all = programs.all(turn.who().scope());
        if (all.isEmpty()) {
            turn.reply("programs.none");
            return;
        }
        List<Rich> lines = new ArrayList<>();
        for (Program p : all) {
            int[] n = counts.menteesAndMentors(p.id());
            lines.add(t.rich("programs.line", p.name(), t.get(p.state().labelKey()), n[0], n[1],
                    t.get(p.spec().cadence().labelKey()), t.get("program.months", p.spec().durationMonths())));
        }
        turn.reply(Message.builder()
                .text(t.rich("programs.title", all.size()))
                .text(Rich.join("\n", lines))
                .context(t.rich("programs.footer"))
                .build());
    }

    private Optional<Program> resolve(Turn turn, String typed, String again) {
        return ProgramNames.resolve(turn, programs, typed, again);
    }

    /** A programme's settings, with what to do next. */
    static Message summary(Texts t, Program p, String headlineKey) {
        ProgramDraft s = p.spec();
        List<Block.Field> fields = new ArrayList<>(List.of(
                new Block.Field(t.get("program.form.topics"), String.join(", ", s.topics())),
                new Block.Field(t.get("program.form.cadence"), t.get(s.cadence().labelKey())),
                new Block.Field(t.get("program.form.duration"), t.get("program.months", s.durationMonths())),
                new Block.Field(t.get("program.form.matching"), t.get(s.matchingMode().labelKey())),
                new Block.Field(t.get("program.form.capacity"), Integer.toString(s.defaultCapacity()))));
        s.weeklyCap().ifPresent(cap -> fields.add(new Block.Field(t.get("program.form.weekly-cap"),
                Integer.toString(cap))));
        fields.add(new Block.Field(t.get("program.form.languages"), Languages.labels(s.languages(), t.locale())));
        fields.add(new Block.Field(t.get("program.working-week"), WorkingWeekForm.describe(t, s.workingWeek())));
        fields.add(new Block.Field(t.get("program.state"), t.get(p.state().labelKey())));
        Message.Builder b = Message.builder().text(t.rich(headlineKey, p.name()));
        if (!s.description().isEmpty()) {
            b.context(Rich.literal(s.description()));
        }
        b.fields(fields);
        List<Block.Button> buttons = new ArrayList<>();
        if (!p.state().enrolling()) {
            buttons.add(new Block.Button(OPEN, t.get("program.open.button"), p.id(), Block.Style.PRIMARY));
        }
        buttons.add(new Block.Button(EDIT, t.get("program.edit.button"), p.id()));
        return b.buttons(buttons).build();
    }
}

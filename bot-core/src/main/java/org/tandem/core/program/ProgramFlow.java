package org.tandem.core.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.i18n.Languages;
import org.tandem.core.i18n.Texts;

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

    /** The steps of a programme's dialogue: its form is being edited. */
    enum Step { EDIT }

    private final Programs programs;
    private final Counts counts;
    private final Pausing pausing;

    public ProgramFlow(Programs programs, Counts counts, Pausing pausing) {
        this.programs = programs;
        this.counts = counts;
        this.pausing = pausing;
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
        on.click(TEMPLATE, Access.COORDINATORS, this::template)
                .click(OPEN, Access.COORDINATORS, (turn, click) -> onProgram(turn, click, this::open))
                .click(EDIT, Access.COORDINATORS, (turn, click) -> onProgram(turn, click, this::edit))
                .click(CLOSE, Access.COORDINATORS, (turn, click) -> onProgram(turn, click, (t, p) -> {
                    if (click.value().endsWith(":yes")) {
                        close(t, p);
                    } else {
                        t.reply("program.close.kept", p.name());
                    }
                }));
        on.submit(CREATE_FORM, Access.COORDINATORS, ProgramForm.FIELDS,
                        (turn, submit) -> submit(turn, submit, false))
                .submit(EDIT_FORM, Access.COORDINATORS, ProgramForm.FIELDS, (turn, submit) -> submit(turn, submit, true));
    }


    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.name().equals("programs")) {
            list(turn);
            return;
        }
        String sub = command.arg(0).orElse("").toLowerCase(Locale.ROOT);
        String rest = command.rest().length() > sub.length() ? command.rest().substring(sub.length()).strip() : "";
        switch (sub) {
            case "create" -> create(turn, rest);
            case "templates" -> templates(turn);
            case "edit" -> resolve(turn, rest).ifPresent(p -> edit(turn, p));
            case "open" -> resolve(turn, rest).ifPresent(p -> open(turn, p));
            case "close" -> resolve(turn, rest).ifPresent(p -> askClose(turn, p));
            case "pause" -> resolve(turn, rest).ifPresent(p -> turn.reply(pausing.pause(p, true)
                    ? "program.paused" : "program.pause.already", p.name()));
            case "resume" -> resolve(turn, rest).ifPresent(p -> turn.reply(pausing.pause(p, false)
                    ? "program.resumed" : "program.resume.not-paused", p.name()));
            default -> turn.reply("program.usage");
        }
    }

    private void template(Turn turn, Input.Click click) {
        turn.chosen(click);
        Optional<ProgramTemplate> template = ProgramTemplate.find(click.value(), turn.t());
        turn.reply(Message.of(ProgramForm.form(CREATE_FORM, "program.form.title.create", turn.t(),
                template.map(x -> ProgramForm.values(x.draft(turn.t()))).orElse(ProgramForm.blank()), Map.of())));
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

    private void submit(Turn turn, Input.Submit submit, boolean editing) {
        FormCheck check = new FormCheck(submit, turn.t());
        Optional<ProgramDraft> draft = ProgramForm.parse(check);
        Optional<Program> edited = Optional.empty();
        if (editing) {
            Optional<ConversationState> state = turn.state().filter(s -> s.in(ID, Step.EDIT));
            edited = state.flatMap(s -> programs.find(s.string("program")));
            if (edited.isEmpty()) {
                turn.reply("program.edit.expired");
                return;
            }
        }
        if (draft.isPresent()) {
            try {
                if (editing) {
                    saveEdit(turn, edited.get(), draft.get());
                } else {
                    Program created = programs.create(turn.who().scope(), draft.get(), turn.who().userId(), turn.now());
                    turn.reply(summary(turn.t(), created, "program.created"));
                }
                return;
            } catch (Programs.NameTaken e) {
                check.error("name", "program.form.name-taken", draft.get().name());
            }
        }
        turn.reply(Message.of(ProgramForm.form(submit.formId(),
                editing ? "program.form.title.edit" : "program.form.title.create", turn.t(), check.submitted(),
                check.errors())));
    }

    private void saveEdit(Turn turn, Program program, ProgramDraft draft) {
        if (!programs.update(program, draft)) {
            turn.reply("program.edit.conflict", program.name());
            return;
        }
        turn.clearState();
        turn.reply(summary(turn.t(), programs.find(program.id()).orElseThrow(), "program.updated"));
    }

    private void create(Turn turn, String rest) {
        if (!rest.isEmpty()) {
            Optional<ProgramTemplate> template = ProgramTemplate.find(rest, turn.t());
            if (template.isEmpty()) {
                turn.reply("program.template.unknown", rest);
                templates(turn);
                return;
            }
            turn.reply(Message.of(ProgramForm.form(CREATE_FORM, "program.form.title.create", turn.t(),
                    ProgramForm.values(template.get().draft(turn.t())), Map.of())));
            return;
        }
        turn.reply(Message.builder()
                .context(turn.t().rich("program.create.tip"))
                .add(ProgramForm.form(CREATE_FORM, "program.form.title.create", turn.t(), ProgramForm.blank(),
                        Map.of()))
                .build());
    }

    private void templates(Turn turn) {
        Texts t = turn.t();
        List<Rich> lines = Arrays.stream(ProgramTemplate.values())
                .map(p -> t.rich("program.template.line", p.name(t), p.description(t))).toList();
        turn.reply(Message.builder()
                .text(t.rich("program.templates"))
                .text(Rich.join("\n", lines))
                .buttons(Arrays.stream(ProgramTemplate.values())
                        .map(p -> new Block.Button(TEMPLATE, p.name(t), p.id())).toList())
                .build());
    }

    private void edit(Turn turn, Program program) {
        turn.save(ConversationState.start(ID, Step.EDIT).with("program", program.id()));
        turn.reply(Message.of(ProgramForm.form(EDIT_FORM, "program.form.title.edit", turn.t(),
                ProgramForm.values(program.spec()), Map.of())));
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

    private Optional<Program> resolve(Turn turn, String typed) {
        return ProgramNames.resolve(turn, programs, typed);
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

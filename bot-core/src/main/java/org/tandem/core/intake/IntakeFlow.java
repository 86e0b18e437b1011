package org.tandem.core.intake;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.module.Events;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * {@code join}: programme -> role -> the mentee and/or mentor questionnaire -> consent -> enrolment. Every step
 * is kept in the person's conversation state, so they can stop and continue later (even after a restart).
 * Editing from {@code profile} reuses the same forms.
 */
public final class IntakeFlow implements Flow {

    static final String ID = "intake";
    static final String PROGRAM = ID + ".program";
    static final String ROLE = ID + ".role";
    static final String CONSENT = ID + ".consent";
    static final String RESUME = ID + ".resume";
    public static final String EDIT = ID + ".edit";
    static final String MENTEE_FORM = ID + ".mentee";
    static final String MENTOR_FORM = ID + ".mentor";

    enum Step { PROGRAM, ROLE, MENTEE, MENTOR, CONSENT, EDIT_MENTEE, EDIT_MENTOR }

    private final Programs programs;
    private final Enrollments enrollments;
    private final IntakeSteps steps;
    private final IntakeEnrolment enrolment;
    private final ProfileEditing editing;

    IntakeFlow(Programs programs, Enrollments enrollments, ConsentRefusals refusals, Events events,
               ProfileView profile) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.editing = new ProfileEditing(programs, enrollments, profile);
        this.steps = new IntakeSteps(programs, enrollments, editing);
        this.enrolment = new IntakeEnrolment(enrollments, refusals, events);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("join", Audience.PARTICIPANT, "help.usage.join", "help.about.join"));
    }

    /** Everything here is the person's own enrolment: what they click changes only their own answers. */
    @Override
    public void bind(Bindings on) {
        on.click(EDIT, Access.SELF, (turn, click) -> {
                    turn.chosen(click);
                    editing.start(turn, click.value());
                })
                .click(RESUME, Access.SELF, this::resume)
                .click(PROGRAM, Access.SELF, (turn, click) -> inIntake(turn, click, s -> programs.find(click.value())
                        .filter(p -> p.scope().equals(turn.who().scope()) && p.state().enrolling())
                        .ifPresentOrElse(p -> chooseProgram(turn, p), () -> turn.reply("intake.programme-gone"))))
                .click(ROLE, Access.SELF, (turn, click) -> inIntake(turn, click, s -> role(turn, s, click.value())))
                .click(CONSENT, Access.SELF, (turn, click) -> inIntake(turn, click,
                        s -> consent(turn, s, click.value().equals("yes"))));
        on.submit(MENTEE_FORM, Access.SELF, IntakeForms.MENTEE_FIELDS, (turn, submit) -> submit(turn, submit, true))
                .submit(MENTOR_FORM, Access.SELF, IntakeForms.MENTOR_FIELDS,
                        (turn, submit) -> submit(turn, submit, false));
    }


    @Override
    public void onCommand(Turn turn, Input.Command command) {
        Optional<ConversationState> state = turn.state().filter(s -> s.flow().equals(ID));
        if (state.isPresent() && step(state.get()) != Step.PROGRAM && !step(state.get()).name().startsWith("EDIT")) {
            Optional<Program> program = programs.find(state.get().string("program"));
            turn.reply(Message.builder()
                    .text(turn.t().rich("intake.resume", program.map(Program::name).orElse("?")))
                    .buttons(List.of(
                            new Block.Button(RESUME, turn.t().get("intake.resume.continue"), "continue",
                                    Block.Style.PRIMARY),
                            new Block.Button(RESUME, turn.t().get("intake.resume.restart"), "restart")))
                    .build());
            return;
        }
        start(turn);
    }

    private void start(Turn turn) {
        List<Program> open = programs.enrolling(turn.who().scope());
        if (open.isEmpty()) {
            turn.reply("intake.no-programme");
        } else if (open.size() == 1) {
            chooseProgram(turn, open.get(0));
        } else {
            turn.save(ConversationState.start(ID, Step.PROGRAM));
            turn.reply(Message.builder()
                    .text(turn.t().rich("intake.which-programme"))
                    .buttons(open.stream().map(p -> new Block.Button(PROGRAM, p.name(), p.id())).toList())
                    .build());
        }
    }

    /**
     * Starts the questionnaire of one programme for the turn's person, at the role's questionnaire when the role is
     * known (an invitation's <i>Join as mentor</i>), else at the choice of role (an announcement's <i>Join</i>).
     */
    void begin(Turn turn, Program program, Optional<Role> role) {
        if (!program.state().enrolling() || !program.scope().equals(turn.who().scope())) {
            turn.reply("intake.programme-gone");
            return;
        }
        if (role.isEmpty() || enrollments.find(turn.who(), program.id()).isPresent()) {
            chooseProgram(turn, program);
            return;
        }
        ConversationState at = ConversationState.start(ID, role.get() == Role.MENTOR ? Step.MENTOR : Step.MENTEE)
                .with("program", program.id()).with("role", role.get().value());
        if (turn.save(at)) {
            prompt(turn, at);
        }
    }

    private void chooseProgram(Turn turn, Program program) {
        if (enrollments.find(turn.who(), program.id()).isPresent()) {
            turn.clearState();
            turn.reply("intake.already", program.name());
            return;
        }
        turn.save(ConversationState.start(ID, Step.ROLE).with("program", program.id()));
        steps.askRole(turn, program);
    }

    private void resume(Turn turn, Input.Click click) {
        turn.chosen(click);
        Optional<ConversationState> state = turn.state().filter(s -> s.flow().equals(ID));
        if (state.isEmpty() || click.value().equals("restart")) {
            turn.clearState();
            start(turn);
        } else {
            prompt(turn, state.get());
        }
    }

    /** A button of the questionnaire under way: without one (it expired, or is done), the person is told. */
    private void inIntake(Turn turn, Input.Click click, Consumer<ConversationState> step) {
        turn.chosen(click);
        Optional<ConversationState> state = turn.state().filter(s -> s.flow().equals(ID));
        if (state.isEmpty()) {
            turn.reply(enrolledSomewhere(turn) ? "intake.done-already" : "intake.expired");
            return;
        }
        step.accept(state.get());
    }

    private void role(Turn turn, ConversationState s, String value) {
        Optional<Role> role = Role.parse(value);
        Optional<Program> program = program(turn, s);
        if (role.isEmpty() || program.isEmpty() || step(s) != Step.ROLE) {
            if (program.isPresent()) {
                prompt(turn, s);
            }
            return;
        }
        Step next = role.get() == Role.MENTOR ? Step.MENTOR : Step.MENTEE;
        ConversationState moved = s.at(next).with("role", role.get().value());
        if (turn.save(moved)) {
            prompt(turn, moved);
        }
    }

    private void submit(Turn turn, Input.Submit submit, boolean mentee) {
        Optional<ConversationState> state = turn.state().filter(s -> s.flow().equals(ID));
        if (state.isEmpty()) {
            turn.reply("intake.expired");
            return;
        }
        Step step = step(state.get());
        if (step == Step.EDIT_MENTEE || step == Step.EDIT_MENTOR) {
            editing.submit(turn, state.get(), submit);
            return;
        }
        Optional<Program> program = program(turn, state.get());
        if (program.isEmpty()) {
            return;
        }
        if (step != (mentee ? Step.MENTEE : Step.MENTOR)) {
            prompt(turn, state.get());
            return;
        }
        Optional<ConversationState> moved = steps.answered(turn, state.get(), program.get(), submit, mentee);
        if (moved.isPresent() && turn.save(moved.get())) {
            prompt(turn, moved.get());
        }
    }

    /** Shows the current step again, with what was already answered. */
    private void prompt(Turn turn, ConversationState s) {
        program(turn, s).ifPresent(p -> steps.prompt(turn, s, p));
    }

    private void consent(Turn turn, ConversationState s, boolean yes) {
        Optional<Program> program = program(turn, s);
        if (program.isEmpty() || step(s) != Step.CONSENT) {
            program.ifPresent(p -> prompt(turn, s));
            return;
        }
        turn.clearState();
        enrolment.consent(turn, s, program.get(), yes).ifPresent(again -> {
            // the programme changed under the answers (e.g. a topic was removed): ask again, keeping them
            turn.save(again);
            prompt(turn, again);
        });
    }

    static Step step(ConversationState s) {
        return IntakeSteps.step(s);
    }

    @Override
    public boolean onText(Turn turn, ConversationState state, String text) {
        turn.reply("intake.use-the-form");
        return true;
    }

    private Optional<Program> program(Turn turn, ConversationState s) {
        Optional<Program> p = programs.find(s.string("program")).filter(x -> x.state().enrolling());
        if (p.isEmpty()) {
            turn.clearState();
            turn.reply("intake.programme-gone");
        }
        return p;
    }

    private boolean enrolledSomewhere(Turn turn) {
        return !enrollments.of(turn.who()).isEmpty();
    }

}

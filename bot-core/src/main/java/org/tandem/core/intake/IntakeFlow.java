package org.tandem.core.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.i18n.Texts;
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
    private final ConsentRefusals refusals;
    private final Events events;

    public IntakeFlow(Programs programs, Enrollments enrollments, ConsentRefusals refusals, Events events) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.refusals = refusals;
        this.events = events;
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
                    new ProfileEditing(programs, enrollments).start(turn, click.value());
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

    private void chooseProgram(Turn turn, Program program) {
        if (enrollments.find(turn.who(), program.id()).isPresent()) {
            turn.clearState();
            turn.reply("intake.already", program.name());
            return;
        }
        turn.save(ConversationState.start(ID, Step.ROLE).with("program", program.id()));
        askRole(turn, program);
    }

    private void askRole(Turn turn, Program program) {
        Texts t = turn.t();
        Message.Builder m = Message.builder().text(t.rich("intake.welcome", turn.person().displayName(),
                program.name()));
        if (!program.spec().description().isEmpty()) {
            m.context(org.tandem.core.conversation.Rich.literal(program.spec().description()));
        }
        turn.reply(m.text(t.rich("intake.ask-role"))
                .buttons(Arrays.stream(Role.values()).map(r -> new Block.Button(ROLE, t.get(r.labelKey()), r.value()))
                        .toList())
                .build());
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
            new ProfileEditing(programs, enrollments).submit(turn, state.get(), submit);
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
        FormCheck check = new FormCheck(submit, turn.t());
        boolean valid = mentee ? IntakeForms.parseMentee(check, program.get()).isPresent()
                : IntakeForms.parseMentor(check, program.get()).isPresent();
        if (!valid) {
            turn.reply(Message.of(mentee
                    ? IntakeForms.menteeForm(MENTEE_FORM, turn.t(), program.get(), check.submitted(), check.errors())
                    : IntakeForms.mentorForm(MENTOR_FORM, turn.t(), program.get(), check.submitted(), check.errors())));
            return;
        }
        boolean both = Role.parse(state.get().string("role")).orElse(Role.MENTEE) == Role.BOTH;
        Step next = mentee && both ? Step.MENTOR : Step.CONSENT;
        ConversationState moved = state.get().at(next).with(mentee ? "mentee" : "mentor", submit.values());
        if (turn.save(moved)) {
            prompt(turn, moved);
        }
    }

    /** Shows the current step again, with what was already answered. */
    private void prompt(Turn turn, ConversationState s) {
        Optional<Program> program = program(turn, s);
        if (program.isEmpty()) {
            return;
        }
        Texts t = turn.t();
        switch (step(s)) {
            case PROGRAM, ROLE -> askRole(turn, program.get());
            case MENTEE -> turn.reply(Message.of(IntakeForms.menteeForm(MENTEE_FORM, t, program.get(),
                    withDefaults(turn, raw(s, "mentee"), program.get()), Map.of())));
            case MENTOR -> {
                Map<String, List<String>> values = raw(s, "mentor");
                if (values.isEmpty()) {
                    values = ConsentStep.sharedWithMentor(raw(s, "mentee"));
                }
                turn.reply(Message.of(IntakeForms.mentorForm(MENTOR_FORM, t, program.get(),
                        withDefaults(turn, values, program.get()), Map.of())));
            }
            case CONSENT -> turn.reply(ConsentStep.ask(t, program.get(),
                    Role.parse(s.string("role")).orElse(Role.MENTEE)));
            default -> new ProfileEditing(programs, enrollments).prompt(turn, s);
        }
    }

    private void consent(Turn turn, ConversationState s, boolean yes) {
        Optional<Program> program = program(turn, s);
        if (program.isEmpty() || step(s) != Step.CONSENT) {
            program.ifPresent(p -> prompt(turn, s));
            return;
        }
        Role role = Role.parse(s.string("role")).orElseThrow();
        turn.clearState();
        if (!yes) {
            refusals.record(turn.who(), program.get().id(), turn.now());
            turn.reply("intake.consent.refused");
            return;
        }
        Optional<MenteeAnswers> mentee = role == Role.MENTOR ? Optional.empty()
                : IntakeForms.parseMentee(new FormCheck(new Input.Submit(MENTEE_FORM, raw(s, "mentee")), turn.t()),
                        program.get());
        Optional<MentorAnswers> mentor = role == Role.MENTEE ? Optional.empty()
                : IntakeForms.parseMentor(new FormCheck(new Input.Submit(MENTOR_FORM, raw(s, "mentor")), turn.t()),
                        program.get());
        if ((role != Role.MENTOR && mentee.isEmpty()) || (role != Role.MENTEE && mentor.isEmpty())) {
            // the programme changed under the answers (e.g. a topic was removed): ask again, keeping them
            ConversationState again = ConversationState.start(ID, (mentee.isEmpty() && role != Role.MENTOR
                    ? Step.MENTEE : Step.MENTOR)).with(s.answers());
            turn.save(again);
            prompt(turn, again);
            return;
        }
        if (!enrollments.enroll(turn.who(), program.get().id(), role, mentee, mentor, turn.now())) {
            turn.reply("intake.already", program.get().name());
            return;
        }
        turn.reply("intake.enrolled", program.get().name(), turn.t().get(role.labelKey()));
        events.publish(new PersonEnrolled(turn.who(), program.get(), role, turn.now()));
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

    /** Pre-fills what the platform knows: the person's time zone. */
    private static Map<String, List<String>> withDefaults(Turn turn, Map<String, List<String>> values,
                                                          Program program) {
        Map<String, List<String>> v = new LinkedHashMap<>(values);
        turn.person().timeZone().ifPresent(z -> v.putIfAbsent("timeZone", List.of(z.getId())));
        v.putIfAbsent("capacity", List.of(Integer.toString(program.spec().defaultCapacity())));
        if (program.spec().languages().size() == 1) {
            v.putIfAbsent("languages", program.spec().languages());
        }
        return v;
    }

    static Step step(ConversationState s) {
        try {
            return Step.valueOf(s.step());
        } catch (IllegalArgumentException e) {
            return Step.PROGRAM;
        }
    }

    /** Form values kept in the state (a BSON sub-document of lists). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> raw(ConversationState s, String key) {
        Object v = s.answers().get(key);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), x instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(x))));
        }
        return out;
    }
}

package org.tandem.core.intake;

import static org.tandem.core.intake.IntakeFlow.MENTEE_FORM;
import static org.tandem.core.intake.IntakeFlow.MENTOR_FORM;
import static org.tandem.core.intake.IntakeFlow.ROLE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.IntakeFlow.Step;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * What the questionnaire shows at each of its steps, and how a step and its answers are kept in the person's
 * conversation state.
 */
final class IntakeSteps {

    private final Programs programs;
    private final Enrollments enrollments;
    private final ProfileEditing editing;

    IntakeSteps(Programs programs, Enrollments enrollments, ProfileEditing editing) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.editing = editing;
    }

    void askRole(Turn turn, Program program) {
        Texts t = turn.t();
        Message.Builder m = Message.builder().text(t.rich("intake.welcome", turn.person().displayName(),
                program.name()));
        if (!program.spec().description().isEmpty()) {
            m.context(Rich.literal(program.spec().description()));
        }
        turn.reply(m.text(t.rich("intake.ask-role"))
                .buttons(Arrays.stream(Role.values()).map(r -> new Block.Button(ROLE, t.get(r.labelKey()), r.value()))
                        .toList())
                .build());
    }

    /**
     * A questionnaire was sent: with errors, it shows again with them (empty); else the state moves on to the
     * mentor's questionnaire (someone who is both) or the consent.
     */
    Optional<ConversationState> answered(Turn turn, ConversationState s, Program program, Input.Submit submit,
                                         boolean mentee) {
        FormCheck check = new FormCheck(submit, turn.t());
        boolean valid = mentee ? IntakeForms.parseMentee(check, program).isPresent()
                : IntakeForms.parseMentor(check, program).isPresent();
        if (!valid) {
            // kept as typed, so that "continue where you left off" brings them back, as the error says
            turn.save(s.with(mentee ? "mentee" : "mentor", submit.values()));
            turn.reply(Message.of(mentee
                    ? IntakeForms.menteeForm(MENTEE_FORM, turn.t(), program, check.submitted(), check.errors())
                    : IntakeForms.mentorForm(MENTOR_FORM, turn.t(), program, check.submitted(), check.errors())));
            return Optional.empty();
        }
        boolean both = Role.parse(s.string("role")).orElse(Role.MENTEE) == Role.BOTH;
        Step next = mentee && both ? Step.MENTOR : Step.CONSENT;
        return Optional.of(s.at(next).with(mentee ? "mentee" : "mentor", submit.values()));
    }

    /** Shows a step of the questionnaire, with what was already answered. */
    void prompt(Turn turn, ConversationState s, Program program) {
        Texts t = turn.t();
        switch (step(s)) {
            case PROGRAM, ROLE -> askRole(turn, program);
            case MENTEE -> form(turn, program, raw(s, "mentee"), true);
            case MENTOR -> {
                Map<String, List<String>> values = raw(s, "mentor");
                if (values.isEmpty() && earlier(turn, program, false).isEmpty()) {
                    values = ConsentStep.sharedWithMentor(raw(s, "mentee"));
                }
                form(turn, program, values, false);
            }
            case CONSENT -> turn.reply(ConsentStep.ask(t, program,
                    Role.parse(s.string("role")).orElse(Role.MENTEE)));
            default -> editing.prompt(turn, s);
        }
    }

    /**
     * A questionnaire with what was answered so far; when nothing was, with the answers given in another programme
     * (the latest), said so above the form: they stay editable.
     */
    private void form(Turn turn, Program program, Map<String, List<String>> values, boolean mentee) {
        Texts t = turn.t();
        Optional<Enrollment> from = values.isEmpty() ? earlier(turn, program, mentee) : Optional.empty();
        Map<String, List<String>> shown = from.map(e -> mentee ? IntakeForms.values(e.mentee().orElseThrow())
                : IntakeForms.values(e.mentor().orElseThrow())).orElse(values);
        Block.Form form = mentee
                ? IntakeForms.menteeForm(MENTEE_FORM, t, program, withDefaults(turn, shown, program), Map.of())
                : IntakeForms.mentorForm(MENTOR_FORM, t, program, withDefaults(turn, shown, program), Map.of());
        Message.Builder m = Message.builder();
        from.flatMap(e -> programs.find(e.program()))
                .ifPresent(p -> m.context(t.rich("intake.prefilled", p.name())));
        turn.reply(m.add(form).build());
    }

    /** The person's latest enrolment elsewhere with answers for this role. */
    private Optional<Enrollment> earlier(Turn turn, Program program, boolean mentee) {
        List<Enrollment> mine = enrollments.of(turn.who());
        for (int i = mine.size() - 1; i >= 0; i--) {
            Enrollment e = mine.get(i);
            if (!e.program().equals(program.id()) && (mentee ? e.mentee().isPresent() : e.mentor().isPresent())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
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

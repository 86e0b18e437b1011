package org.tandem.core.intake;

import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/** Editing stored answers from {@code profile}: the same forms, the same validation, a guarded update. */
final class ProfileEditing {

    private final Programs programs;
    private final Enrollments enrollments;
    private final ProfileView view;

    ProfileEditing(Programs programs, Enrollments enrollments, ProfileView view) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.view = view;
    }

    /** {@code value} is {@code programId:mentee} or {@code programId:mentor}, from the profile's buttons. */
    void start(Turn turn, String value) {
        String[] parts = value.split(":", 2);
        boolean mentee = parts.length == 2 && parts[1].equals("mentee");
        Optional<Enrollment> e = enrollments.find(turn.who(), parts[0])
                .filter(x -> mentee ? x.mentee().isPresent() : x.mentor().isPresent());
        if (e.isEmpty() || programs.find(parts[0]).isEmpty()) {
            turn.reply("profile.edit.nothing");
            return;
        }
        ConversationState s = ConversationState.start(IntakeFlow.ID,
                mentee ? IntakeFlow.Step.EDIT_MENTEE : IntakeFlow.Step.EDIT_MENTOR).with("program", parts[0]);
        turn.save(s);
        prompt(turn, s);
    }

    void prompt(Turn turn, ConversationState s) {
        Optional<Enrollment> e = enrollments.find(turn.who(), s.string("program"));
        Optional<Program> program = programs.find(s.string("program"));
        if (e.isEmpty() || program.isEmpty()) {
            turn.clearState();
            turn.reply("profile.edit.nothing");
            return;
        }
        boolean mentee = IntakeFlow.step(s) == IntakeFlow.Step.EDIT_MENTEE;
        turn.reply(Message.of(mentee
                ? IntakeForms.menteeForm(IntakeFlow.MENTEE_FORM, turn.t(), program.get(),
                        IntakeForms.values(e.get().mentee().orElseThrow()), Map.of())
                : IntakeForms.mentorForm(IntakeFlow.MENTOR_FORM, turn.t(), program.get(),
                        IntakeForms.values(e.get().mentor().orElseThrow()), Map.of())));
    }

    void submit(Turn turn, ConversationState s, Input.Submit submit) {
        boolean mentee = IntakeFlow.step(s) == IntakeFlow.Step.EDIT_MENTEE;
        Optional<Enrollment> e = enrollments.find(turn.who(), s.string("program"));
        Optional<Program> program = programs.find(s.string("program"));
        if (e.isEmpty() || program.isEmpty() || submit.formId().equals(IntakeFlow.MENTEE_FORM) != mentee) {
            prompt(turn, s);
            return;
        }
        FormCheck check = new FormCheck(submit, turn.t());
        boolean saved;
        if (mentee) {
            Optional<MenteeAnswers> a = IntakeForms.parseMentee(check, program.get());
            saved = a.isPresent() && enrollments.updateMentee(e.get(), a.get());
        } else {
            Optional<MentorAnswers> a = IntakeForms.parseMentor(check, program.get());
            saved = a.isPresent() && enrollments.updateMentor(e.get(), a.get());
        }
        if (!check.ok()) {
            turn.reply(Message.of(mentee
                    ? IntakeForms.menteeForm(IntakeFlow.MENTEE_FORM, turn.t(), program.get(), check.submitted(),
                            check.errors())
                    : IntakeForms.mentorForm(IntakeFlow.MENTOR_FORM, turn.t(), program.get(), check.submitted(),
                            check.errors())));
            return;
        }
        if (!saved) {
            turn.reply("profile.edit.conflict");
            prompt(turn, s);
            return;
        }
        turn.clearState();
        turn.reply("profile.edit.saved");
        turn.reply(view.of(turn));
    }
}

package org.tandem.core.intake;

import static org.tandem.core.intake.IntakeFlow.ID;
import static org.tandem.core.intake.IntakeFlow.MENTEE_FORM;
import static org.tandem.core.intake.IntakeFlow.MENTOR_FORM;

import java.util.Optional;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.IntakeFlow.Step;
import org.tandem.core.module.Events;
import org.tandem.core.program.Program;

/** The end of the questionnaire: the consent, then the enrolment, told to the other features. */
final class IntakeEnrolment {

    private final Enrollments enrollments;
    private final ConsentRefusals refusals;
    private final Events events;

    IntakeEnrolment(Enrollments enrollments, ConsentRefusals refusals, Events events) {
        this.enrollments = enrollments;
        this.refusals = refusals;
        this.events = events;
    }

    /**
     * The consent was answered: a refusal is recorded; a yes enrols the person with their answers, checked again
     * against the programme. Returns the state to ask again from when the programme changed under the answers.
     */
    Optional<ConversationState> consent(Turn turn, ConversationState s, Program program, boolean yes) {
        Role role = Role.parse(s.string("role")).orElseThrow();
        if (!yes) {
            refusals.record(turn.who(), program.id(), turn.now());
            turn.reply("intake.consent.refused");
            return Optional.empty();
        }
        Optional<MenteeAnswers> mentee = role == Role.MENTOR ? Optional.empty()
                : IntakeForms.parseMentee(new FormCheck(new Input.Submit(MENTEE_FORM, IntakeSteps.raw(s, "mentee")), turn.t()),
                        program);
        Optional<MentorAnswers> mentor = role == Role.MENTEE ? Optional.empty()
                : IntakeForms.parseMentor(new FormCheck(new Input.Submit(MENTOR_FORM, IntakeSteps.raw(s, "mentor")), turn.t()),
                        program);
        if ((role != Role.MENTOR && mentee.isEmpty()) || (role != Role.MENTEE && mentor.isEmpty())) {
            return Optional.of(ConversationState.start(ID, mentee.isEmpty() && role != Role.MENTOR
                    ? Step.MENTEE : Step.MENTOR).with(s.answers()));
        }
        if (!enrollments.enroll(turn.who(), program.id(), role, mentee, mentor, turn.now())) {
            turn.reply("intake.already", program.name());
            return Optional.empty();
        }
        turn.reply("intake.enrolled", program.name(), turn.t().get(role.labelKey()));
        events.publish(new PersonEnrolled(turn.who(), program, role, turn.now()));
        return Optional.empty();
    }
}

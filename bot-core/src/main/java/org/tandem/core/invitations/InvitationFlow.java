package org.tandem.core.invitations;

import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Turn;
import org.tandem.core.intake.IntakeModule;
import org.tandem.core.intake.Role;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueItems;

/**
 * The invited person's answer: <i>Join as mentee</i> or <i>as mentor</i> starts the programme's intake at that
 * questionnaire (the intake's own entry, not a copy of it); <i>Not now</i> declines, and no reminder follows. Only
 * the person invited may answer.
 */
final class InvitationFlow implements Flow {

    static final String ID = "invitation";
    static final String ANSWER = ID + ".answer";

    private final Invitations invitations;
    private final Programs programs;
    private final IntakeModule intake;
    private final DueItems due;

    InvitationFlow(Invitations invitations, Programs programs, IntakeModule intake, DueItems due) {
        this.invitations = invitations;
        this.programs = programs;
        this.intake = intake;
        this.due = due;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(ANSWER, Access.named(v -> invitations.find(v.split(":", 2)[0])
                .map(i -> Set.of(i.person())).orElse(Set.<PersonRef>of())), this::answer);
    }

    private void answer(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":", 2);
        Optional<Invitations.Invitation> invitation = invitations.find(parts[0]);
        Optional<Program> program = invitation.flatMap(i -> programs.find(i.program()))
                .filter(p -> p.state().enrolling());
        String question = InvitationMessages.question(parts[0]);
        if (program.isEmpty() || parts.length < 2) {
            turn.answered(question, Questions.Outcome.of("invitation.outcome.gone"));
            turn.reply("invitation.gone");
            return;
        }
        String name = program.get().name();
        if (parts[1].equals("no")) {
            if (invitations.decline(parts[0], turn.now())) {
                due.cancel(InvitationMessages.reminderKey(parts[0]));
            }
            turn.answered(question, Questions.Outcome.of("invitation.outcome.declined", name));
            turn.reply("invitation.declined", name);
            return;
        }
        Optional<Role> role = Role.parse(parts[1]).filter(r -> r != Role.BOTH);
        if (role.isEmpty()) {
            turn.reply("invitation.gone");
            return;
        }
        turn.answered(question, t -> t.rich("invitation.outcome.joining", name,
                t.get(role.get().labelKey()).toLowerCase(t.locale())));
        intake.begin(turn, program.get(), role);
    }
}

package org.tandem.core.intake;

import java.util.List;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;
import org.tandem.core.program.Programs;

/** {@code profile}: shows what Tandem stores about the person, with "Edit" buttons. */
public final class ProfileFlow implements Flow {

    private final Programs programs;
    private final Enrollments enrollments;

    public ProfileFlow(Programs programs, Enrollments enrollments) {
        this.programs = programs;
        this.enrollments = enrollments;
    }

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("profile", Audience.PARTICIPANT, "help.usage.profile",
                "help.about.profile"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        turn.reply(ProfileView.render(turn.t(), turn.person(), enrollments.of(turn.who()), programs));
    }
}

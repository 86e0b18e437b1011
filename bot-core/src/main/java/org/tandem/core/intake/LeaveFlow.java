package org.tandem.core.intake;

import java.util.List;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;

/** {@code leave}: withdraws from the programme after a confirmation. */
public final class LeaveFlow implements Flow {

    static final String ID = "leave";
    static final String CONFIRM = ID + ".confirm";

    private final Enrollments enrollments;

    public LeaveFlow(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("leave", Audience.PARTICIPANT, "help.usage.leave", "help.about.leave"));
    }

    @Override
    public Set<String> actions() {
        return Set.of(CONFIRM);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (enrollments.find(turn.who(), JoinFlow.DEFAULT_PROGRAM).isEmpty()) {
            turn.reply("leave.not-enrolled");
            return;
        }
        turn.reply(Message.builder()
                .text(turn.t().rich("leave.confirm"))
                .buttons(List.of(
                        new Block.Button(CONFIRM, turn.t().get("leave.yes"), "yes", Block.Style.DANGER),
                        new Block.Button(CONFIRM, turn.t().get("leave.no"), "no")))
                .build());
    }

    @Override
    public void onClick(Turn turn, Input.Click click) {
        if (!"yes".equals(click.value())) {
            turn.reply("leave.kept");
            return;
        }
        if (enrollments.withdraw(turn.who(), JoinFlow.DEFAULT_PROGRAM)) {
            turn.reply("leave.done");
        } else {
            turn.reply("leave.not-enrolled");
        }
    }
}

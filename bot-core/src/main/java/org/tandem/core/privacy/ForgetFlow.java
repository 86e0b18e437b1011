package org.tandem.core.privacy;

import java.util.List;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Turn;

/**
 * {@code forget-me}: says what will be erased and what stays, and erases after a confirmation. The answer comes
 * after the erasure, so "done" is only said when it is done.
 */
public final class ForgetFlow implements Flow {

    static final String ID = "forget";
    static final String CONFIRM = ID + ".confirm";

    private final Erasure erasure;

    public ForgetFlow(Erasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("forget-me", Audience.PARTICIPANT, "help.usage.forget-me",
                "help.about.forget-me"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(CONFIRM, Access.SELF, this::confirmed);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        turn.reply(Message.builder()
                .text(turn.t().rich("forget.confirm"))
                .text(turn.t().rich("forget.what"))
                .context(turn.t().rich("forget.tip"))
                .buttons(List.of(
                        new Block.Button(CONFIRM, turn.t().get("forget.yes"), "yes", Block.Style.DANGER),
                        new Block.Button(CONFIRM, turn.t().get("forget.no"), "no")))
                .build());
    }

    private void confirmed(Turn turn, Input.Click click) {
        turn.chosen(click);
        if (!click.value().equals("yes")) {
            turn.reply("forget.kept");
            return;
        }
        Erasure.Erased erased = erasure.forget(turn.who(), turn.now());
        int ended = erased.pairsEnded();
        MessageRef done = turn.reply(ended == 0 ? "forget.done" : "forget.done-pairs", ended);
        // last: the adapters drop this answer too, once it is delivered
        erasure.dropCopies(erased, done);
    }
}

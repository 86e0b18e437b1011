package org.tandem.core.basics;

import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Turn;

/**
 * Every form's <em>Cancel</em> (a click of {@link Block.Form#CANCEL} with the form's id): the dialogue it belonged to
 * ends, and the form turns into "Cancelled". The person's own form: whoever clicks cancels only theirs.
 */
public final class FormCancel implements Flow {

    @Override
    public String id() {
        return "form";
    }

    @Override
    public void bind(Bindings on) {
        on.click(Block.Form.CANCEL, Access.SELF, this::cancel);
    }

    private void cancel(Turn turn, Input.Click click) {
        if (turn.state().isPresent()) {
            turn.clearState();
        }
        int closed = turn.answered(turn.formQuestion(click.value()), Questions.Outcome.of("form.cancelled"));
        if (closed == 0) {
            turn.reply("cancel.done");
        }
    }
}

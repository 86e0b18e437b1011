package org.tandem.core.pairs;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;

/** A mentor's answer to a request: accept, or decline with an optional reason only coordinators see. */
public final class RequestFlow implements Flow {

    static final String ID = "request";
    static final String ACCEPT = ID + ".accept";
    static final String DECLINE = ID + ".decline";
    static final String DECLINE_FORM = ID + ".decline-form";

    /** The steps of an answer to a request: the mentor writes why they decline. */
    enum Step { DECLINE }

    private final Pairs pairs;
    private final Pairing pairing;

    public RequestFlow(Pairs pairs, Pairing pairing) {
        this.pairs = pairs;
        this.pairing = pairing;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(ACCEPT, PairAccess.mentor(pairs), (turn, click) -> answer(turn, click, true))
                .click(DECLINE, PairAccess.mentor(pairs), (turn, click) -> answer(turn, click, false))
                .submit(DECLINE_FORM, Access.SELF, Set.of("reason"), this::declined);
    }

    private void answer(Turn turn, Input.Click click, boolean accept) {
        Optional<Pair> pair = pairs.find(click.value());
        if (pair.isEmpty() || pair.get().status() != PairStatus.REQUESTED) {
            turn.reply("pair.request.gone");
            return;
        }
        if (accept) {
            if (pairing.accept(turn.who(), pair.get().id())) {
                turn.reply("pair.accepted");
            } else {
                turn.reply("pair.request.gone");
            }
            return;
        }
        turn.save(ConversationState.start(ID, Step.DECLINE).with("pair", pair.get().id()));
        turn.reply(Message.of(new FormBuilder(DECLINE_FORM, turn.t().get("pair.decline.title"), turn.t(), Map.of(),
                Map.of()).textarea("reason", "pair.decline.reason", false, 1000, "pair.decline.reason.hint")
                .build("pair.decline.submit")));
    }

    private void declined(Turn turn, Input.Submit submit) {
        Optional<ConversationState> state = turn.state().filter(s -> s.in(ID, Step.DECLINE));
        if (state.isEmpty()) {
            turn.reply("pair.request.gone");
            return;
        }
        FormCheck check = new FormCheck(submit, turn.t());
        String reason = check.text("reason", false, 1000);
        if (!check.ok()) {
            turn.reply(Message.of(new FormBuilder(DECLINE_FORM, turn.t().get("pair.decline.title"), turn.t(),
                    check.submitted(), check.errors()).textarea("reason", "pair.decline.reason", false, 1000,
                    "pair.decline.reason.hint").build("pair.decline.submit")));
            return;
        }
        turn.clearState();
        turn.reply(pairing.decline(turn.who(), state.get().string("pair"), reason) ? "pair.decline.done"
                : "pair.request.gone");
    }
}

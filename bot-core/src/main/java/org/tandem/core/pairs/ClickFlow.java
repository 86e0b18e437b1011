package org.tandem.core.pairs;

import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;

/** The answers to "did it click?": {@code pairId:round:yes|unsure|no}. */
public final class ClickFlow implements Flow {

    static final String ID = "click";
    static final String ANSWER = ID + ".answer";

    private final Pairs pairs;
    private final ClickCheck check;

    public ClickFlow(Pairs pairs, ClickCheck check) {
        this.pairs = pairs;
        this.check = check;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(ANSWER, PairAccess.members(pairs), this::answer);
    }

    private void answer(Turn turn, Input.Click click) {
        String[] parts = click.value().split(":");
        Optional<Pair> pair = parts.length == 3 ? pairs.find(parts[0]) : Optional.empty();
        if (pair.isEmpty() || !Set.of("yes", "unsure", "no").contains(parts[2])) {
            turn.reply("click.gone");
            return;
        }
        int round;
        try {
            round = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            turn.reply("click.gone");
            return;
        }
        if (pair.get().status() != PairStatus.INTRODUCED || pair.get().clickRounds() != round) {
            turn.reply("click.gone");
            return;
        }
        boolean noted = check.answer(pair.get(), turn.who(), round, parts[2]);
        if (noted) {
            String choice = parts[2];
            turn.answered(ClickCheck.key(pair.get(), round, turn.who()),
                    t -> t.rich("question.you-chose", t.get("click." + choice)));
        }
        turn.reply(noted ? "click.thanks" : "click.already");
    }
}

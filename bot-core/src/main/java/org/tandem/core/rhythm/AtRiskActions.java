package org.tandem.core.rhythm;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Questions;
import org.tandem.core.conversation.Turn;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;

/**
 * The admin channel's buttons on a pair at risk: once a coordinator acted, the notice shows who did what, the
 * check-in left open closes, and the rhythm asks afresh.
 */
final class AtRiskActions {

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final CheckIns checkIns;

    AtRiskActions(Rhythm rhythm, Pairs pairs, CheckIns checkIns) {
        this.pairs = pairs;
        this.rhythm = rhythm;
        this.checkIns = checkIns;
    }

    /** A coordinator nudged the pair (both are told), or said they reach out themselves. */
    void act(Turn turn, Input.Click click, boolean nudge) {
        Optional<Pair> pair = pairs.find(click.value()).filter(p -> p.scope().equals(turn.who().scope()));
        if (pair.isEmpty() || pair.get().status() != PairStatus.ACTIVE) {
            turn.reply("checkin.gone");
            return;
        }
        // a coordinator acted: the nudges may start again, and the next reminder is a week away
        Pair p = pairs.coordinatorActed(pair.get().id(), turn.now()).orElse(pair.get());
        String coordinator = turn.person().displayName();
        turn.answered(CheckIns.atRiskKey(p), t -> t.rich(nudge ? "checkin.outcome.nudged"
                : "checkin.outcome.reaching-out", coordinator, t.date(turn.now(), ZoneOffset.UTC)));
        // the question left open closes: the rhythm asks afresh
        rhythm.questions.closeAll(p.id() + "|checkin|", Questions.Outcome.of("question.closed.superseded"));
        checkIns.replan(p, rhythm.cadenceAfter(p, turn.now()));
        if (nudge) {
            for (var who : List.of(p.mentee(), p.mentor())) {
                rhythm.tell(who, "checkin.coordinator-nudge", rhythm.name(p.other(who)));
            }
            turn.reply("checkin.nudged", rhythm.name(p.mentee()), rhythm.name(p.mentor()));
        } else {
            turn.reply("checkin.reaching-out", turn.person().displayName(), rhythm.name(p.mentee()),
                    rhythm.name(p.mentor()));
        }
    }
}

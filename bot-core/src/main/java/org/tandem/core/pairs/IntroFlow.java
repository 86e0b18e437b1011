package org.tandem.core.pairs;

import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;

/** The introduction's buttons: "We have scheduled it" and "We have met" (which starts the click check). */
public final class IntroFlow implements Flow {

    static final String ID = "intro";
    static final String SCHEDULED = ID + ".scheduled";
    static final String MET = ID + ".met";

    private final Pairs pairs;
    private final Meetings meetings;
    private final ClickCheck clickCheck;

    public IntroFlow(Pairs pairs, Meetings meetings, ClickCheck clickCheck) {
        this.pairs = pairs;
        this.meetings = meetings;
        this.clickCheck = clickCheck;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> actions() {
        return Set.of(SCHEDULED, MET);
    }

    @Override
    public void onClick(Turn turn, Input.Click click) {
        Optional<Pair> pair = pairs.find(click.value())
                .filter(p -> p.mentee().equals(turn.who()) || p.mentor().equals(turn.who()));
        if (pair.isEmpty() || pair.get().status() != PairStatus.INTRODUCED) {
            turn.reply("intro.gone");
            return;
        }
        if (click.actionId().equals(SCHEDULED)) {
            pairs.note(pair.get().id(), com.mongodb.client.model.Updates.set("scheduledAt",
                    java.util.Date.from(turn.now())));
            turn.reply("intro.scheduled.thanks");
            return;
        }
        // "introduced" and "met" are different facts: the first meeting is logged like every later one
        if (meetings.log(pair.get(), java.time.LocalDate.ofInstant(turn.now(), java.time.ZoneOffset.UTC), turn.who(),
                turn.now())) {
            pairs.met(pair.get().id(), turn.now());
        }
        turn.reply("intro.met.thanks");
        clickCheck.ask(pair.get(), 0);
    }
}

package org.tandem.core.pairs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.module.Events;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * "Did it click?", asked of each side privately after the first conversation. Both yes: the pair is ACTIVE.
 * Any no: a no-fault ending, and nobody learns who said what. Not sure: one more conversation, then again.
 */
public final class ClickCheck {

    private final Pairs pairs;
    private final Programs programs;
    private final People people;
    private final Messenger messenger;
    private final Clock clock;
    private final Pairing pairing;
    private final PairTimers timers;
    private final Events events;

    public ClickCheck(Pairs pairs, Programs programs, People people, Messenger messenger, Clock clock,
                      Pairing pairing, PairTimers timers, Events events) {
        this.timers = timers;
        this.events = events;
        this.pairs = pairs;
        this.programs = programs;
        this.people = people;
        this.messenger = messenger;
        this.clock = clock;
        this.pairing = pairing;
    }

    /** Asks both sides, once per round (a second "We have met" or a late reminder sends nothing). */
    public void ask(Pair pair, int round) {
        if (!pairs.claimClickAsk(pair.id(), round)) {
            return;
        }
        for (PersonRef who : List.of(pair.mentee(), pair.mentor())) {
            Texts t = people.texts(who);
            String v = pair.id() + ":" + round + ":";
            messenger.send(Address.person(who), Message.builder()
                    .text(t.rich(round == 0 ? "click.ask" : "click.ask-again", people.name(pair.other(who))))
                    .buttons(List.of(
                            new Block.Button(ClickFlow.ANSWER, t.get("click.yes"), v + "yes", Block.Style.PRIMARY),
                            new Block.Button(ClickFlow.ANSWER, t.get("click.unsure"), v + "unsure"),
                            new Block.Button(ClickFlow.ANSWER, t.get("click.no"), v + "no")))
                    .context(t.rich("click.private", people.name(pair.other(who))))
                    .build().asking(key(pair, round, who), t.locale()));
        }
    }

    /** The key of one side's "did it click?" question in a round. */
    static String key(Pair pair, int round, PersonRef who) {
        return pair.id() + "|click|" + round + "|" + pair.roleOf(who);
    }

    /** Records one answer; when both are in, decides. Returns false when this side already answered. */
    public boolean answer(Pair pair, PersonRef who, int round, String answer) {
        Optional<Pair> after = pairs.answerClick(pair.id(), pair.roleOf(who), answer, round);
        if (after.isEmpty()) {
            return false;
        }
        String mine = after.get().clicks().get("mentee");
        String theirs = after.get().clicks().get("mentor");
        if (mine != null && theirs != null) {
            decide(after.get(), round, mine, theirs);
        }
        return true;
    }

    private void decide(Pair pair, int round, String mentee, String mentor) {
        String program = programs.find(pair.program()).map(Program::name).orElse("?");
        if (mentee.equals("no") || mentor.equals("no")) {
            pairs.missClick(pair.id(), clock.instant())
                    .ifPresent(p -> {
                        pairing.tell(p.mentee(), "click.no-click.mentee", people.name(p.mentor()));
                        pairing.tell(p.mentor(), "click.no-click.mentor", people.name(p.mentee()));
                        pairing.toAdmin(p, "click.admin.no-click", program, people.name(p.mentee()));
                    });
        } else if (mentee.equals("yes") && mentor.equals("yes")) {
            pairs.activate(pair.id(), clock.instant())
                    .ifPresent(p -> {
                        // what must follow first (it is kept for the sweep if it fails), the news after
                        events.publish(new PairActivated(p));
                        pairing.tell(p.mentee(), "click.active", people.name(p.mentor()));
                        pairing.tell(p.mentor(), "click.active", people.name(p.mentee()));
                        pairing.toAdmin(p, "click.admin.active", program, people.name(p.mentee()),
                                people.name(p.mentor()));
                    });
        } else {
            pairs.newClickRound(pair.id(), round).ifPresent(p -> {
                pairing.tell(p.mentee(), "click.one-more", people.name(p.mentor()));
                pairing.tell(p.mentor(), "click.one-more", people.name(p.mentee()));
                timers.askClickLater(p, round + 1, clock.instant().plus(PairTimers.CLICK_AGAIN));
            });
        }
    }
}

package org.tandem.core.pairs;

import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * One of the two ends their mentoring (without leaving the programme): asked first, with what happens; then the
 * other is told kindly, without a reason, and the coordinators are told who ended which pair.
 */
public final class EndFlow implements Flow {

    static final String ID = "pairend";
    /** The button that asks; its value is the pair's id. */
    public static final String ASK = ID + ".ask";
    static final String CONFIRM = ID + ".confirm";

    private final Pairs pairs;
    private final Programs programs;
    private final People people;
    private final Pairing pairing;

    EndFlow(Pairs pairs, Programs programs, People people, Pairing pairing) {
        this.pairs = pairs;
        this.programs = programs;
        this.people = people;
        this.pairing = pairing;
    }

    /** The button that offers to end a pair, for one of its two people. */
    public static Block.Button button(Texts t, Pair pair) {
        return new Block.Button(ASK, t.get("pair.end.button"), pair.id(), Block.Style.DANGER);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(ASK, PairAccess.members(pairs), this::ask)
                .click(CONFIRM, PairAccess.members(pairs), this::confirmed);
    }

    private Optional<Pair> open(Turn turn, String id) {
        Optional<Pair> pair = pairs.find(id).filter(p -> p.status().open());
        if (pair.isEmpty()) {
            turn.reply("pair.end.gone");
        }
        return pair;
    }

    private void ask(Turn turn, Input.Click click) {
        open(turn, click.value()).ifPresent(p -> {
            Texts t = turn.t();
            String other = people.name(p.other(turn.who()));
            turn.reply(Message.builder()
                    .text(t.rich("pair.end.confirm", other))
                    .context(t.rich("pair.end.what-happens", other, program(p)))
                    .buttons(List.of(
                            new Block.Button(CONFIRM, t.get("pair.end.yes"), p.id() + ":yes", Block.Style.DANGER),
                            new Block.Button(CONFIRM, t.get("pair.end.no"), p.id() + ":no")))
                    .build());
        });
    }

    private void confirmed(Turn turn, Input.Click click) {
        turn.chosen(click);
        String[] parts = click.value().split(":", 2);
        if (parts.length != 2 || !parts[1].equals("yes")) {
            turn.reply("pair.end.kept");
            return;
        }
        Optional<Pair> pair = open(turn, parts[0]);
        if (pair.isEmpty()) {
            return;
        }
        PersonRef who = turn.who();
        Pairs.EndedBy by = pair.get().mentee().equals(who) ? Pairs.EndedBy.MENTEE : Pairs.EndedBy.MENTOR;
        Optional<Pair> ended = pairs.end(pair.get().id(), by, turn.now());
        if (ended.isEmpty()) {
            turn.reply("pair.end.gone");
            return;
        }
        Pair p = ended.get();
        PersonRef other = p.other(who);
        turn.reply("pair.end.done", people.name(other));
        pairing.tell(other, other.equals(p.mentee()) ? "pair.end.told.mentee" : "pair.end.told.mentor",
                people.name(who), program(p));
        pairing.toAdmin(p, "pair.end.admin", people.name(who), people.name(other), program(p));
    }

    private String program(Pair p) {
        return programs.find(p.program()).map(Program::name).orElse("?");
    }
}

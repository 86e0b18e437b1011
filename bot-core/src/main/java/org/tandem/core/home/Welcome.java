package org.tandem.core.home;

import java.util.List;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.people.People;
import org.tandem.core.program.Programs;

/**
 * The first words Tandem says: to a person the first time they open it (what Tandem is, one button to start), to a
 * team's channel it was added to (the same, for everyone, with a button that opens a private conversation), and to
 * the coordinators' channel (where to begin, once per coordinator). A person already enrolled, or welcomed before,
 * hears nothing new.
 */
final class Welcome implements Flow {

    static final String ID = "welcome";
    /** The group welcome's button: the person who presses it is written to privately. */
    static final String START = ID + ".start";

    private final People people;
    private final Programs programs;
    private final Enrollments enrollments;

    Welcome(People people, Programs programs, Enrollments enrollments) {
        this.people = people;
        this.programs = programs;
        this.enrollments = enrollments;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(START, Access.SELF, this::start);
    }

    @Override
    public boolean onArrival(Turn turn) {
        Texts t = turn.t();
        if (turn.place() instanceof Place.Direct) {
            if (people.welcome(turn.who(), turn.now()) && enrollments.of(turn.who()).isEmpty()) {
                turn.reply(personal(t, turn.person().displayName(), turn));
            }
        } else if (turn.place() instanceof Place.Admin) {
            if (!people.welcomeCoordinator(turn.who(), turn.now())) {
                return true;
            }
            turn.reply(Message.builder().text(t.rich("welcome.admin"))
                    .buttons(List.of(CommandButtons.primary(t.get("welcome.button.templates"), "program templates")))
                    .build());
        } else {
            turn.reply(Message.builder().text(t.rich("welcome.team"))
                    .buttons(List.of(new Block.Button(START, t.get("welcome.button.join"), "", Block.Style.PRIMARY)))
                    .build());
        }
        return true;
    }

    /** In the person's own conversation it is {@code join}; in a team's channel, a private welcome. */
    private void start(Turn turn, Input.Click click) {
        if (turn.place() instanceof Place.Direct) {
            turn.run(Input.Command.parse("join"));
            return;
        }
        people.welcome(turn.who(), turn.now());
        Texts t = people.texts(turn.who());
        turn.messenger().send(Address.person(turn.who()), personal(t, people.name(turn.who()), turn));
        turn.whisper(Message.text(turn.t().rich("welcome.written")));
    }

    private Message personal(Texts t, String name, Turn turn) {
        boolean open = !programs.enrolling(turn.who().scope()).isEmpty();
        Message.Builder m = Message.builder().text(t.rich("welcome.person", name));
        if (open) {
            return m.buttons(List.of(CommandButtons.primary(t.get("welcome.button.join"), "join"))).build();
        }
        return m.context(t.rich("welcome.none-open"))
                .buttons(List.of(CommandButtons.button(t.get("welcome.button.help"), "help"))).build();
    }
}

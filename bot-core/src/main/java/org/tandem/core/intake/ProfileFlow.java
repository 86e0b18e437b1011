package org.tandem.core.intake;

import java.util.List;
import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Turn;
import org.tandem.core.people.People;

/**
 * {@code profile}: shows what Tandem stores about the person, with "Edit" buttons; a mentor there shows or hides what
 * they gave to mentees choosing a mentor.
 */
public final class ProfileFlow implements Flow {

    static final String ID = "profile";
    static final String SHOW_GIVEN = ID + ".show-given";
    static final String HIDE_GIVEN = ID + ".hide-given";

    private final ProfileView view;
    private final People people;

    ProfileFlow(ProfileView view, People people) {
        this.view = view;
        this.people = people;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("profile", Audience.PARTICIPANT, "help.usage.profile",
                "help.about.profile"));
    }

    /** The consent is the mentor's own: the button names them, and nobody else may use it. */
    @Override
    public void bind(Bindings on) {
        Access mentor = Access.named(ProfileFlow::named);
        on.click(SHOW_GIVEN, mentor, (turn, click) -> toggle(turn, click, true))
                .click(HIDE_GIVEN, mentor, (turn, click) -> toggle(turn, click, false));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        turn.reply(view.of(turn));
    }

    /** The value is the mentor's key; anything else names nobody (a stale or forged button). */
    private static Set<PersonRef> named(String value) {
        try {
            return Set.of(PersonRef.fromKey(value));
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    private void toggle(Turn turn, Input.Click click, boolean show) {
        turn.chosen(click);
        boolean changed = people.showGiven(turn.who(), show, turn.now());
        turn.reply(show ? changed ? "profile.gave.now-shown" : "profile.gave.already-shown"
                : changed ? "profile.gave.now-hidden" : "profile.gave.already-hidden");
        turn.reply(view.of(turn));
    }
}

package org.tandem.core.home;

import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;

/** The home view's buttons: each stands for a command (help, join, profile) and runs it as if typed. */
public final class HomeFlow implements Flow {

    static final String ID = "home";
    /** A button whose value is the command it runs. */
    public static final String RUN = ID + ".run";
    private static final Set<String> COMMANDS = Set.of("help", "join", "profile");

    @Override
    public String id() {
        return ID;
    }

    /** A command run as the person: {@link Turn#run} checks where it may be used, as if it were typed. */
    @Override
    public void bind(Bindings on) {
        on.click(RUN, Access.SELF, this::run);
    }

    private void run(Turn turn, Input.Click click) {
        if (!COMMANDS.contains(click.value())) {
            turn.reply("error.stale-action");
            return;
        }
        turn.run(Input.Command.parse(click.value()));
    }
}

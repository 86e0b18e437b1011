package org.tandem.core.home;

import java.util.Set;
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

    @Override
    public Set<String> actions() {
        return Set.of(RUN);
    }

    @Override
    public void onClick(Turn turn, Input.Click click) {
        if (!COMMANDS.contains(click.value())) {
            turn.reply("error.stale-action");
            return;
        }
        turn.run(Input.Command.parse(click.value()));
    }
}

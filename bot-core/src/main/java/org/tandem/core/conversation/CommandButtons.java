package org.tandem.core.conversation;

/**
 * Buttons that stand for a command line, run as if the person had typed it ("match Leadership", "help"): what
 * Tandem offers where it would otherwise ask the person to type (which programme, which command they meant). The
 * line is checked as a typed one is: its first word must be a command, usable by this person in this place.
 */
public final class CommandButtons implements Flow {

    static final String ID = "command";
    /** A button whose value is the command line it runs. */
    public static final String RUN = ID + ".run";
    /** The same, leaving the message it is on as it is: one of several things the person may do there. */
    public static final String OFFER = ID + ".offer";

    /** A button labelled {@code label} that runs {@code line}. */
    public static Block.Button button(String label, String line) {
        return new Block.Button(RUN, label, line);
    }

    /** The same, shown as the main choice. */
    public static Block.Button primary(String label, String line) {
        return new Block.Button(RUN, label, line, Block.Style.PRIMARY);
    }

    /**
     * A button that runs {@code line} and leaves its message open: for a question whose other buttons still answer
     * it ("Find a time" beside "We have met").
     */
    public static Block.Button keeping(String label, String line) {
        return new Block.Button(OFFER, label, line);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void bind(Bindings on) {
        on.click(RUN, Access.SELF, (turn, click) -> run(turn, click, true))
                .click(OFFER, Access.SELF, (turn, click) -> run(turn, click, false));
    }

    private void run(Turn turn, Input.Click click, boolean closes) {
        Input.Command typed = Input.Command.parse(click.value());
        if (click.value().isBlank() || !turn.commandWords().containsKey(Router.fold(typed.name()))) {
            turn.reply("error.stale-action");
            return;
        }
        if (closes) {
            turn.chosen(click);
        }
        turn.run(typed);
    }
}

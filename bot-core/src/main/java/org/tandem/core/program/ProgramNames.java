package org.tandem.core.program;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.CommandButtons;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;

/**
 * Finds the programme a coordinator named: the exact name (any case), else a unique partial match, else the only
 * programme there is; otherwise says which exist, each as a button that runs the command again with its name.
 */
public final class ProgramNames {

    /** Past this many programmes, they are named but not offered as buttons. */
    static final int MAX_BUTTONS = 10;

    private ProgramNames() {
    }

    /**
     * @param again the command line without the programme's name ({@code match confirm}): each programme offered
     *              is a button that runs it with that programme's name
     */
    public static Optional<Program> resolve(Turn turn, Programs programs, String typed, String again) {
        List<Program> all = programs.all(turn.who().scope());
        if (typed.isEmpty()) {
            if (all.size() == 1) {
                return Optional.of(all.get(0));
            }
            if (all.isEmpty()) {
                turn.reply("programs.none");
            } else {
                offer(turn, again, all, turn.t().rich("program.which", names(all)));
            }
            return Optional.empty();
        }
        Optional<Program> exact = programs.findByName(turn.who().scope(), typed);
        if (exact.isPresent()) {
            return exact;
        }
        String needle = typed.toLowerCase(Locale.ROOT);
        List<Program> partial = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
        if (partial.size() == 1) {
            return Optional.of(partial.get(0));
        }
        List<Program> offered = partial.isEmpty() ? all : partial;
        offer(turn, again, offered, turn.t().rich(partial.isEmpty() ? "program.not-found" : "program.ambiguous",
                typed, names(offered)));
        return Optional.empty();
    }

    /** The question, with the programmes as buttons (a handful; past that, the names are there to type). */
    private static void offer(Turn turn, String again, List<Program> offered, Rich question) {
        Message.Builder m = Message.builder().text(question);
        if (!offered.isEmpty() && offered.size() <= MAX_BUTTONS) {
            m.buttons(offered.stream().map(p -> CommandButtons.button(p.name(), again + " " + p.name())).toList());
        }
        turn.reply(m.build());
    }

    static String names(List<Program> programs) {
        return programs.isEmpty() ? "—" : String.join(", ", programs.stream().map(Program::name).toList());
    }
}

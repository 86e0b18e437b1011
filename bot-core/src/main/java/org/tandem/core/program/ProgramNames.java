package org.tandem.core.program;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.Turn;

/**
 * Finds the programme a coordinator named: the exact name (any case), else a unique partial match, else the only
 * programme there is; otherwise says which names exist.
 */
public final class ProgramNames {

    private ProgramNames() {
    }

    public static Optional<Program> resolve(Turn turn, Programs programs, String typed) {
        List<Program> all = programs.all(turn.who().scope());
        if (typed.isEmpty()) {
            if (all.size() == 1) {
                return Optional.of(all.get(0));
            }
            turn.reply(all.isEmpty() ? "programs.none" : "program.which", names(all));
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
        turn.reply(partial.isEmpty() ? "program.not-found" : "program.ambiguous", typed,
                names(partial.isEmpty() ? all : partial));
        return Optional.empty();
    }

    static String names(List<Program> programs) {
        return programs.isEmpty() ? "—" : String.join(", ", programs.stream().map(Program::name).toList());
    }
}

package org.tandem.core.program;

import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Turn;

/**
 * {@code kudos PROGRAMME #channel} names the channel where a mentee's thank-you to their mentor may be posted, once
 * both agreed; {@code kudos PROGRAMME off} names none. Without one, a closing reflection does not offer it. The
 * dispatcher's trail keeps the command in the audit log, as every coordinator command.
 */
final class RecognitionFlow implements Flow {

    static final String ID = "kudos";

    private final Programs programs;

    RecognitionFlow(Programs programs) {
        this.programs = programs;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("kudos", Audience.COORDINATOR, "help.usage.kudos", "help.about.kudos"));
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        String rest = command.rest();
        int space = rest.lastIndexOf(' ');
        String typed = space < 0 ? "" : rest.substring(space + 1);
        boolean off = typed.equalsIgnoreCase("off");
        if (!off && !(typed.startsWith("#") || typed.startsWith("<"))) {
            turn.reply("kudos.usage");
            return;
        }
        Optional<Program> program = ProgramNames.resolve(turn, programs, rest.substring(0, space).strip(), "kudos");
        if (program.isEmpty()) {
            return;
        }
        Program p = program.get();
        if (off) {
            programs.recognition(p.id(), Optional.empty());
            turn.reply("kudos.off", p.name());
            return;
        }
        Optional<ChannelRef> channel = turn.channelNamed(p.scope(), typed, "announce.no-channel");
        if (channel.isEmpty()) {
            return;
        }
        programs.recognition(p.id(), channel);
        turn.reply("kudos.on", p.name(), channel.get().name());
    }
}

package org.tandem.core.invitations;

import java.util.List;
import java.util.Optional;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.IntakeModule;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.ProgramState;
import org.tandem.core.program.Programs;
import org.tandem.core.settings.Settings;

/**
 * {@code announce PROGRAMME #channel}: a short post about the programme in a channel, with a <i>Join</i> button for
 * anyone there. A click starts the programme's intake in the clicker's direct conversation with the bot; the channel
 * sees nothing of it.
 */
final class AnnounceFlow implements Flow {

    static final String ID = "announce";
    static final String JOIN = ID + ".join";

    private final Programs programs;
    private final IntakeModule intake;
    private final AuditLog audit;
    private final Messenger messenger;
    private final Settings settings;

    AnnounceFlow(Programs programs, IntakeModule intake, AuditLog audit, Messenger messenger, Settings settings) {
        this.programs = programs;
        this.intake = intake;
        this.audit = audit;
        this.messenger = messenger;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("announce", Audience.COORDINATOR, "help.usage.announce",
                "help.about.announce"));
    }

    /** Anyone may click: it starts their own intake, and changes nothing of anyone else's. */
    @Override
    public void bind(Bindings on) {
        on.click(JOIN, Access.SELF, this::join);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        String rest = command.rest();
        int space = rest.lastIndexOf(' ');
        String typed = space < 0 ? rest : rest.substring(space + 1);
        if (space < 0 || !(typed.startsWith("#") || typed.startsWith("<"))) {
            turn.reply("announce.usage");
            return;
        }
        Optional<Program> program = ProgramNames.resolve(turn, programs, rest.substring(0, space).strip(),
                "announce");
        if (program.isEmpty()) {
            return;
        }
        Program p = program.get();
        if (!p.state().enrolling()) {
            turn.reply(p.state() == ProgramState.CLOSED ? "invite.closed" : "invite.not-open", p.name());
            return;
        }
        Optional<ChannelRef> channel = turn.channelNamed(p.scope(), typed, "announce.no-channel");
        if (channel.isEmpty()) {
            return;
        }
        // one post for everyone in the channel: in the workspace's language
        Texts t = Texts.of(settings.adminLocale());
        Message.Builder m = Message.builder().text(t.rich("announce.title", p.name()));
        if (!p.spec().description().isEmpty()) {
            m.text(Rich.literal(p.spec().description()));
        }
        messenger.send(Address.channel(channel.get()), m
                .context(t.rich("announce.rhythm", p.spec().durationMonths(), t.get(p.spec().cadence().labelKey())))
                .buttons(List.of(new Block.Button(JOIN, t.get("announce.join"), p.id(), Block.Style.PRIMARY)))
                .context(t.rich("announce.private"))
                .build());
        audit.record(AuditEntry.by(turn.who(), AuditEntry.ANNOUNCE, "#" + channel.get().name(), "admin", turn.now())
                .in(p.id()));
        turn.reply("announce.posted", p.name(), channel.get().name());
    }

    private void join(Turn turn, Input.Click click) {
        Turn privately = turn.direct();
        if (!(turn.place() instanceof Place.Direct)) {
            turn.whisper(Message.text(turn.t().rich("welcome.written")));
        }
        Optional<Program> program = programs.find(click.value()).filter(p -> p.scope().equals(turn.who().scope()));
        if (program.isEmpty()) {
            privately.reply("intake.programme-gone");
            return;
        }
        intake.begin(privately, program.get(), Optional.empty());
    }
}

package org.tandem.core.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.audit.AuditEntry;
import org.tandem.core.audit.AuditLog;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.program.Program;
import org.tandem.core.program.ProgramNames;
import org.tandem.core.program.Programs;
import org.tandem.core.schedule.DueItems;
import org.tandem.core.schedule.FanOut;

/**
 * {@code broadcast PROGRAMME}: a form for the message, then a confirmation with the number of recipients, then
 * one due item per participant ({@link FanOut}), so the sweep's leases and retries apply and sends are spread.
 */
public final class BroadcastFlow implements Flow {

    static final String ID = "broadcast";
    static final String FORM = ID + ".form";
    static final String SEND = ID + ".send";
    static final int MAX_TEXT = 2000;

    /** The steps of a broadcast: its text is being written. */
    enum Step { COMPOSE }

    private final Programs programs;
    private final Enrollments enrollments;
    private final Broadcasts broadcasts;
    private final DueItems due;
    private final AuditLog audit;
    private final Messenger messenger;

    public BroadcastFlow(Programs programs, Enrollments enrollments, Broadcasts broadcasts, DueItems due,
                         AuditLog audit, Messenger messenger) {
        this.messenger = messenger;
        this.programs = programs;
        this.enrollments = enrollments;
        this.broadcasts = broadcasts;
        this.due = due;
        this.audit = audit;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("broadcast", Audience.COORDINATOR, "help.usage.broadcast",
                "help.about.broadcast"));
    }

    @Override
    public void bind(Bindings on) {
        on.submit(FORM, Access.COORDINATORS, Set.of("message"), this::compose)
                .click(SEND, Access.COORDINATORS, this::send);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        if (command.rest().isEmpty()) {
            turn.reply("broadcast.usage");
            return;
        }
        ProgramNames.resolve(turn, programs, command.rest(), "broadcast").ifPresent(p -> {
            turn.save(ConversationState.start(ID, Step.COMPOSE).with("program", p.id()));
            turn.reply(Message.of(form(turn.t(), p, Map.of(), Map.of())));
        });
    }

    private void compose(Turn turn, Input.Submit submit) {
        Optional<Program> program = turn.state().filter(s -> s.in(ID, Step.COMPOSE))
                .flatMap(s -> programs.find(s.string("program")));
        if (program.isEmpty()) {
            turn.reply("broadcast.expired");
            return;
        }
        FormCheck check = new FormCheck(submit, turn.t());
        String text = check.text("message", true, MAX_TEXT);
        if (!check.ok()) {
            turn.reply(Message.of(form(turn.t(), program.get(), check.submitted(), check.errors())));
            return;
        }
        turn.clearState();
        int n = recipients(program.get()).size();
        if (n == 0) {
            turn.reply("broadcast.nobody", program.get().name());
            return;
        }
        Broadcasts.Broadcast draft = broadcasts.draft(program.get().scope(), program.get().id(), text, turn.who(),
                turn.now());
        Texts t = turn.t();
        long minutes = minutes(n, messenger.pace(program.get().scope()));
        turn.reply(Message.builder()
                .text(t.rich("broadcast.confirm", n, program.get().name()))
                .context(Rich.literal(text))
                .context(t.rich("broadcast.duration", minutes))
                .buttons(List.of(
                        new Block.Button(SEND, t.get("broadcast.send", n), draft.id() + ":yes", Block.Style.PRIMARY),
                        new Block.Button(SEND, t.get("broadcast.cancel"), draft.id() + ":no")))
                .build());
    }

    private void send(Turn turn, Input.Click click) {
        turn.chosen(click);
        String[] parts = click.value().split(":", 2);
        boolean send = parts.length == 2 && parts[1].equals("yes");
        Optional<Broadcasts.Broadcast> decided = broadcasts.find(parts[0])
                .filter(b -> b.scope().equals(turn.who().scope()))
                .flatMap(b -> broadcasts.decide(b.id(), send ? Broadcasts.Status.SENT : Broadcasts.Status.CANCELLED,
                        turn.now()));
        if (decided.isEmpty()) {
            turn.reply("broadcast.gone");
            return;
        }
        if (!send) {
            turn.reply("broadcast.cancelled");
            return;
        }
        Program program = programs.find(decided.get().program()).orElseThrow();
        List<PersonRef> to = recipients(program);
        Pace pace = messenger.pace(program.scope());
        FanOut.plan(due, BroadcastDelivery.KIND, decided.get().id(), to,
                Map.of("broadcast", decided.get().id(), "program", program.id()), turn.now(), pace);
        broadcasts.recipients(decided.get().id(), to.size());
        audit.record(AuditEntry.by(turn.who(), AuditEntry.BROADCAST, decided.get().id(), "admin", turn.now())
                .in(program.id()).counting(to.size()));
        turn.reply("broadcast.sent", to.size(), program.name(), minutes(to.size(), pace));
    }

    /** How many minutes sending to {@code n} people takes at the workspace's pace, rounded up (0: at once). */
    private static long minutes(int n, Pace pace) {
        return (FanOut.spread(n, pace).toSeconds() + 59) / 60;
    }

    private List<PersonRef> recipients(Program program) {
        return enrollments.inProgram(program.id()).stream().map(Enrollment::person).toList();
    }

    private static Block.Form form(Texts t, Program p, Map<String, List<String>> values, Map<String, String> errors) {
        return new FormBuilder(FORM, t.get("broadcast.form.title", p.name()), t, values, errors)
                .textarea("message", "broadcast.form.message", true, MAX_TEXT, "broadcast.form.hint")
                .build("broadcast.form.submit");
    }
}

package org.tandem.core.intake;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Bindings;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.Turn;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.module.Events;
import org.tandem.core.program.Program;
import org.tandem.core.program.Programs;

/**
 * {@code leave}: withdraws from a programme after a confirmation. The person's answers are deleted; the admin
 * channel is told who left which programme, and nothing else.
 */
public final class LeaveFlow implements Flow {

    static final String ID = "leave";
    static final String PROGRAM = ID + ".program";
    static final String CONFIRM = ID + ".confirm";

    private final Programs programs;
    private final Enrollments enrollments;
    private final Function<Scope, Texts> adminTexts;
    private final Events events;

    /** @param adminTexts the texts of a workspace's admin channel */
    public LeaveFlow(Programs programs, Enrollments enrollments, Function<Scope, Texts> adminTexts, Events events) {
        this.programs = programs;
        this.enrollments = enrollments;
        this.adminTexts = adminTexts;
        this.events = events;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("leave", Audience.PARTICIPANT, "help.usage.leave", "help.about.leave"));
    }

    @Override
    public void bind(Bindings on) {
        on.click(PROGRAM, Access.SELF, (turn, click) -> {
            turn.chosen(click);
            confirm(turn, click.value());
        })
                .click(CONFIRM, Access.SELF, this::confirmed);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        List<Enrollment> mine = enrollments.of(turn.who());
        if (mine.isEmpty()) {
            turn.reply("leave.not-enrolled");
        } else if (mine.size() == 1) {
            confirm(turn, mine.get(0).program());
        } else {
            turn.reply(Message.builder()
                    .text(turn.t().rich("leave.which"))
                    .buttons(mine.stream().map(e -> new Block.Button(PROGRAM, name(e.program()), e.program())).toList())
                    .build());
        }
    }

    private void confirmed(Turn turn, Input.Click click) {
        turn.chosen(click);
        String[] parts = click.value().split(":", 2);
        if (parts.length != 2 || !parts[1].equals("yes")) {
            turn.reply("leave.kept");
            return;
        }
        Optional<Enrollment> e = enrollments.find(turn.who(), parts[0]);
        if (e.isEmpty() || !enrollments.withdraw(turn.who(), parts[0])) {
            turn.reply("leave.not-enrolled");
            return;
        }
        turn.reply("leave.done", name(parts[0]));
        events.publish(new PersonLeft(turn.who(), parts[0]));
        Texts admin = adminTexts.apply(turn.who().scope());
        turn.messenger().send(Address.admin(turn.who().scope()), Message.text(admin.rich(
                "leave.admin-notice", turn.person().displayName(), name(parts[0]), admin.get(e.get().role().labelKey()))));
    }

    private void confirm(Turn turn, String program) {
        if (enrollments.find(turn.who(), program).isEmpty()) {
            turn.reply("leave.not-enrolled");
            return;
        }
        turn.reply(Message.builder()
                .text(turn.t().rich("leave.confirm", name(program)))
                .context(turn.t().rich("leave.what-happens"))
                .buttons(List.of(
                        new Block.Button(CONFIRM, turn.t().get("leave.yes"), program + ":yes", Block.Style.DANGER),
                        new Block.Button(CONFIRM, turn.t().get("leave.no"), program + ":no")))
                .build());
    }

    private String name(String program) {
        return programs.find(program).map(Program::name).orElse("?");
    }
}

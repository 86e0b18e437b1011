package org.tandem.core.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.CommandSpec;
import org.tandem.core.conversation.CommandSpec.Audience;
import org.tandem.core.conversation.ConversationState;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Turn;

/** {@code join}: asks the role with buttons and stores the answer. */
public final class JoinFlow implements Flow {

    static final String ID = "join";
    static final String ROLE = ID + ".role";
    static final String STEP_ROLE = "role";
    static final String DEFAULT_PROGRAM = "default";

    private final Enrollments enrollments;

    public JoinFlow(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(new CommandSpec("join", Audience.PARTICIPANT, "help.usage.join", "help.about.join"));
    }

    @Override
    public Set<String> actions() {
        return Set.of(ROLE);
    }

    @Override
    public void onCommand(Turn turn, Input.Command command) {
        Optional<Enrollment> existing = enrollments.find(turn.who(), DEFAULT_PROGRAM);
        if (existing.isPresent()) {
            turn.reply("join.already", turn.t().get(existing.get().role().labelKey()));
            return;
        }
        turn.save(ConversationState.start(ID, STEP_ROLE));
        turn.reply(Message.builder()
                .text(turn.t().rich("join.welcome", turn.person().displayName()))
                .text(turn.t().rich("join.ask-role"))
                .buttons(Arrays.stream(Role.values())
                        .map(r -> new Block.Button(ROLE, turn.t().get(r.labelKey()), r.value()))
                        .toList())
                .build());
    }

    @Override
    public void onClick(Turn turn, Input.Click click) {
        Optional<Role> role = Role.parse(click.value());
        if (role.isEmpty()) {
            turn.reply("join.bad-role");
            return;
        }
        Enrollment stored = enrollments.enroll(turn.who(), DEFAULT_PROGRAM, role.get(), turn.now());
        turn.clearState();
        if (stored.role() != role.get()) {
            turn.reply("join.already", turn.t().get(stored.role().labelKey()));
            return;
        }
        turn.reply("join.done", turn.t().get(stored.role().labelKey()));
    }

    @Override
    public boolean onText(Turn turn, ConversationState state, String text) {
        if (state.in(ID, STEP_ROLE)) {
            Optional<Role> typed = Role.parse(text.toLowerCase(java.util.Locale.ROOT));
            if (typed.isPresent()) {
                onClick(turn, new Input.Click(ROLE, typed.get().value()));
            } else {
                turn.reply("join.pick-a-button");
            }
            return true;
        }
        return false;
    }
}

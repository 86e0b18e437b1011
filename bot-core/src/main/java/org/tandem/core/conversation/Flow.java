package org.tandem.core.conversation;

import java.util.List;
import java.util.Set;

/**
 * One dialogue of the bot (join, profile, program create…). A flow owns its commands, its action and form ids
 * (constants next to it, prefixed by {@link #id()}), and its named steps; the router hands it what is its own.
 */
public interface Flow {

    /** The prefix of every action and form id this flow owns, and its name in the conversation state. */
    String id();

    default List<CommandSpec> commands() {
        return List.of();
    }

    /** Every action id (button, choice) this flow sends, so that adapters can refuse unknown ones. */
    default Set<String> actions() {
        return Set.of();
    }

    /** Every form id this flow sends. */
    default Set<String> forms() {
        return Set.of();
    }

    default void onCommand(Turn turn, Input.Command command) {
    }

    default void onClick(Turn turn, Input.Click click) {
    }

    default void onSubmit(Turn turn, Input.Submit submit) {
    }

    /**
     * Free text typed while the person's conversation state is in this flow. Returns false when the flow does
     * not wait for text at this step: the text is then read as a command.
     */
    default boolean onText(Turn turn, ConversationState state, String text) {
        return false;
    }
}

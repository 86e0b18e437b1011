package org.tandem.core.conversation;

import java.util.List;

/**
 * One dialogue of the bot (join, profile, program create…). A flow owns its commands, binds its button and form
 * ids (constants next to it, prefixed by {@link #id()}) with who may use each, and names its steps; the router
 * hands it what is its own.
 */
public interface Flow {

    /** The prefix of every action and form id this flow owns, and its name in the conversation state. */
    String id();

    default List<CommandSpec> commands() {
        return List.of();
    }

    /** Binds every button and form id this flow sends, each with its {@link Access} and its handler. */
    default void bind(Bindings on) {
    }

    default void onCommand(Turn turn, Input.Command command) {
    }

    /**
     * Free text typed while the person's conversation state is in this flow. Returns false when the flow does
     * not wait for text at this step: the text is then read as a command.
     */
    default boolean onText(Turn turn, ConversationState state, String text) {
        return false;
    }

    /**
     * A line that starts with no command word ("hello", "hi, I'd like a mentor", a typo): the first flow that
     * returns true answers it (with what to do next); when none does, the person is told the word is unknown.
     */
    default boolean onUnknown(Turn turn, Input.Command typed) {
        return false;
    }

    /**
     * The person arrived ({@link Input.Arrived}): the first flow that returns true answers it; when none does, nothing
     * is said.
     */
    default boolean onArrival(Turn turn) {
        return false;
    }
}

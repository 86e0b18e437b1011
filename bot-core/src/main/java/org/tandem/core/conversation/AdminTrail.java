package org.tandem.core.conversation;

import java.util.List;

/**
 * Where the dispatcher reports what happens at the admin door: each coordinator command run in the admin place,
 * each button or form used there, each coordinator command refused elsewhere, and every button or form refused to
 * someone it was not meant for. The audit log implements it.
 * Only names and ids are reported, never what people typed: the trail must not become a copy of their answers.
 */
public interface AdminTrail {

    /** Records nothing (a core without an audit log, e.g. in a unit test of a single flow). */
    AdminTrail NONE = new AdminTrail() {
    };

    /** A coordinator command was run in the admin place. */
    default void command(Turn turn, CommandSpec spec) {
    }

    /** A button was clicked or a form submitted in the admin place (by its id; the values are not kept). */
    default void input(Turn turn, Input input) {
    }

    /** A coordinator command was refused because it was used outside the admin place. */
    default void refused(Turn turn, CommandSpec spec) {
    }

    /** A button or a form was refused: its user was not one it was meant for (by its id; the value is not kept). */
    default void refused(Turn turn, Input input) {
    }

    /** Several trails, each told everything, in order. */
    static AdminTrail all(List<AdminTrail> trails) {
        List<AdminTrail> copy = List.copyOf(trails);
        return new AdminTrail() {
            @Override
            public void command(Turn turn, CommandSpec spec) {
                copy.forEach(t -> t.command(turn, spec));
            }

            @Override
            public void input(Turn turn, Input input) {
                copy.forEach(t -> t.input(turn, input));
            }

            @Override
            public void refused(Turn turn, CommandSpec spec) {
                copy.forEach(t -> t.refused(turn, spec));
            }

            @Override
            public void refused(Turn turn, Input input) {
                copy.forEach(t -> t.refused(turn, input));
            }
        };
    }
}

package org.tandem.core.conversation;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may use a button or a form. A flow says it when it binds the id; the dispatcher checks it before the flow
 * sees the click, refuses anyone else (privately) and keeps the refusal in the audit log.
 */
public sealed interface Access {

    /** Coordinators, in the admin channel: the adapters give that place only to the people they checked. */
    Access COORDINATORS = new Coordinators();

    /** Anyone, about themselves: the handler reads and changes only the data of the person who used it. */
    Access SELF = new Self();

    /**
     * Only the people the clicked value names: a pair's two people, a request's mentor, a workshop's invitees.
     * Nobody, when the value names nothing that still exists: the button is stale.
     */
    static Access named(Function<String, Set<PersonRef>> byValue) {
        return new Named(byValue);
    }

    /** See {@link #COORDINATORS}. */
    record Coordinators() implements Access {}

    /** See {@link #SELF}. */
    record Self() implements Access {}

    /** See {@link #named}. */
    record Named(Function<String, Set<PersonRef>> byValue) implements Access {
        public Named {
            Objects.requireNonNull(byValue, "byValue");
        }
    }
}

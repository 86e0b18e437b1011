package org.tandem.core.module;

import java.time.Instant;
import java.util.List;
import org.tandem.core.conversation.Flow;
import org.tandem.core.conversation.Scope;
import org.tandem.core.schedule.DueHandler;

/**
 * A feature's one entry type: everything the core needs from it to run it. The flows it answers (commands,
 * buttons, forms), the due handlers that perform what it planned, and its part in people's data (my-data exports
 * it, forget-me and the retention erase it). A feature tells the others what happened through {@link Events}.
 */
public interface Feature {

    /** The feature's name, as in the README's layout (e.g. {@code pairs}). */
    String name();

    default List<Flow> flows() {
        return List.of();
    }

    default List<DueHandler> handlers() {
        return List.of();
    }

    default List<PersonalData> personalData() {
        return List.of();
    }

    /**
     * Plans the recurring jobs this feature runs for a workspace (a weekly digest, a retention check), idempotently:
     * called at start for every workspace with a programme, and whenever its coordinators act.
     */
    default void planRecurring(Scope scope, Instant now) {
    }
}

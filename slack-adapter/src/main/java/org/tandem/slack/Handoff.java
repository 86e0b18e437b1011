package org.tandem.slack;

import com.slack.api.bolt.response.Response;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * Slack is answered at once, and the work follows in the person's lane ({@link Workers}), answered through the
 * interaction's own {@link SlackReplies}: the core handling an event, or the adapter's own ({@code admin here}).
 * Hearing from a workspace may tell that it is alive again ({@link Workspaces#heard}). A full lane answers 503, so
 * that Slack retries an event later rather than the work being lost.
 */
final class Handoff {

    private final Supplier<TandemCore> core;
    private final Directory directory;
    private final Workers workers;
    private final Workspaces workspaces;

    Handoff(Supplier<TandemCore> core, Directory directory, Workers workers, Workspaces workspaces) {
        this.core = core;
        this.directory = directory;
        this.workers = workers;
        this.workspaces = workspaces;
    }

    /** The event goes to the core after {@code ack}, answered by {@code replies}; {@code then} runs after it. */
    Response toCore(Response ack, String what, String tenant, String user, Place place, String eventId, Input input,
                    Function<PersonRef, SlackReplies> replies, Runnable then) {
        return after(ack, tenant, user, what, () -> {
            try {
                workspaces.heard(tenant);
                Actor actor = directory.actor(tenant, user);
                core.get().handle(new InboundEvent(actor, place, eventId, input)
                        .answeredBy(replies.apply(actor.person())));
            } finally {
                // a modal waits for its answer: it must have one even when the handling failed
                then.run();
            }
        });
    }

    /** Work of the adapter itself after {@code ack}, in the person's lane, answered by {@code replies}. */
    Response toAdapter(Response ack, String what, String tenant, String user,
                       Function<PersonRef, SlackReplies> replies, BiConsumer<PersonRef, SlackReplies> work) {
        return after(ack, tenant, user, what, () -> {
            PersonRef who = directory.actor(tenant, user).person();
            work.accept(who, replies.apply(who));
        });
    }

    private Response after(Response ack, String tenant, String user, String what, Runnable work) {
        return workers.submit(tenant + "|" + user, what, work) ? ack
                : Response.json(503, "{\"error\":\"busy, please retry\"}");
    }
}

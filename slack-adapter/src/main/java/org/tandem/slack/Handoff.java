package org.tandem.slack;

import com.slack.api.bolt.response.Response;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * Slack is answered at once, and the work follows in the person's lane ({@link Workers}), bound to the
 * interaction it came with: the core handling an event, or the adapter's own ({@code admin here}). Hearing from a
 * workspace may tell that it is alive again ({@link Workspaces#heard}). A full lane answers 503, so that Slack
 * retries an event later rather than the work being lost.
 */
final class Handoff {

    private final Supplier<TandemCore> core;
    private final Directory directory;
    private final Workers workers;
    private final Workspaces workspaces;
    private final SlackMessenger messenger;

    Handoff(Supplier<TandemCore> core, Directory directory, Workers workers, Workspaces workspaces,
            SlackMessenger messenger) {
        this.messenger = messenger;
        this.core = core;
        this.directory = directory;
        this.workers = workers;
        this.workspaces = workspaces;
    }

    /** The event goes to the core after {@code ack}; {@code then} runs once it is handled. */
    Response toCore(Response ack, String what, String tenant, String user, Place place, String eventId, Input input,
                    Function<PersonRef, Interaction> interaction, Runnable then) {
        return after(ack, tenant, user, what, () -> {
            workspaces.heard(tenant);
            Actor actor = directory.actor(tenant, user);
            interaction.apply(actor.person()).run(() -> core.get().handle(new InboundEvent(actor, place, eventId,
                    input).answeredBy(messenger.replies(actor.person(), place))));
            then.run();
        });
    }

    /** Work of the adapter itself after {@code ack}, in the person's lane and interaction. */
    Response toAdapter(Response ack, String what, String tenant, String user,
                       Function<PersonRef, Interaction> interaction, Consumer<PersonRef> work) {
        return after(ack, tenant, user, what, () -> {
            PersonRef who = directory.actor(tenant, user).person();
            interaction.apply(who).run(() -> work.accept(who));
        });
    }

    private Response after(Response ack, String tenant, String user, String what, Runnable work) {
        return workers.submit(tenant + "|" + user, what, work) ? ack
                : Response.json(503, "{\"error\":\"busy, please retry\"}");
    }
}

package org.tandem.core.conversation;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.people.People;
import org.tandem.core.people.Person;

/**
 * The one inbound entry point of the core: de-duplicates the event, records the person, and hands the event to
 * the flow that owns it. Adapters call it after acknowledging the platform.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final People people;
    private final ConversationStates states;
    private final EventLedger ledger;
    private final Messenger messenger;
    private final Clock clock;
    private final AdminTrail trail;

    public Dispatcher(Router router, People people, ConversationStates states, EventLedger ledger,
                      Messenger messenger, Clock clock) {
        this(router, people, states, ledger, messenger, clock, AdminTrail.NONE);
    }

    /** With a trail that is told of every coordinator action and of every admin command refused. */
    public Dispatcher(Router router, People people, ConversationStates states, EventLedger ledger,
                      Messenger messenger, Clock clock, AdminTrail trail) {
        this.trail = trail;
        this.router = router;
        this.people = people;
        this.states = states;
        this.ledger = ledger;
        this.messenger = messenger;
        this.clock = clock;
    }

    /** Handles one event; a repeat of an event already handled is ignored. */
    public void handle(InboundEvent event) {
        PersonRef who = event.actor().person();
        if (!ledger.claim(who, event.eventId(), clock.instant())) {
            log.debug("event {} of {} already handled", event.eventId(), who.key());
            return;
        }
        Person person = people.touch(event.actor(), clock.instant());
        Turn turn = new Turn(event, person, messenger, states, clock, router, trail);
        try {
            route(turn, event.input());
        } catch (RuntimeException e) {
            ledger.release(who, event.eventId());
            log.error("handling event {} of {} failed", event.eventId(), who.key(), e);
            turn.whisper(Message.text(turn.t().rich("error.unexpected")));
        }
    }

    /** Whether an action id belongs to a flow (adapters refuse unknown ones with a 400). */
    public boolean knowsAction(String actionId) {
        return router.forAction(actionId).isPresent();
    }

    public boolean knowsForm(String formId) {
        return router.forForm(formId).isPresent();
    }

    private void route(Turn turn, Input input) {
        if (turn.place() instanceof Place.Admin && (input instanceof Input.Click || input instanceof Input.Submit)) {
            trail.input(turn, input);
        }
        if (input instanceof Input.Command c) {
            command(turn, c);
        } else if (input instanceof Input.Click c) {
            Optional<Flow> flow = router.forAction(c.actionId());
            if (flow.isPresent()) {
                flow.get().onClick(turn, c);
            } else {
                turn.reply("error.stale-action");
            }
        } else if (input instanceof Input.Submit s) {
            Optional<Flow> flow = router.forForm(s.formId());
            if (flow.isPresent()) {
                flow.get().onSubmit(turn, s);
            } else {
                turn.reply("error.stale-action");
            }
        } else if (input instanceof Input.FreeText t) {
            text(turn, t.text().strip());
        }
    }

    /**
     * Free text goes to the flow waiting for it, unless it is exactly a command word ({@code help},
     * {@code cancel}): a person who is lost must always be able to ask. Otherwise it is read as a command.
     */
    private void text(Turn turn, String text) {
        if (text.isEmpty()) {
            return;
        }
        Input.Command asCommand = Input.Command.parse(text);
        boolean bareCommand = asCommand.args().isEmpty() && router.forCommand(asCommand.name()).isPresent();
        if (!bareCommand) {
            Optional<ConversationState> state = turn.state();
            if (state.isPresent()) {
                Optional<Flow> waiting = router.flow(state.get().flow());
                if (waiting.isPresent() && waiting.get().onText(turn, state.get(), text)) {
                    return;
                }
            }
        }
        command(turn, asCommand);
    }

    private void command(Turn turn, Input.Command command) {
        turn.run(command);
    }
}

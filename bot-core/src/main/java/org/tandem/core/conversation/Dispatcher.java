package org.tandem.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Person;
import org.tandem.core.telemetry.Redacted;

/**
 * The one inbound entry point of the core: de-duplicates the event, records the person, and hands the event to
 * the flow that owns it. Adapters call it after acknowledging the platform.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final Persons people;
    private final ConversationStates states;
    private final EventLedger ledger;
    private final Messenger messenger;
    private final Questions questions;
    private final TurnClock clock;
    private final AdminTrail trail;

    /** With a trail that is told of every coordinator action and of every refusal. */
    public Dispatcher(Router router, Persons people, ConversationStates states, EventLedger ledger,
                      Messenger messenger, Questions questions, TurnClock clock, AdminTrail trail) {
        this.trail = trail;
        this.router = router;
        this.people = people;
        this.states = states;
        this.ledger = ledger;
        this.messenger = messenger;
        this.questions = questions;
        this.clock = clock;
    }

    /** Handles one event, at one instant; a repeat of an event already handled is ignored. */
    public void handle(InboundEvent event) {
        try (TurnClock.Frozen at = clock.freeze()) {
            PersonRef who = event.actor().person();
            Instant now = clock.instant();
            if (!ledger.claim(who, event.eventId(), now)) {
                log.debug("event {} of {} already handled", event.eventId(), who.key());
                return;
            }
            Person person = people.touch(event.actor(), now);
            ReplyChannel replies = event.replies().orElseGet(() -> ReplyChannel.of(messenger, who, event.place()));
            Turn turn = new Turn(event, person, replies, messenger, questions, states, now, router, trail);
            try {
                route(turn, event.input());
            } catch (RuntimeException e) {
                ledger.release(who, event.eventId());
                log.error("handling event {} ({}) in {} failed", event.eventId(),
                        event.input().getClass().getSimpleName(), who.scope().key(), Redacted.of(e));
                turn.whisper(Message.text(turn.t().rich("error.unexpected")));
            }
        }
    }

    /** Whether an action id belongs to a flow (adapters refuse unknown ones with a 400). */
    public boolean knowsAction(String actionId) {
        return router.click(actionId).isPresent();
    }

    public boolean knowsForm(String formId) {
        return router.submit(formId).isPresent();
    }

    /** What the router knows. */
    public Bound bound() {
        return new Bound(List.copyOf(router.clicks()), List.copyOf(router.submits()));
    }

    /** Whether a form id is bound and declares every one of these fields (adapters refuse others with a 400). */
    public boolean formAccepts(String formId, Set<String> fields) {
        return router.submit(formId).map(s -> s.fields().containsAll(fields)).orElse(false);
    }

    private void route(Turn turn, Input input) {
        if (input instanceof Input.Command c) {
            command(turn, c);
        } else if (input instanceof Input.Click c) {
            click(turn, c);
        } else if (input instanceof Input.Submit s) {
            submit(turn, s);
        } else if (input instanceof Input.FreeText t) {
            text(turn, t.text().strip());
        } else if (input instanceof Input.Arrived) {
            arrived(turn);
        }
    }

    private void arrived(Turn turn) {
        for (Flow flow : router.flows()) {
            if (flow.onArrival(turn)) {
                return;
            }
        }
    }

    private void click(Turn turn, Input.Click click) {
        Optional<Bindings.Click> bound = router.click(click.actionId());
        if (bound.isEmpty()) {
            turn.reply("error.stale-action");
            return;
        }
        Access access = bound.get().access();
        if (access instanceof Access.Named named) {
            Set<PersonRef> allowed = named.byValue().apply(click.value());
            if (allowed.isEmpty()) {
                turn.refuse("error.stale-action");
                return;
            }
            if (!allowed.contains(turn.who())) {
                refuse(turn, click);
                return;
            }
        } else if (!allowed(access, turn)) {
            refuse(turn, click);
            return;
        }
        audit(turn, click);
        if (showsHowItEnded(turn, click.message())) {
            return;
        }
        bound.get().handler().handle(turn, click);
    }

    /**
     * A click (or a submission) on a copy of a question that is closed: it changes nothing, and the copy shows how
     * it ended again (its update may have been refused, or two clicks crossed).
     */
    private boolean showsHowItEnded(Turn turn, Optional<MessageRef> on) {
        Optional<Message> ended = on.flatMap(questions::closedView);
        ended.ifPresent(m -> turn.replies().update(on.get(), m));
        return ended.isPresent();
    }

    private void submit(Turn turn, Input.Submit submit) {
        Optional<Bindings.Submit> bound = router.submit(submit.formId());
        if (bound.isEmpty()) {
            turn.reply("error.stale-action");
            return;
        }
        if (!allowed(bound.get().access(), turn)) {
            refuse(turn, submit);
            return;
        }
        if (!bound.get().fields().containsAll(submit.values().keySet())) {
            // a field the form never had: a forged or outdated submission, stored nowhere
            log.warn("form {} submitted in {} with undeclared fields; refused", submit.formId(),
                    turn.who().scope().key());
            turn.refuse("error.form-changed");
            return;
        }
        audit(turn, submit);
        if (showsHowItEnded(turn, submit.message())) {
            return;
        }
        bound.get().handler().handle(turn, submit);
        if (submit.message().isPresent() && !turn.formShownAgain()) {
            // taken: the form it came from shows that it was sent, with nothing left to submit
            questions.closeCopy(submit.message().get(), Questions.Outcome.of("form.sent"), turn.replies()::update);
        }
    }

    private static boolean allowed(Access access, Turn turn) {
        return !(access instanceof Access.Coordinators) || turn.place() instanceof Place.Admin;
    }

    /** Not theirs: said to them alone, and kept (by id, never by value) in the audit log. */
    private void refuse(Turn turn, Input input) {
        trail.refused(turn, input);
        turn.refuse("error.not-yours");
    }

    private void audit(Turn turn, Input input) {
        if (turn.place() instanceof Place.Admin) {
            trail.input(turn, input);
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
        boolean bareCommand = asCommand.args().isEmpty() && router.command(asCommand.name()).isPresent();
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

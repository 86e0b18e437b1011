package org.tandem.core.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.i18n.Texts;
import org.tandem.core.people.Person;

/**
 * One inbound event being handled: who, where, in which language, and the means to answer and to keep the
 * dialogue's state. A flow receives it; it is not shared between events.
 */
public final class Turn {

    private final InboundEvent event;
    private final Person person;
    private final Messenger messenger;
    private final ConversationStates states;
    private final Clock clock;
    private final Router router;
    private final AdminTrail trail;
    private Texts texts;

    Turn(InboundEvent event, Person person, Messenger messenger, ConversationStates states, Clock clock,
         Router router, AdminTrail trail) {
        this.event = event;
        this.router = router;
        this.trail = trail;
        this.person = person;
        this.messenger = messenger;
        this.states = states;
        this.clock = clock;
        this.texts = Texts.of(person.locale());
    }

    public Actor actor() {
        return event.actor();
    }

    public PersonRef who() {
        return event.actor().person();
    }

    public Person person() {
        return person;
    }

    public Place place() {
        return event.place();
    }

    public String eventId() {
        return event.eventId();
    }

    public Locale locale() {
        return texts.locale();
    }

    /** The texts in this person's language. */
    public Texts t() {
        return texts;
    }

    /** Switches the language for the rest of this turn (after {@code language fr}). */
    public void speak(Locale locale) {
        this.texts = Texts.of(locale);
    }

    /** The commands this person may use here, for {@code help}. */
    public List<CommandSpec> commands() {
        return router.commandsFor(event.place());
    }

    /**
     * Runs a command as if the person had typed it here: checks that it may be used in this place and hands it to
     * the flow that owns it. A button that stands for a command (e.g. on a home view) calls this.
     */
    public void run(Input.Command command) {
        Optional<CommandSpec> spec = router.spec(command.name());
        if (spec.isEmpty()) {
            refuse("error.unknown-command", command.name());
            return;
        }
        boolean coordinators = spec.get().audience() == CommandSpec.Audience.COORDINATOR;
        if (!spec.get().audience().allows(place())) {
            if (coordinators) {
                // a participant trying an admin command, or a coordinator outside the admin place: both are kept
                trail.refused(this, spec.get());
            }
            refuse(coordinators ? "error.admin-only" : "error.direct-only", command.name());
            return;
        }
        if (coordinators) {
            trail.command(this, spec.get());
        }
        router.forCommand(command.name()).orElseThrow().onCommand(this, command);
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public Messenger messenger() {
        return messenger;
    }

    /** Answers in the place the event came from. */
    public MessageRef reply(Message message) {
        Place place = event.place();
        if (place instanceof Place.Admin) {
            return messenger.sendToAdmin(who().platform(), who().tenant(), message);
        }
        if (place instanceof Place.Group g) {
            return messenger.sendToGroup(new Messenger.GroupRef(who().platform(), who().tenant(), g.groupId()),
                    message);
        }
        return messenger.sendToPerson(who(), message);
    }

    /** Answers with one sentence from the bundle. */
    public MessageRef reply(String key, Object... args) {
        return reply(Message.text(texts.rich(key, args)));
    }

    /**
     * Answers with a file where the event came from: the admin channel, or else the person's direct conversation
     * (never a group: a file is for the one who asked, or for the coordinators).
     */
    public MessageRef replyWithFile(FileAttachment file, Message message) {
        if (event.place() instanceof Place.Admin) {
            return messenger.sendFileToAdmin(who().platform(), who().tenant(), file, message);
        }
        return messenger.sendFileToPerson(who(), file, message);
    }

    /**
     * Answers privately, whatever the place (e.g. a coordinator's error in a shared channel stays theirs): shown to
     * this person only where they are when the platform can, else in their direct conversation.
     */
    public MessageRef whisper(Message message) {
        return messenger.whisper(who(), place(), message);
    }

    /** A refusal (a command not for here, an unknown word) is nobody else's business: privately, where they are. */
    public MessageRef refuse(String key, Object... args) {
        Message m = Message.text(texts.rich(key, args));
        return place() instanceof Place.Direct ? reply(m) : whisper(m);
    }

    public Optional<ConversationState> state() {
        return states.find(who(), place());
    }

    /** Keeps the dialogue's state; false when another event changed it first (the caller should re-read). */
    public boolean save(ConversationState state) {
        return states.save(who(), place(), state, now());
    }

    public void clearState() {
        states.clear(who(), place());
    }
}

package org.tandem.core.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.tandem.core.conversation.Person;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.telemetry.Redacted;

/**
 * One inbound event being handled: who, where, in which language, when (read once: every step of the turn sees the
 * same instant), and the means to answer through the event's own reply channel and to keep the dialogue's state. A
 * flow receives it; it is not shared between events.
 */
public final class Turn {

    private final InboundEvent event;
    private final Person person;
    private final ReplyChannel replies;
    private final Messenger messenger;
    private final Questions questions;
    private final ConversationStates states;
    private final Instant now;
    private final Router router;
    private final AdminTrail trail;
    private Texts texts;
    private boolean formShownAgain;

    Turn(InboundEvent event, Person person, ReplyChannel replies, Messenger messenger, Questions questions,
         ConversationStates states, Instant now, Router router, AdminTrail trail) {
        this.event = event;
        this.person = person;
        this.replies = replies;
        this.messenger = messenger;
        this.questions = questions;
        this.states = states;
        this.now = now;
        this.router = router;
        this.trail = trail;
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

    /** The command words, in every language, with the command each stands for (for suggestions). */
    public Map<String, String> commandWords() {
        return router.commandWords();
    }

    /** The commands this person may use here, for {@code help}. */
    public List<CommandSpec> commands() {
        return router.commandsFor(event.place());
    }

    /**
     * Runs a command as if the person had typed it here: checks that it may be used in this place and hands it to
     * the flow that owns it. A button that stands for a command (e.g. on a home view) calls this.
     */
    public void run(Input.Command typed) {
        Optional<String> name = router.command(typed.name());
        if (name.isEmpty()) {
            for (Flow flow : router.flows()) {
                if (flow.onUnknown(this, typed)) {
                    return;
                }
            }
            refuse("error.unknown-command", typed.name());
            return;
        }
        // a command typed in any language the bot speaks reaches its flow under its one name
        Input.Command command = new Input.Command(name.get(), typed.args(), typed.rest());
        CommandSpec spec = router.spec(command.name()).orElseThrow();
        boolean coordinators = spec.audience() == CommandSpec.Audience.COORDINATOR;
        if (!spec.audience().allows(place())) {
            if (coordinators) {
                // a participant trying an admin command, or a coordinator outside the admin place: both are kept
                trail.refused(this, spec);
            }
            refuse(coordinators ? "error.admin-only" : "error.direct-only", typed.name());
            return;
        }
        if (coordinators) {
            trail.command(this, spec);
        }
        router.forCommand(command.name()).orElseThrow().onCommand(this, command);
    }

    /** When this turn happens: the same instant for all of it. */
    public Instant now() {
        return now;
    }

    /** A clock that tells this turn's instant. */
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /** For what a flow sends on its own to other people (a notice to the partner, to the coordinators). */
    public Messenger messenger() {
        return messenger;
    }

    /**
     * Answers in the place the event came from, through the event's reply channel. A form shown again for the
     * submission it answers (its errors, answers kept) replaces the form it was submitted from; a form is a question
     * of its own, closed once submitted or cancelled; any other answer with buttons is recorded too, so that the
     * click that answers it ({@link #chosen}) turns it into its outcome.
     */
    public MessageRef reply(Message message) {
        Optional<Block.Form> form = message.blocks().stream().filter(Block.Form.class::isInstance)
                .map(Block.Form.class::cast).findFirst();
        if (form.isPresent() && event.input() instanceof Input.Submit s && s.formId().equals(form.get().formId())
                && s.message().isPresent() && replies.update(s.message().get(), message)) {
            questions.replaced(s.message().get(), message);
            formShownAgain = true;
            return s.message().get();
        }
        Message sent = message;
        if (message.question().isEmpty() && message.interactive()) {
            // every answer with something to act on is recorded, so that it can show its outcome once acted on
            sent = message.asking(form.map(f -> formQuestion(f.formId()))
                    .orElseGet(() -> "reply|" + who().key() + "|" + UUID.randomUUID()), locale());
        }
        Message asked = sent;
        return questions.recording(asked, Address.of(who(), place()), () -> replies.reply(asked));
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
        return questions.recording(message, Address.fileFor(who(), place()),
                () -> replies.replyWithFile(file, message));
    }

    /**
     * Answers privately, whatever the place (e.g. a coordinator's error in a shared channel stays theirs): shown to
     * this person only where they are when the platform can, else in their direct conversation.
     */
    public MessageRef whisper(Message message) {
        return replies.whisper(message);
    }

    /**
     * The same person, in their direct conversation with the bot: for a button in a shared channel (an announcement's
     * <i>Join</i>) that starts something private, whose answers and dialogue state must never show in the channel.
     */
    public Turn direct() {
        if (place() instanceof Place.Direct) {
            return this;
        }
        InboundEvent moved = new InboundEvent(event.actor(), Place.DIRECT, event.eventId(), event.input());
        return new Turn(moved, person, ReplyChannel.of(messenger, who(), Place.DIRECT), messenger, questions, states,
                now, router, trail);
    }

    /**
     * Asks the platform something a coordinator's command needs (who has this address, which channel that is, who is
     * in it). When the platform does not answer (down, throttled past the adapter's patience, a permission missing),
     * the coordinator is told so and nothing is done: empty. What the platform said stays in the log.
     */
    public <T> Optional<T> fromPlatform(Supplier<T> question) {
        try {
            return Optional.of(question.get());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Turn.class).warn("{} did not answer a coordinator's question: {}",
                    who().platform(), Redacted.describe(e));
            reply("directory.unavailable");
            return Optional.empty();
        }
    }

    /**
     * The channel a coordinator named ({@link Messenger#channel}), or empty once they were told: that the platform
     * has no such channel ({@code unknownKey}, with what they typed), or that it did not answer.
     */
    public Optional<ChannelRef> channelNamed(Scope scope, String typed, String unknownKey) {
        Optional<Optional<ChannelRef>> asked = fromPlatform(() -> messenger.channel(scope, typed));
        if (asked.isPresent() && asked.get().isEmpty()) {
            reply(unknownKey, typed);
        }
        return asked.flatMap(c -> c);
    }

    /** A refusal (a command not for here, an unknown word) is nobody else's business: privately, where they are. */
    public MessageRef refuse(String key, Object... args) {
        Message m = Message.text(texts.rich(key, args));
        return place() instanceof Place.Direct ? reply(m) : whisper(m);
    }

    /**
     * The question is answered (by this turn's person, or because of what they did): every copy shows the outcome
     * instead of its buttons, the one they clicked on within the turn where the platform allows.
     */
    public int answered(String question, Questions.Outcome outcome) {
        return questions.close(question, outcome, replies::update);
    }

    /**
     * The click answered the question of the message it was on: that copy shows which button was chosen. Nothing
     * when the platform did not say which message it was.
     */
    public void chosen(Input.Click click) {
        click.message().ifPresent(ref -> questions.closeCopyChosen(ref, who(), click.actionId(), click.value(),
                replies::update));
    }

    /** Every question whose key starts with {@code prefix} is closed (e.g. all forms this person has open). */
    public int answeredAll(String prefix, Questions.Outcome outcome) {
        return questions.closeAll(prefix, outcome, replies::update);
    }

    /** The key of a form's question for this person: {@code form|<person>|<form id>}. */
    public String formQuestion(String formId) {
        return formQuestionsOf(who()) + formId;
    }

    /** The prefix of every form question of a person. */
    public static String formQuestionsOf(PersonRef person) {
        return "form|" + person.key() + "|";
    }

    /** Whether this turn showed the submitted form again in its place (its errors). */
    boolean formShownAgain() {
        return formShownAgain;
    }

    ReplyChannel replies() {
        return replies;
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

package org.tandem.slack;

import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.ReplyChannel;

/**
 * How the core's answers to one Slack interaction go, the Slack way (one per event, given with it):
 * <ul>
 *   <li>a form for the person who acted opens as a modal with the interaction's trigger while it is fresh; while
 *       a modal submission is handled it is the {@link ModalAnswer} (its errors, or the next form in the modal);
 *       otherwise it is posted with a button that opens it;</li>
 *   <li>an answer in a group DM Tandem is not in goes back through the slash command's {@code response_url};</li>
 *   <li>a private answer in a shared place is shown to the person there ({@link Whispers}), else in their DM;</li>
 *   <li>everything else is posted as the messenger posts, in the conversation's lane, so it keeps its order with
 *       what the core sends on its own.</li>
 * </ul>
 */
final class SlackReplies implements ReplyChannel {

    private final SlackMessenger messenger;
    private final Interaction interaction;
    private final Optional<ModalAnswer> modal;
    private final Optional<SlackRef> gone;

    private SlackReplies(SlackMessenger messenger, Interaction interaction, Optional<ModalAnswer> modal,
                         Optional<SlackRef> gone) {
        this.messenger = messenger;
        this.interaction = interaction;
        this.modal = modal;
        this.gone = gone;
    }

    SlackReplies(SlackMessenger messenger, Interaction interaction) {
        this(messenger, interaction, Optional.empty(), Optional.empty());
    }

    /** The answers to a modal submission: the first form for the person is Slack's answer to it. */
    SlackReplies answering(ModalAnswer answer) {
        return new SlackReplies(messenger, interaction, Optional.of(answer), gone);
    }

    /** The answers to a modal closed by the person: that modal cannot show anything any more. */
    SlackReplies closing(SlackRef copy) {
        return new SlackReplies(messenger, interaction, modal,
                copy instanceof SlackRef.Modal ? Optional.of(copy) : Optional.empty());
    }

    @Override
    public MessageRef reply(Message message) {
        Destination to = Destination.of(interaction.actor(), interaction.place());
        Optional<Block.Form> form = BlockKit.formOf(message);
        if (form.isPresent()) {
            return form(to, message, form.get());
        }
        Optional<String> url = to instanceof Destination.Group g ? interaction.responseUrl(g.channel())
                : Optional.empty();
        return messenger.send(to, message, url);
    }

    /** Private to the person where they are; a form always goes to their DM, where it opens. */
    @Override
    public MessageRef whisper(Message message) {
        Optional<Block.Form> form = BlockKit.formOf(message);
        Destination dm = new Destination.Person(interaction.actor());
        if (form.isPresent()) {
            return form(dm, message, form.get());
        }
        if (interaction.place() instanceof Place.Direct) {
            return messenger.send(dm, message, Optional.empty());
        }
        return messenger.whisper(interaction.actor(), interaction.place(), message, interaction::responseUrl);
    }

    @Override
    public MessageRef replyWithFile(FileAttachment file, Message message) {
        return messenger.sendFile(interaction.place() instanceof Place.Admin
                ? Address.admin(interaction.actor().scope()) : Address.person(interaction.actor()), file, message);
    }

    /**
     * The submitted form shown again goes in Slack's answer to the submission, and its being taken closes the modal
     * (a form kept in a message: that message turns into "Sent"); a modal the person closed is gone, so it cannot
     * be updated; the message shown to the person only that they clicked on is replaced through the click's
     * {@code response_url}; anything else is updated as the messenger does.
     */
    @Override
    public boolean update(MessageRef ref, Message message) {
        if (modal.isPresent() && modal.get().answers(ref)) {
            Optional<Block.Form> form = BlockKit.formOf(message);
            if (form.isPresent()) {
                Destination to = Destination.of(interaction.actor(), interaction.place());
                return modal.get().showAgain(form.get(), messenger.modal(to, message, form.get(),
                        modal.get().origin()));
            }
            if (modal.get().submitted() instanceof SlackRef.Modal) {
                return true;
            }
        }
        if (gone.isPresent() && SlackRef.of(ref).filter(gone.get()::equals).isPresent()) {
            return false;
        }
        Optional<String> replacing = SlackRef.of(ref).flatMap(interaction::replacing);
        if (replacing.isPresent()) {
            return messenger.replaceClicked(replacing.get(), message);
        }
        return messenger.update(ref, message);
    }

    /** A form for the person: in the modal being answered, else a modal opened with the trigger, else posted. */
    private MessageRef form(Destination to, Message message, Block.Form form) {
        if (modal.isPresent()) {
            SlackRef.Origin fresh = new SlackRef.Origin(to.place().key());
            Optional<MessageRef> next = modal.get().next(form, messenger.modal(to, message, form, fresh),
                    fresh.placeKey());
            if (next.isPresent()) {
                return next.get();
            }
        }
        Optional<String> trigger = interaction.takeTrigger();
        if (trigger.isPresent()) {
            Optional<MessageRef> opened = messenger.openModal(to, message, form, trigger.get());
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        return messenger.send(to, message, Optional.empty());
    }
}

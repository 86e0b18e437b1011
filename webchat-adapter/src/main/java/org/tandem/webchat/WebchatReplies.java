package org.tandem.webchat;

import java.util.ArrayList;
import java.util.List;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.ReplyChannel;

/**
 * The answers to one event of the web chat: into the outbox where the event came from (a whisper into the person's
 * direct conversation), in the order the core gives them, each noted so that the API can say which messages the turn
 * produced and which it changed. One per event, never shared.
 */
final class WebchatReplies implements ReplyChannel {

    private final ReplyChannel outbox;
    private final WebchatMessenger messenger;
    private final PersonRef who;
    private final Place place;
    private final List<MessageRef> sent = new ArrayList<>();
    private final List<MessageRef> updated = new ArrayList<>();

    WebchatReplies(WebchatMessenger messenger, PersonRef who, Place place) {
        // the outbox is the web chat's platform: answering in the turn is writing to it, where the event came from
        this.outbox = ReplyChannel.of(messenger, who, place);
        this.messenger = messenger;
        this.who = who;
        this.place = place;
    }

    @Override
    public MessageRef reply(Message message) {
        return noted(outbox.reply(message));
    }

    @Override
    public MessageRef whisper(Message message) {
        // in a group, shown there to this person only; elsewhere in their direct conversation
        if (place instanceof Place.Group g) {
            return noted(messenger.sendToOneInGroup(g.groupId(), who, message));
        }
        return noted(outbox.whisper(message));
    }

    @Override
    public MessageRef replyWithFile(FileAttachment file, Message message) {
        return noted(outbox.replyWithFile(file, message));
    }

    @Override
    public boolean update(MessageRef ref, Message message) {
        boolean done = outbox.update(ref, message);
        if (done && !updated.contains(ref)) {
            updated.add(ref);
        }
        return done;
    }

    /** The messages the turn sent, in the order it sent them. */
    List<MessageRef> sent() {
        return List.copyOf(sent);
    }

    /** The messages the turn changed in place (a card showing its outcome, a form shown again with its errors). */
    List<MessageRef> updated() {
        return List.copyOf(updated);
    }

    private MessageRef noted(MessageRef ref) {
        sent.add(ref);
        return ref;
    }
}

package org.tandem.core.conversation;

/**
 * Where the answers to one inbound event go, the platform's own way (in the spirit of the Bot Framework's
 * {@code TurnContext}): Slack answers an interaction through its context (a modal's response, the DM otherwise),
 * Teams through the activity's turn, the web chat into its outbox. The adapter that received the event gives it
 * with the event; {@link #of} is the plain one over the {@link Messenger}, for events that need nothing more.
 */
public interface ReplyChannel {

    /** Answers where the event came from. */
    MessageRef reply(Message message);

    /**
     * Answers the person alone, where they are: in a shared place (a group, the admin channel) a platform that can
     * show a message to one person does so; otherwise it goes to their direct conversation.
     */
    MessageRef whisper(Message message);

    /** Answers with a file: in the admin channel for a coordinator there, else in the person's direct conversation. */
    MessageRef replyWithFile(FileAttachment file, Message message);

    /**
     * Replaces a message sent earlier (a card the event answered, so that it shows its outcome): the platform may
     * do it within the turn (a Teams invoke's answer). False when the platform refused (too old, deleted).
     */
    boolean update(MessageRef ref, Message message);

    /** The plain channel: every answer is a send over the messenger, to where the event came from. */
    static ReplyChannel of(Messenger messenger, PersonRef who, Place place) {
        return new ReplyChannel() {
            @Override
            public MessageRef reply(Message message) {
                return messenger.send(Address.of(who, place), message);
            }

            @Override
            public MessageRef whisper(Message message) {
                return messenger.send(Address.person(who), message);
            }

            @Override
            public MessageRef replyWithFile(FileAttachment file, Message message) {
                return messenger.sendFile(Address.fileFor(who, place), file, message);
            }

            @Override
            public boolean update(MessageRef ref, Message message) {
                return messenger.update(ref, message);
            }
        };
    }
}

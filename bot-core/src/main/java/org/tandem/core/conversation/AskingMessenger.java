package org.tandem.core.conversation;

import java.util.List;
import java.util.Optional;

/**
 * The messenger the core's features use: the adapters' (through the router), recording each copy of a question it
 * sends, so that the copy can be updated in place when the question is answered.
 */
public final class AskingMessenger implements Messenger {

    private final Messenger adapters;
    private Questions questions;

    public AskingMessenger(Messenger adapters) {
        this.adapters = adapters;
    }

    /** Where the copies are recorded (set once the store exists: it updates through this messenger). */
    public void recordIn(Questions store) {
        this.questions = store;
    }

    @Override
    public MessageRef send(Address to, Message message) {
        if (questions == null) {
            return adapters.send(to, message);
        }
        Optional<String> note = questions.sending(message, to);
        MessageRef ref;
        try {
            ref = adapters.send(to, message);
        } catch (RuntimeException e) {
            questions.notSent(note);
            throw e;
        }
        questions.sent(note, ref);
        return ref;
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        // a group's first message is sent by the adapter as it opens the group; its reference is the adapter's
        return adapters.openGroup(members, message);
    }

    @Override
    public boolean update(MessageRef ref, Message message) {
        return adapters.update(ref, message);
    }

    /** A file's message may ask a question too (a meeting's invite, with its buttons): recorded the same way. */
    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (questions == null) {
            return adapters.sendFile(to, file, message);
        }
        Optional<String> note = questions.sending(message, to);
        MessageRef ref;
        try {
            ref = adapters.sendFile(to, file, message);
        } catch (RuntimeException e) {
            questions.notSent(note);
            throw e;
        }
        questions.sent(note, ref);
        return ref;
    }

    @Override
    public void forget(Forgotten forgotten) {
        adapters.forget(forgotten);
    }

    @Override
    public Presence presence(Scope scope) {
        return adapters.presence(scope);
    }

    @Override
    public int redeliver(int limit) {
        return adapters.redeliver(limit);
    }
}

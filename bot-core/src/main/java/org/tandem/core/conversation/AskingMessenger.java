package org.tandem.core.conversation;

import java.util.List;
import java.util.Map;
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
        return questions == null ? adapters.send(to, message)
                : questions.recording(message, to, () -> adapters.send(to, message));
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
        return questions == null ? adapters.sendFile(to, file, message)
                : questions.recording(message, to, () -> adapters.sendFile(to, file, message));
    }

    @Override
    public Optional<ChannelRef> channel(Scope scope, String typed) {
        return adapters.channel(scope, typed);
    }

    @Override
    public Map<String, Contact> lookup(Scope scope, List<String> handles) {
        return adapters.lookup(scope, handles);
    }

    @Override
    public List<Contact> members(ChannelRef channel) {
        return adapters.members(channel);
    }

    @Override
    public Optional<PersonRef> manager(PersonRef person) {
        return adapters.manager(person);
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
    public Pace pace(Scope scope) {
        return adapters.pace(scope);
    }

    @Override
    public java.time.Duration backlog(Scope scope) {
        return adapters.backlog(scope);
    }

    @Override
    public int redeliver(int limit) {
        return adapters.redeliver(limit);
    }
}

package org.tandem.core.conversation;

import java.util.List;

/**
 * The outbound port: how the core reaches people. Each adapter implements it for its platform. Calls may be
 * slow (a platform's Web API): the core calls it after the inbound event was acknowledged, never before.
 */
public interface Messenger {

    /** Sends to a person in a direct conversation with the bot. */
    MessageRef sendToPerson(PersonRef person, Message message);

    /**
     * Opens a group conversation with people of the same platform and tenant (e.g. a pair's introduction) and
     * sends the first message. Returns the group, for later messages to it.
     */
    GroupRef openGroup(List<PersonRef> members, Message message);

    /** Sends to a group opened earlier. */
    MessageRef sendToGroup(GroupRef group, Message message);

    /** Sends to the coordinators' admin channel of a tenant. */
    MessageRef sendToAdmin(String platform, String tenant, Message message);

    /** Replaces a message sent earlier, e.g. to disable buttons once used. Best effort. */
    void update(MessageRef ref, Message message);

    /**
     * Sends a file to a person in their direct conversation with the bot, with a message saying what it is. Only
     * that person may get at it. An adapter that cannot deliver files throws {@link UnsupportedOperationException}.
     */
    default MessageRef sendFileToPerson(PersonRef person, FileAttachment file, Message message) {
        throw new UnsupportedOperationException("this platform's adapter does not deliver files yet");
    }

    /** Sends a file to the coordinators' admin channel of a tenant, with a message; only they may get at it. */
    default MessageRef sendFileToAdmin(String platform, String tenant, FileAttachment file, Message message) {
        throw new UnsupportedOperationException("this platform's adapter does not deliver files yet");
    }

    /**
     * Forgets what the adapter keeps about a person who erased their data (its copies of their messages and files,
     * their name in what it stored). What was delivered to a platform stays there. Default: the adapter keeps
     * nothing of its own.
     */
    default void forget(PersonRef person, String displayName) {
    }

    /**
     * Tries again, at most {@code limit}, the messages the platform refused after the adapter's own retries (it
     * keeps them, never drops them). The core's scheduled sweep calls it; returns how many went out.
     */
    default int redeliver(int limit) {
        return 0;
    }

    /** A group conversation on a platform. */
    record GroupRef(String platform, String tenant, String id) {}
}

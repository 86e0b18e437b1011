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
     * Tries again, at most {@code limit}, the messages the platform refused after the adapter's own retries (it
     * keeps them, never drops them). The core's scheduled sweep calls it; returns how many went out.
     */
    default int redeliver(int limit) {
        return 0;
    }

    /** A group conversation on a platform. */
    record GroupRef(String platform, String tenant, String id) {}
}

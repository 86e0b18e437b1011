package org.tandem.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Messenger.Presence;

/**
 * Whether a Teams tenant still has Tandem, asked before the planned erasure of a tenant that removed it. Teams has
 * no "is this app installed?" call a bot may make, but the Bot Connector tells a bot whether it is still in a
 * conversation: so a conversation heard from since the removal answers yes at once, and otherwise the most recent
 * conversations are asked. {@link Presence#UNKNOWN} means Teams could not say (5xx, throttled, no network, no
 * token): the erasure then waits a day and asks again, rather than erasing a tenant that may still be live.
 */
final class TenantPresence {

    /** How many of a tenant's conversations are asked, the most recent first. */
    static final int PROBES = 3;
    private static final Logger log = LoggerFactory.getLogger(TenantPresence.class);

    private final TeamsConversations conversations;
    private final Delivery delivery;

    TenantPresence(TeamsConversations conversations, Delivery delivery) {
        this.conversations = conversations;
        this.delivery = delivery;
    }

    Presence of(String tenant) {
        Optional<Instant> removed = conversations.removedAt(tenant);
        if (conversations.heardSince(tenant, removed.orElse(Instant.EPOCH))) {
            return Presence.INSTALLED;
        }
        List<TeamsConversations.Stored> recent = conversations.recent(tenant, PROBES);
        boolean unknown = false;
        for (TeamsConversations.Stored s : recent) {
            Delivery.Outcome o = delivery.probe(new Delivery.Target(s.key(), s.tenant(),
                    s.reference().getServiceUrl(), s.conversationId()));
            if (o instanceof Delivery.Outcome.Sent) {
                log.info("Teams says the bot is still in {}: tenant {} has Tandem", Logged.key(s.key()), tenant);
                return Presence.INSTALLED;
            }
            unknown |= o instanceof Delivery.Outcome.Failed;
        }
        return unknown ? Presence.UNKNOWN : Presence.REMOVED;
    }
}

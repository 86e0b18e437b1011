package org.tandem.teams;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a message for someone goes on Teams: the stored conversation of a person's personal chat (opened through an
 * installation in their tenant when there is none yet), of a channel or group chat, or of the tenant's admin
 * channel; a channel configured by id that the bot never heard from borrows the tenant's service URL.
 */
final class Destinations {

    private final TeamsConversations conversations;
    private final Delivery delivery;
    private final TeamsProperties properties;
    private final Clock clock;

    Destinations(TeamsConversations conversations, Delivery delivery, TeamsProperties properties, Clock clock) {
        this.conversations = conversations;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    /** A person's live personal chat, opened now if needed. */
    Optional<TeamsConversations.Stored> person(String tenant, String userId) {
        return conversations.person(tenant, userId).filter(s -> !s.stale()).or(() -> openPersonal(tenant, userId));
    }

    /** The admin channel's id: the one set with {@code admin here}, else the configured one. */
    Optional<String> adminChannel(String tenant) {
        return conversations.admin(tenant).or(() -> Optional.ofNullable(properties.adminChannel()));
    }

    /** A channel or group chat, stale or not (the caller parks for a stale one). */
    Optional<TeamsConversations.Stored> conversation(String tenant, String conversationId) {
        return conversations.conversation(tenant, conversationId).or(() -> borrowed(tenant, conversationId));
    }

    /**
     * Where a parked message waits to go: {@code person:<userId>}, {@code conversation:<id>}, {@code channel:<id>} (a
     * new thread in a team's channel) or {@code admin}.
     */
    Optional<TeamsConversations.Stored> resolve(String tenant, String to) {
        if (to.startsWith("person:")) {
            return person(tenant, to.substring("person:".length()));
        }
        Optional<String> id = to.equals("admin") ? adminChannel(tenant)
                : Optional.of(to.substring(to.indexOf(':') + 1));
        return id.flatMap(c -> conversation(tenant, c)).filter(s -> !s.stale());
    }

    /** A configured channel the bot never heard from: the tenant's service URL and bot account, with its id. */
    private Optional<TeamsConversations.Stored> borrowed(String tenant, String conversationId) {
        return conversations.anyOf(tenant).map(any -> {
            ConversationReference ref = ConversationReference.clone(any.reference());
            ConversationAccount c = new ConversationAccount(conversationId);
            c.setTenantId(tenant);
            c.setConversationType("channel");
            c.setIsGroup(true);
            ref.setConversation(c);
            ref.setUser(null);
            ref.setActivityId(null);
            return new TeamsConversations.Stored(TeamsConversations.conversationKey(tenant, conversationId), tenant,
                    ref, Locale.ENGLISH, null, null, null, false);
        });
    }

    /** Opens a personal chat with someone the bot can reach through an installation in their tenant. */
    private Optional<TeamsConversations.Stored> openPersonal(String tenant, String userId) {
        Optional<TeamsConversations.Stored> any = conversations.anyOf(tenant);
        if (any.isEmpty()) {
            return Optional.empty();
        }
        ConversationReference via = any.get().reference();
        ConversationParameters p = new ConversationParameters();
        p.setIsGroup(false);
        p.setBot(via.getBot());
        p.setMembers(List.of(new ChannelAccount(userId)));
        p.setTenantId(tenant);
        // the SDK's own type: its request validation reflects into what it is given, which Java 17 refuses for
        // java.util's immutable maps (a Map.of here failed every personal chat Tandem opened)
        TeamsChannelData data = new TeamsChannelData();
        data.setTenant(new TenantInfo(tenant));
        p.setChannelData(data);
        return delivery.fetch(Outbox.target(any.get()), "conversation opening",
                        c -> c.getConversations().createConversation(p))
                .filter(r -> r.getId() != null)
                .map(r -> {
                    ConversationReference ref = new ConversationReference();
                    ref.setChannelId(via.getChannelId());
                    ref.setServiceUrl(r.getServiceUrl() != null ? r.getServiceUrl() : via.getServiceUrl());
                    ref.setBot(via.getBot());
                    ref.setUser(new ChannelAccount(userId));
                    ConversationAccount c = new ConversationAccount(r.getId());
                    c.setTenantId(tenant);
                    c.setConversationType("personal");
                    ref.setConversation(c);
                    conversations.rememberPerson(tenant, userId, ref, null, Locale.ENGLISH, clock.instant(), true);
                    return conversations.person(tenant, userId).orElseThrow();
                });
    }
}

package org.tandem.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * The bot's turn handler: remembers the conversation reference of whatever it hears from (proactive messages need
 * it), answers {@code admin here}, and hands messages to the core as neutral events — the Activity id is the
 * event id, so a redelivered activity is handled once. It tells {@link TenantLifecycle} when the bot is removed
 * from a conversation, and that the tenant is alive on anything else.
 */
final class TeamsBot extends ActivityHandler {

    static final String ADMIN_HERE = "admin here";
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

    private final TandemCore core;
    private final TeamsConversations conversations;
    private final TeamsMessenger messenger;
    private final MemberLookup members;
    private final TenantLifecycle lifecycle;
    private final TeamsProperties properties;
    private final Clock clock;

    TeamsBot(TandemCore core, TeamsConversations conversations, TeamsMessenger messenger, MemberLookup members,
             TenantLifecycle lifecycle, TeamsProperties properties, Clock clock) {
        this.core = core;
        this.conversations = conversations;
        this.messenger = messenger;
        this.members = members;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity a = turn.getActivity();
        if (!InboundActivity.removesBot(a)) {
            lifecycle.alive(InboundActivity.tenant(a));
        }
        return super.onTurn(turn);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity a = turn.getActivity();
        remember(a);
        String tenant = InboundActivity.tenant(a);
        String text = InboundActivity.text(a);
        boolean personal = InboundActivity.personal(a);
        if (text.equalsIgnoreCase(ADMIN_HERE) && a.getValue() == null) {
            adminHere(turn, tenant, personal);
            return done();
        }
        Optional<Input> input = InboundActivity.input(a, text);
        if (input.isEmpty()) {
            return done();
        }
        Place place = personal ? Place.DIRECT : place(turn, tenant);
        PersonRef who = new PersonRef(TeamsMessenger.PLATFORM, tenant, InboundActivity.userId(a.getFrom()));
        Actor actor = new Actor(who, a.getFrom().getName(), InboundActivity.locale(a), InboundActivity.timeZone(a));
        String eventId = a.getId() == null || a.getId().isBlank() ? UUID.randomUUID().toString() : a.getId();
        core.handle(new InboundEvent(actor, place, eventId, input.get()));
        return done();
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity a = turn.getActivity();
        if (InboundActivity.removesBot(a)) {
            forget(a);
        } else {
            remember(a);
        }
        return done();
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        remember(turn.getActivity());
        return done();
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdateRemove(TurnContext turn) {
        forget(turn.getActivity());
        return done();
    }

    /** Keeps the reference of the person's personal chat, or of the channel / group chat. */
    private void remember(Activity a) {
        String tenant = InboundActivity.tenant(a);
        if (InboundActivity.personal(a)) {
            ChannelAccount from = a.getFrom();
            if (from == null || (a.getRecipient() != null && from.getId().equals(a.getRecipient().getId()))) {
                return;
            }
            conversations.rememberPerson(tenant, InboundActivity.userId(from), a.getConversationReference(),
                    a.getFrom().getName(), InboundActivity.locale(a), clock.instant(), false);
            messenger.flush(tenant, "person:" + InboundActivity.userId(from));
        } else {
            conversations.rememberConversation(tenant, InboundActivity.conversationId(a), InboundActivity.teamId(a),
                    channelReference(a), clock.instant());
        }
    }

    /** The bot was removed from a personal chat, a group chat, or a team (then from each of its channels). */
    private void forget(Activity a) {
        String tenant = InboundActivity.tenant(a);
        boolean personal = InboundActivity.personal(a);
        String key = personal
                ? TeamsConversations.personKey(tenant, InboundActivity.userId(a.getFrom()))
                : TeamsConversations.conversationKey(tenant, InboundActivity.conversationId(a));
        log.info("the bot was removed from {}", key);
        conversations.markStale(key, clock.instant());
        String team = personal ? null : InboundActivity.teamId(a);
        if (team != null) {
            conversations.markTeamStale(tenant, team, clock.instant());
        }
        lifecycle.removed(tenant);
    }

    /**
     * A channel's reference points at the channel, not at the thread the activity came from, and keeps no one's
     * account: whoever spoke last is not needed to post there, and is not ours to keep.
     */
    private static ConversationReference channelReference(Activity a) {
        ConversationReference ref = a.getConversationReference();
        ref.getConversation().setId(InboundActivity.conversationId(a));
        ref.setActivityId(null);
        ref.setUser(null);
        return ref;
    }

    /** The admin channel for coordinators; any other channel or group chat is a group place. */
    private Place place(TurnContext turn, String tenant) {
        String conversation = InboundActivity.conversationId(turn.getActivity());
        boolean admin = conversations.admin(tenant).map(conversation::equals).orElse(false)
                || conversation.equals(properties.adminChannel());
        return admin && coordinator(turn, tenant) ? Place.ADMIN
                : Place.group(TeamsMessenger.CONVERSATION + conversation);
    }

    private void adminHere(TurnContext turn, String tenant, boolean personal) {
        Activity a = turn.getActivity();
        TeamsTexts t = TeamsTexts.of(InboundActivity.locale(a));
        PersonRef who = new PersonRef(TeamsMessenger.PLATFORM, tenant, InboundActivity.userId(a.getFrom()));
        if (personal) {
            messenger.send(Address.person(who), Message.text(t.rich("admin.here.personal")));
            return;
        }
        String conversation = InboundActivity.conversationId(a);
        Address here = Address.group(new GroupRef(TeamsMessenger.PLATFORM, tenant,
                TeamsMessenger.CONVERSATION + conversation));
        if (!coordinator(turn, tenant)) {
            log.warn("{} asked to make {} the admin channel but is not a configured coordinator", who.key(),
                    conversation);
            messenger.send(here, Message.text(t.rich("admin.here.refused")));
            return;
        }
        conversations.setAdmin(tenant, conversation, who.userId(), clock.instant());
        log.info("{} made Teams conversation {} the admin channel of tenant {}", who.key(), conversation, tenant);
        messenger.send(here, Message.text(t.rich("admin.here.done")));
        messenger.flush(tenant, "admin");
    }

    /** Configured by Entra object id (or Teams id), or by UPN / e-mail, which needs a member lookup. */
    private boolean coordinator(TurnContext turn, String tenant) {
        List<String> configured = properties.coordinators();
        ChannelAccount from = turn.getActivity().getFrom();
        if (configured.contains(from.getId().toLowerCase(Locale.ROOT)) || from.getAadObjectId() != null
                && configured.contains(from.getAadObjectId().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (configured.stream().noneMatch(c -> c.contains("@"))) {
            return false;
        }
        Optional<TeamsChannelAccount> member = members.inTurn(turn, from.getId());
        return member.map(m -> m.getUserPrincipalName() != null
                        && configured.contains(m.getUserPrincipalName().toLowerCase(Locale.ROOT))
                        || m.getEmail() != null && configured.contains(m.getEmail().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}

package org.tandem.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * The bot's turn handler: remembers the conversation reference of whatever it hears from (proactive messages need
 * it), answers {@code admin here}, and hands messages and card actions to the core as neutral events, answered
 * through the turn ({@link TeamsReplies}: in a channel, in the thread the message came from) — the Activity id is
 * the event id, so a redelivered activity is handled once. The app installed or the bot added somewhere is the core's
 * {@link Input.Arrived}: in a personal chat the installer's first contact (the core welcomes a person once), in a
 * team's channel or a group chat the bot joining it, welcomed there once per install (Teams tells it twice: the
 * installation and the members added). A slow answer in a personal chat shows the bot typing ({@link Typing}). A
 * turn holds its conversation's lane while it runs, so that what Tandem sends there meanwhile follows its replies.
 * It tells {@link TenantLifecycle} when the bot is removed from a conversation, and that the tenant is alive on
 * anything else.
 */
final class TeamsBot extends ActivityHandler implements AutoCloseable {

    static final String ADMIN_HERE = "admin here";
    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

    private final TandemCore core;
    private final TeamsConversations conversations;
    private final TeamsMessenger messenger;
    private final Origins origins;
    private final CardInvokes invokes;
    private final TenantLifecycle lifecycle;
    private final Clock clock;
    private final TypingIndicators indicators;

    TeamsBot(TandemCore core, TeamsConversations conversations, TeamsMessenger messenger, Origins origins,
             TenantLifecycle lifecycle, TypingIndicators indicators, Clock clock) {
        this.indicators = indicators;
        this.core = core;
        this.conversations = conversations;
        this.messenger = messenger;
        this.origins = origins;
        this.invokes = new CardInvokes(core, origins, messenger, messenger.outbox().cards());
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * Refuses, before the acknowledgement, a submission with a field its form never declared, or of a form that is
     * none of ours (a forged or outdated card): which fields a form has is the core's to say.
     */
    void checkSubmission(Activity a) {
        if (InboundActivity.cardInput(a).orElse(null) instanceof Input.Submit s
                && !core.formAccepts(s.formId(), s.values().keySet())) {
            throw new InboundActivity.Invalid("form '" + s.formId().replaceAll("[^\\w.-]", "?")
                    + "' is not one of ours or has no such field: " + s.values().keySet());
        }
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity a = turn.getActivity();
        if (!InboundActivity.removesBot(a)) {
            lifecycle.alive(InboundActivity.tenant(a));
        }
        try (Lanes.Hold lane = messenger.hold(InboundActivity.tenant(a), InboundActivity.conversationId(a))) {
            return CompletableFuture.completedFuture(super.onTurn(turn).join());
        }
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity a = turn.getActivity();
        remember(a);
        String text = InboundActivity.text(a);
        if (text.equalsIgnoreCase(ADMIN_HERE) && a.getValue() == null) {
            adminHere(turn);
            return done();
        }
        Optional<String> cardId = a.getValue() == null ? Optional.empty()
                : CardAction.cardId(Serialization.objectToTree(a.getValue()));
        Optional<Input> input = InboundActivity.input(a, text, origins.card(a, cardId));
        if (input.isEmpty()) {
            return done();
        }
        Place place = origins.place(turn);
        Typing typing = indicators.start(turn);
        try {
            core.handle(origins.event(turn, place, input.get()).answeredBy(new TeamsReplies(turn, messenger,
                    origins.who(a), place, InboundActivity.locale(a), null, typing)));
        } finally {
            typing.stop();
        }
        return done();
    }

    /** {@code adaptiveCard/action} (Universal Actions); the controller refused every other invoke. */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        remember(turn.getActivity());
        return CompletableFuture.completedFuture(invokes.answer(turn));
    }

    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity a = turn.getActivity();
        if (InboundActivity.removesBot(a)) {
            forget(a);
        } else {
            remember(a);
            if (InboundActivity.addsBot(a)) {
                arrived(turn);
            }
        }
        return done();
    }

    /** Installed ({@code add}) or upgraded ({@code add-upgrade}, which is no news for anyone). */
    @Override
    protected CompletableFuture<Void> onInstallationUpdateAdd(TurnContext turn) {
        remember(turn.getActivity());
        if (InboundActivity.addsBot(turn.getActivity())) {
            arrived(turn);
        }
        return done();
    }

    /**
     * Tandem was installed or added by the person the activity is from: in their personal chat the core welcomes
     * them (once ever, its own guard); in a channel or group chat, which is welcomed once per install whichever of
     * Teams' two activities comes first, the core welcomes everyone there (the coordinators in the admin channel).
     */
    private void arrived(TurnContext turn) {
        Activity a = turn.getActivity();
        if (a.getFrom() == null || a.getRecipient() != null && a.getFrom().getId().equals(a.getRecipient().getId())) {
            return;
        }
        if (!InboundActivity.personal(a) && !conversations.welcome(InboundActivity.tenant(a),
                InboundActivity.conversationId(a), clock.instant())) {
            log.debug("{} was welcomed since Tandem was added there", InboundActivity.conversationId(a));
            return;
        }
        Place place = origins.place(turn);
        core.handle(origins.event(turn, place, new Input.Arrived()).answeredBy(replies(turn, place, null)));
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
                    InboundActivity.teamName(a), channelReference(a), clock.instant());
        }
    }

    /** The bot was removed from a personal chat, a group chat, or a team (then from each of its channels). */
    private void forget(Activity a) {
        String tenant = InboundActivity.tenant(a);
        boolean personal = InboundActivity.personal(a);
        String key = personal
                ? TeamsConversations.personKey(tenant, InboundActivity.userId(a.getFrom()))
                : TeamsConversations.conversationKey(tenant, InboundActivity.conversationId(a));
        log.info("the bot was removed from {}", Logged.key(key));
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
        // a copy: the activity keeps its thread, where the turn's replies go
        ConversationReference ref = ConversationReference.clone(a.getConversationReference());
        ref.getConversation().setId(InboundActivity.conversationId(a));
        ref.setActivityId(null);
        ref.setUser(null);
        return ref;
    }

    private TeamsReplies replies(TurnContext turn, Place place, InvokeAnswer invoke) {
        Activity a = turn.getActivity();
        return new TeamsReplies(turn, messenger, origins.who(a), place, InboundActivity.locale(a), invoke);
    }

    private void adminHere(TurnContext turn) {
        Activity a = turn.getActivity();
        String tenant = InboundActivity.tenant(a);
        TeamsTexts t = TeamsTexts.of(InboundActivity.locale(a));
        PersonRef who = origins.who(a);
        if (InboundActivity.personal(a)) {
            replies(turn, Place.DIRECT, null).reply(Message.text(t.rich("admin.here.personal")));
            return;
        }
        String conversation = InboundActivity.conversationId(a);
        TeamsReplies here = replies(turn, Place.group(TeamsMessenger.CONVERSATION + conversation), null);
        if (!origins.coordinator(turn)) {
            log.warn("someone who is not a configured coordinator asked to make {} the admin channel of tenant {}",
                    Logged.conversation(conversation), tenant);
            here.reply(Message.text(t.rich("admin.here.refused")));
            return;
        }
        conversations.setAdmin(tenant, conversation, who.userId(), clock.instant());
        log.info("a coordinator made Teams conversation {} the admin channel of tenant {}",
                Logged.conversation(conversation), tenant);
        here.reply(Message.text(t.rich("admin.here.done")));
        messenger.flush(tenant, "admin");
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        indicators.close();
    }
}

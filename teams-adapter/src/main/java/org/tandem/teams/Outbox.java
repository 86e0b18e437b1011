package org.tandem.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.telemetry.Meters;

/**
 * Sends Tandem's messages to Teams conversations on its own (not as a reply): each is kept in {@link TeamsCards} under
 * an id of ours, goes through its conversation's {@link Lanes lane}, and is parked in {@link Undelivered} when Teams
 * cannot take it now. Updates a message wherever it is: delivered (the Bot Connector's {@code updateActivity}), still
 * in its lane, or parked.
 */
final class Outbox {

    /** Where a post in a team's channel is parked: each is a thread of its own there. */
    static final String CHANNEL = "channel:";

    /** What a parked message waits at least, before the sweep tries it again. */
    static final Duration PARKED_RETRY = Duration.ofMinutes(1);

    private final TeamsConversations conversations;
    private final Delivery delivery;
    private final Undelivered undelivered;
    private final TeamsCards cards;
    private final Lanes lanes;
    private final Clock clock;

    Outbox(TeamsConversations conversations, Delivery delivery, Undelivered undelivered, TeamsCards cards, Lanes lanes,
           Clock clock) {
        this.conversations = conversations;
        this.delivery = delivery;
        this.undelivered = undelivered;
        this.cards = cards;
        this.lanes = lanes;
        this.clock = clock;
    }

    TeamsCards cards() {
        return cards;
    }

    Undelivered undelivered() {
        return undelivered;
    }

    /** The lane of a conversation: its tenant and id (without a channel thread's suffix). */
    static String lane(String tenant, String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return tenant + "|" + (thread < 0 ? conversationId : conversationId.substring(0, thread));
    }

    /** Holds a conversation's lane for a turn there (see {@link Lanes}). */
    Lanes.Hold hold(String tenant, String conversationId) {
        return lanes.hold(lane(tenant, conversationId));
    }

    Delivery delivery() {
        return delivery;
    }

    /**
     * Which card a message becomes: its id, and the ids of every copy when one message goes out as several cards (one
     * per person), so that a click on any copy names them all and an update reaches them all.
     */
    record Copy(String id, List<String> all) {
        Copy {
            all = List.copyOf(all);
        }

        /** A message of one card. */
        static Copy single() {
            return new Copy(TeamsCards.newId(), List.of());
        }

        /** One card for each of {@code count} copies of a message. */
        static List<Copy> of(int count) {
            List<String> ids = Stream.generate(TeamsCards::newId).limit(count).toList();
            return ids.stream().map(id -> new Copy(id, ids)).toList();
        }
    }

    /** Sends to a stored conversation, through its lane; {@code parkAs} is where it waits if Teams refuses. */
    MessageRef post(TeamsConversations.Stored to, String parkAs, Message message, Locale locale,
                    Consumer<ObjectNode> extra) {
        return post(to, parkAs, message, locale, extra, Copy.single());
    }

    /** The same, as card {@code copy}. */
    MessageRef post(TeamsConversations.Stored to, String parkAs, Message message, Locale locale,
                    Consumer<ObjectNode> extra, Copy copy) {
        String id = copy.id();
        Activity a = open(copy, to.tenant(), parkAs, to.conversationId(), message, locale, recipients(to), extra);
        lanes.send(lane(to.tenant(), to.conversationId()), new Lanes.Pending(id, a,
                activity -> deliver(to, parkAs, activity, id),
                (activityId, later) -> delivery.update(target(to), activityId, withId(addressed(later,
                        to.reference()), activityId))));
        return TeamsRefs.card(id);
    }

    /** Keeps a message for a conversation that does not exist yet (no personal chat, no admin channel). */
    MessageRef parkNew(String tenant, String parkAs, Message message, Locale locale, Consumer<ObjectNode> extra,
                       String reason) {
        return parkNew(tenant, parkAs, message, locale, extra, reason, Copy.single());
    }

    /** The same, as card {@code copy}. */
    MessageRef parkNew(String tenant, String parkAs, Message message, Locale locale, Consumer<ObjectNode> extra,
                       String reason, Copy copy) {
        String id = copy.id();
        Activity a = open(copy, tenant, parkAs, null, message, locale, List.of(), extra);
        park(tenant, parkAs, a, reason, Duration.ZERO, id);
        return TeamsRefs.card(id);
    }

    /** Renders a message as the card {@code id} and records it, before it is sent. */
    Activity open(String id, String tenant, String parkAs, String conversationId, Message message, Locale locale,
                  List<String> userIds, Consumer<ObjectNode> extra) {
        return open(new Copy(id, List.of()), tenant, parkAs, conversationId, message, locale, userIds, extra);
    }

    private Activity open(Copy copy, String tenant, String parkAs, String conversationId, Message message,
                          Locale locale, List<String> userIds, Consumer<ObjectNode> extra) {
        AdaptiveCards.Live live = new AdaptiveCards.Live(copy.id(), userIds);
        Activity a = activity(message, locale, live, extra);
        ObjectNode card = card(a);
        cards.open(copy.id(), tenant, parkAs, conversationId, AdaptiveCards.live(card) ? card : null, userIds, locale,
                clock.instant(), copy.all());
        return a;
    }

    /** Sends now; returns the activity id Teams gave, or empty when it was parked or refused. */
    Optional<String> deliver(TeamsConversations.Stored to, String parkAs, Activity activity, String id) {
        ConversationReference ref = to.reference();
        Delivery.Outcome outcome = send(delivery, to, parkAs, activity);
        return settle(outcome, to.tenant(), to.key(), parkAs, activity, id, ref.getServiceUrl(), to.conversationId());
    }

    /**
     * Sends to a stored conversation: into it, or, for a post in a channel ({@link #CHANNEL}), as a new thread there
     * (what waited parked goes the same way).
     */
    static Delivery.Outcome send(Delivery delivery, TeamsConversations.Stored to, String parkAs, Activity activity) {
        Activity a = addressed(activity, to.reference());
        return parkAs.startsWith(CHANNEL) ? delivery.startThread(target(to), to.reference().getBot(), a)
                : delivery.send(target(to), a);
    }

    /** What a send's outcome means for its card: delivered, its conversation gone, or parked for later. */
    Optional<String> settle(Delivery.Outcome outcome, String tenant, String storedKey, String parkAs,
                            Activity activity, String id, String serviceUrl, String conversationId) {
        if (outcome instanceof Delivery.Outcome.Sent sent) {
            cards.delivered(id, serviceUrl, conversationId, sent.activityId());
            return Optional.of(sent.activityId());
        }
        if (outcome instanceof Delivery.Outcome.Gone) {
            conversations.markStale(storedKey, clock.instant());
            return Optional.empty();
        }
        Delivery.Outcome.Failed failed = (Delivery.Outcome.Failed) outcome;
        if (failed.retryable()) {
            park(tenant, parkAs, activity, failed.reason(), failed.retryIn(), id);
        } else {
            delivery.meters().send(TeamsMessenger.PLATFORM, Meters.Outcome.DEAD);
        }
        return Optional.empty();
    }

    /**
     * Replaces a message with {@code message}, wherever it is, every copy of it; false when Teams refused (too old,
     * deleted) or it is nowhere to be found (given up, forgotten), and nothing changed then — for a message of
     * several copies, false when any copy could not be updated (the others are updated all the same).
     */
    boolean update(MessageRef ref, Message message) {
        List<String> ids = TeamsRefs.cardIds(ref);
        if (!ids.isEmpty()) {
            boolean all = true;
            for (String id : ids) {
                all &= cards.find(id).map(c -> update(c, message)).orElse(false);
            }
            return all;
        }
        return TeamsRefs.shown(ref).map(s -> {
            Delivery.Target target = new Delivery.Target("update:" + s.conversationId(), s.tenant(),
                    s.serviceUrl(), s.conversationId());
            return delivery.update(target, s.activityId(), withId(activity(message, Locale.ENGLISH,
                    AdaptiveCards.Live.NONE, c -> { }), s.activityId())) instanceof Delivery.Outcome.Sent;
        }).orElse(false);
    }

    /** Replaces one card, wherever it is (delivered, in its lane, parked); false when Teams refused. */
    boolean update(TeamsCards.Card card, Message message) {
        Activity a = rerender(card, message);
        boolean updated;
        if (lanes.replace(card.id(), a)) {
            updated = true;
        } else if (card.delivered()) {
            Delivery.Target target = new Delivery.Target("update:" + card.conversationId(), card.tenant(),
                    card.serviceUrl(), card.conversationId());
            updated = delivery.update(target, card.activityId(), withId(a, card.activityId()))
                    instanceof Delivery.Outcome.Sent;
        } else {
            updated = card.parked() != null && undelivered.replace(card.parked(), a);
        }
        if (updated) {
            shows(card.id(), a);
        }
        return updated;
    }

    /** The message as card {@code card} would show it now (same id, same recipients, same language). */
    Activity rerender(TeamsCards.Card card, Message message) {
        return activity(message, card.locale(), new AdaptiveCards.Live(card.id(), card.userIds()), c -> { });
    }

    /** Keeps what a card shows now, for refreshes. */
    void shows(String cardId, Activity a) {
        ObjectNode card = card(a);
        cards.shows(cardId, card, AdaptiveCards.live(card));
    }

    /** Parks a message, due again in a minute, or when Teams said (never sooner). */
    void park(String tenant, String to, Activity activity, String reason, Duration wait, String cardId) {
        delivery.meters().send(TeamsMessenger.PLATFORM, Meters.Outcome.PARKED);
        ObjectId parked = undelivered.park(tenant, to, activity, reason, clock.instant(),
                wait.compareTo(PARKED_RETRY) > 0 ? wait : PARKED_RETRY, cardId);
        if (cardId != null) {
            cards.parked(cardId, parked);
        }
    }

    /** Who sees a personal chat's card refresh by itself: its person (the Teams id the chat knows them by). */
    static List<String> recipients(TeamsConversations.Stored to) {
        boolean personal = to.key().startsWith("person|");
        String user = to.reference().getUser() == null ? null : to.reference().getUser().getId();
        return personal && user != null ? List.of(user) : List.of();
    }

    static Activity activity(Message message, Locale locale, AdaptiveCards.Live live, Consumer<ObjectNode> extra) {
        ObjectNode card = AdaptiveCards.render(message, TeamsTexts.of(locale), live);
        extra.accept(card);
        Attachment attachment = new Attachment();
        attachment.setContentType(AdaptiveCards.CONTENT_TYPE);
        attachment.setContent(card);
        Activity a = Activity.createMessageActivity();
        a.setAttachment(attachment);
        a.setSummary(message.summary());
        return a;
    }

    static ObjectNode card(Activity a) {
        return (ObjectNode) a.getAttachments().get(0).getContent();
    }

    /** The activity addressed to a conversation (from the bot, in that conversation), not as a reply. */
    static Activity addressed(Activity activity, ConversationReference ref) {
        Activity a = Activity.clone(activity);
        a.applyConversationReference(ref, false);
        a.setReplyToId(null);
        return a;
    }

    private static Activity withId(Activity activity, String activityId) {
        Activity a = Activity.clone(activity);
        a.setId(activityId);
        return a;
    }

    static Delivery.Target target(TeamsConversations.Stored s) {
        return new Delivery.Target(s.key(), s.tenant(), s.reference().getServiceUrl(), s.conversationId());
    }
}

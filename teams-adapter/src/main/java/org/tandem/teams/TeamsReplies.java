package org.tandem.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.ReplyChannel;

/**
 * The answers to one Teams activity, in its turn (the Bot Framework's {@code TurnContext}): a reply goes where the
 * activity came from ({@code sendActivity}: a channel's thread, the personal chat), a card of this conversation is
 * updated through the turn ({@code updateActivity}), and the card an {@code Action.Execute} came from is answered
 * in the invoke's response instead — in a shared conversation it is also updated for everyone else there. Teams
 * cannot post a message in a shared conversation for one person only: what is for them alone is the invoke's answer
 * when they acted on a card (a short text Teams shows them by it), else it goes to their personal chat. Replies are
 * kept, retried and parked like everything Tandem sends. A typing indicator the turn shows stops before its first
 * answer goes.
 */
final class TeamsReplies implements ReplyChannel {

    /** A text shown by the card to the one who acted: Teams keeps nothing of it to update. */
    private static final MessageRef SAID = new MessageRef(TeamsMessenger.PLATFORM, "invoke-answer");

    private final TurnContext turn;
    private final TeamsMessenger messenger;
    private final Outbox outbox;
    private final PersonRef who;
    private final Place place;
    private final Locale locale;
    private final InvokeAnswer invoke;
    private final Typing typing;

    /** For an activity of {@code who} in {@code place}; {@code invoke} for an {@code adaptiveCard/action} (or null). */
    TeamsReplies(TurnContext turn, TeamsMessenger messenger, PersonRef who, Place place, Locale locale,
                 InvokeAnswer invoke) {
        this(turn, messenger, who, place, locale, invoke, Typing.NONE);
    }

    /** The same, in a turn that shows {@code typing} until its first answer. */
    TeamsReplies(TurnContext turn, TeamsMessenger messenger, PersonRef who, Place place, Locale locale,
                 InvokeAnswer invoke, Typing typing) {
        this.typing = typing;
        this.turn = turn;
        this.messenger = messenger;
        this.outbox = messenger.outbox();
        this.who = who;
        this.place = place;
        this.locale = locale;
        this.invoke = invoke;
    }

    @Override
    public MessageRef reply(Message message) {
        return reply(message, card -> { });
    }

    @Override
    public MessageRef whisper(Message message) {
        if (personal()) {
            return reply(message);
        }
        Optional<String> text = plain(message);
        if (invoke != null && text.isPresent() && invoke.say(text.get())) {
            return SAID;
        }
        return messenger.send(Address.person(who), message);
    }

    /** A message of words only (nothing to click), as plain text: what an invoke's answer can show. */
    private static Optional<String> plain(Message message) {
        List<String> lines = new ArrayList<>();
        for (Block b : message.blocks()) {
            if (b instanceof Block.Text t) {
                lines.add(t.text().plain());
            } else if (b instanceof Block.Context c) {
                lines.add(c.text().plain());
            } else {
                return Optional.empty();
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
    }

    /** A file for the one who asked: here, unless here is shared with others who are not coordinators. */
    @Override
    public MessageRef replyWithFile(FileAttachment file, Message message) {
        if (!personal() && !(place instanceof Place.Admin)) {
            return messenger.sendFile(Address.person(who), file, message);
        }
        String link = messenger.link(who.tenant(), file);
        return reply(message, card -> TeamsMessenger.download(card, locale, file, link, message));
    }

    /**
     * Every copy of the message: the one here through the turn (or in the invoke's answer, when the action came from
     * it), the others (another person's copy of a pair's message) as Tandem updates any message.
     */
    @Override
    public boolean update(MessageRef ref, Message message) {
        boolean answering = invoke != null && invoke.isFor(ref);
        List<TeamsCards.Card> copies = TeamsRefs.cardIds(ref).stream().map(outbox.cards()::find)
                .flatMap(Optional::stream).toList();
        if (copies.isEmpty()) {
            // a card Teams names by its activity id alone
            if (answering && invoke.capture(Outbox.card(Outbox.activity(message, locale, AdaptiveCards.Live.NONE,
                    c -> { })))) {
                return personal() || outbox.update(ref, message);
            }
            return outbox.update(ref, message);
        }
        boolean all = true;
        for (TeamsCards.Card c : copies) {
            all &= c.in(who.tenant(), conversationId()) ? updateHere(c, message, answering) : outbox.update(c, message);
        }
        return all;
    }

    private boolean updateHere(TeamsCards.Card card, Message message, boolean answering) {
        Activity a = outbox.rerender(card, message);
        if (answering && invoke.capture(Outbox.card(a))) {
            outbox.shows(card.id(), a);
            // the invoke's answer changes the card for the one who acted; the others here see the update
            return personal() || !card.delivered() || inTurn(card, a);
        }
        if (!card.delivered()) {
            return outbox.update(card, message);
        }
        if (inTurn(card, a)) {
            outbox.shows(card.id(), a);
            return true;
        }
        return false;
    }

    private MessageRef reply(Message message, Consumer<ObjectNode> extra) {
        typing.stop();
        Activity in = turn.getActivity();
        String conversation = conversationId();
        String id = TeamsCards.newId();
        Activity a = outbox.open(id, who.tenant(), parkAs(), conversation, message, locale,
                List.of(in.getFrom().getId()), extra);
        Delivery.Outcome outcome = outbox.delivery().inTurn(target(), "reply", () -> turn
                .sendActivity(Activity.clone(a)).thenApply(r -> r == null || r.getId() == null ? "" : r.getId()));
        outbox.settle(outcome, who.tenant(), storedKey(), parkAs(), a, id, in.getServiceUrl(), conversation);
        return TeamsRefs.card(id);
    }

    /** Updates a delivered card of this conversation through the turn. */
    private boolean inTurn(TeamsCards.Card card, Activity shown) {
        typing.stop();
        Activity a = Activity.clone(shown);
        a.setId(card.activityId());
        return outbox.delivery().inTurn(target(), "update", () -> turn.updateActivity(a)
                .thenApply(r -> card.activityId())) instanceof Delivery.Outcome.Sent;
    }

    private boolean personal() {
        return InboundActivity.personal(turn.getActivity());
    }

    private String conversationId() {
        return InboundActivity.conversationId(turn.getActivity());
    }

    /** Where a reply Teams did not take waits: the person's chat, the admin channel, or this conversation. */
    private String parkAs() {
        if (personal()) {
            return "person:" + who.userId();
        }
        return place instanceof Place.Admin ? "admin" : "conversation:" + conversationId();
    }

    private String storedKey() {
        return personal() ? TeamsConversations.personKey(who.tenant(), who.userId())
                : TeamsConversations.conversationKey(who.tenant(), conversationId());
    }

    private Delivery.Target target() {
        return new Delivery.Target(storedKey(), who.tenant(), turn.getActivity().getServiceUrl(), conversationId());
    }
}

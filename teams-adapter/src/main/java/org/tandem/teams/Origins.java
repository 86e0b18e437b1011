package org.tandem.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * Who an activity comes from and where, as the core names them: the person, the place (the admin channel only for
 * a coordinator), and the card a click or a submission came from — the one its data names when it is one of ours
 * in this very conversation (a card id copied from elsewhere names nothing), else the one Teams names.
 */
final class Origins {

    private final TeamsConversations conversations;
    private final TeamsCards cards;
    private final MemberLookup members;
    private final TeamsProperties properties;

    Origins(TeamsConversations conversations, TeamsCards cards, MemberLookup members, TeamsProperties properties) {
        this.conversations = conversations;
        this.cards = cards;
        this.members = members;
        this.properties = properties;
    }

    PersonRef who(Activity a) {
        return new PersonRef(TeamsMessenger.PLATFORM, InboundActivity.tenant(a), InboundActivity.userId(a.getFrom()));
    }

    /** The event for the core, with the activity's id as the event id (a redelivered activity is handled once). */
    InboundEvent event(TurnContext turn, Place place, Input input) {
        Activity a = turn.getActivity();
        PersonRef who = who(a);
        // the address the member lookup found before, for calendar invites (an activity never carries it)
        Optional<String> email = conversations.person(who.tenant(), who.userId())
                .map(TeamsConversations.Stored::email).filter(e -> !e.isBlank());
        Actor actor = new Actor(who, a.getFrom().getName(), InboundActivity.locale(a), InboundActivity.timeZone(a),
                email);
        String eventId = a.getId() == null || a.getId().isBlank() ? UUID.randomUUID().toString() : a.getId();
        return new InboundEvent(actor, place, eventId, input);
    }

    /** The personal chat, the admin channel (for coordinators), or any other channel or group chat. */
    Place place(TurnContext turn) {
        Activity a = turn.getActivity();
        if (InboundActivity.personal(a)) {
            return Place.DIRECT;
        }
        String tenant = InboundActivity.tenant(a);
        String conversation = InboundActivity.conversationId(a);
        boolean admin = conversations.admin(tenant).map(conversation::equals).orElse(false)
                || conversation.equals(properties.adminChannel());
        return admin && coordinator(turn) ? Place.ADMIN : Place.group(TeamsMessenger.CONVERSATION + conversation);
    }

    /** The message an action came from: the card, or every copy of the message it is one of. */
    Optional<MessageRef> card(Activity a, Optional<String> cardId) {
        String tenant = InboundActivity.tenant(a);
        String conversation = InboundActivity.conversationId(a);
        return cardId.flatMap(cards::find).filter(c -> c.in(tenant, conversation))
                .map(TeamsCards.Card::ref).or(() -> InboundActivity.replyTo(a));
    }

    /** Configured by Entra object id (or Teams id), or by UPN / e-mail, which needs a member lookup. */
    boolean coordinator(TurnContext turn) {
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
}

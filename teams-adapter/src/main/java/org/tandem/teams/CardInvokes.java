package org.tandem.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import java.net.HttpURLConnection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Place;

/**
 * Answers {@code adaptiveCard/action} invokes, in their turn: an {@code Action.Execute} is handed to the core as the
 * click or submission it stands for, on the card it came from, and answered with that card as the turn left it; a
 * refresh is answered with the card as it is now, from {@link TeamsCards}.
 */
final class CardInvokes {

    /** Where the controller leaves the answer it waits for, in the turn's state. */
    static final String ANSWER = "tandem.invokeAnswer";

    private final TandemCore core;
    private final Origins origins;
    private final TeamsMessenger messenger;
    private final TeamsCards cards;

    CardInvokes(TandemCore core, Origins origins, TeamsMessenger messenger, TeamsCards cards) {
        this.core = core;
        this.origins = origins;
        this.messenger = messenger;
        this.cards = cards;
    }

    InvokeResponse answer(TurnContext turn) {
        Activity a = turn.getActivity();
        // checked before the acknowledgement: here it reads
        CardAction.Asked asked = CardAction.read(a);
        if (asked instanceof CardAction.Refresh r) {
            return current(a, r.cardId()).map(InvokeAnswer::card).orElseGet(() -> InvokeAnswer.error(
                    HttpURLConnection.HTTP_NOT_FOUND, "NotFound", "Tandem keeps no such card here"));
        }
        CardAction.Act act = (CardAction.Act) asked;
        Optional<MessageRef> card = origins.card(a, act.cardId());
        Input input = InboundActivity.submitted(act.data(), card);
        InvokeAnswer answer = Optional.ofNullable(turn.getTurnState().<InvokeAnswer>get(ANSWER))
                .orElseGet(InvokeAnswer::new).about(card.orElse(null));
        Place place = origins.place(turn);
        Locale locale = InboundActivity.locale(a);
        core.handle(origins.event(turn, place, input).answeredBy(new TeamsReplies(turn, messenger, origins.who(a),
                place, locale, answer)));
        return answer.answer(() -> act.cardId().flatMap(id -> current(a, id)),
                TeamsTexts.of(locale).get("card.noted"));
    }

    /** The card as kept now, when it is one of this conversation's. */
    private Optional<ObjectNode> current(Activity a, String cardId) {
        return cards.find(cardId).filter(c -> c.in(InboundActivity.tenant(a), InboundActivity.conversationId(a)))
                .map(TeamsCards.Card::content).filter(Objects::nonNull);
    }
}

package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import java.util.Optional;

/**
 * What an {@code adaptiveCard/action} invoke asks (Universal Actions): the refresh of one of our cards, or one of its
 * {@code Action.Execute} (a button, a choice, a form's submit or cancel), whose {@code data} is what an
 * {@code Action.Submit} would have sent as its value. {@code {"value": {"action": {"type": "Action.Execute", "verb":
 * …, "data": {…}}, "trigger": "manual" | "automatic"}}}.
 */
final class CardAction {

    static final String NAME = "adaptiveCard/action";
    /** Our card ids, as {@link TeamsCards#newId()} makes them. */
    private static final String CARD_ID = "[A-Za-z0-9-]{1,64}";

    /** What was asked. */
    sealed interface Asked {
    }

    /** Show the card as it is now. */
    record Refresh(String cardId) implements Asked {
    }

    /** An action on the card: its data (our ids, and the inputs' values), and the card's id when the data says. */
    record Act(JsonNode data, Optional<String> cardId) implements Asked {
    }

    private CardAction() {
    }

    static boolean isCardAction(Activity a) {
        return a.isType(ActivityTypes.INVOKE) && NAME.equals(a.getName());
    }

    /** Reads an invoke; throws {@link InboundActivity.Invalid} for one our cards never make. */
    static Asked read(Activity a) {
        JsonNode value = a.getValue() == null ? null : Serialization.objectToTree(a.getValue());
        JsonNode action = value == null ? null : value.get("action");
        if (action == null || !action.isObject()) {
            throw new InboundActivity.Invalid("an " + NAME + " invoke needs a 'value.action' object");
        }
        if (!"Action.Execute".equals(action.path("type").asText())) {
            throw new InboundActivity.Invalid("'value.action.type' must be Action.Execute");
        }
        JsonNode data = action.get("data");
        if (data == null || !data.isObject() || !data.path(AdaptiveCards.DATA).isObject()) {
            throw new InboundActivity.Invalid("'value.action.data." + AdaptiveCards.DATA + "' must be an object, as "
                    + "on every card of ours");
        }
        JsonNode ours = data.get(AdaptiveCards.DATA);
        if (ours.has(AdaptiveCards.REFRESH)) {
            return new Refresh(id(ours.get(AdaptiveCards.REFRESH))
                    .orElseThrow(() -> new InboundActivity.Invalid("'refresh' must be a card id")));
        }
        return new Act(data, cardId(data));
    }

    /** The card an action's data names ({@code tandem.card}), when it is one of ours. */
    static Optional<String> cardId(JsonNode data) {
        JsonNode card = data.path(AdaptiveCards.DATA).get(AdaptiveCards.CARD);
        if (card == null || card.isNull()) {
            return Optional.empty();
        }
        return Optional.of(id(card).orElseThrow(() -> new InboundActivity.Invalid("'"
                + AdaptiveCards.DATA + "." + AdaptiveCards.CARD + "' must be a card id")));
    }

    private static Optional<String> id(JsonNode n) {
        return n.isTextual() && n.asText().matches(CARD_ID) ? Optional.of(n.asText()) : Optional.empty();
    }
}

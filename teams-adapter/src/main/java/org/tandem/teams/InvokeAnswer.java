package org.tandem.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.Supplier;
import org.tandem.core.conversation.MessageRef;

/**
 * What an {@code adaptiveCard/action} invoke is answered with: the card it came from as that turn left it (an update
 * of the card during the turn is kept here instead of being sent), its current version when the turn did not change
 * it, else a short message. Once answered (or abandoned, the turn being too slow for Teams), later updates of the
 * card are sent as ordinary updates.
 */
final class InvokeAnswer {

    static final String CARD = AdaptiveCards.CONTENT_TYPE;
    static final String MESSAGE = "application/vnd.microsoft.activity.message";
    static final String ERROR = "application/vnd.microsoft.error";

    private MessageRef card;
    private ObjectNode captured;
    private boolean closed;

    /** The card the action came from, when Teams or its data said which (null otherwise). */
    synchronized InvokeAnswer about(MessageRef card) {
        this.card = card;
        return this;
    }

    synchronized boolean isFor(MessageRef ref) {
        return card != null && card.equals(ref);
    }

    /** Keeps the card as it now shows, for the answer; false once the answer went (the caller sends it instead). */
    synchronized boolean capture(ObjectNode shown) {
        if (closed) {
            return false;
        }
        captured = shown;
        return true;
    }

    /** Answers once: the captured card, else {@code current} (the card as kept), else {@code noted}. */
    synchronized InvokeResponse answer(Supplier<Optional<ObjectNode>> current, String noted) {
        closed = true;
        Optional<ObjectNode> shown = Optional.ofNullable(captured).or(current);
        return shown.map(InvokeAnswer::card).orElseGet(() -> message(noted));
    }

    /** Nobody reads the answer any more (Teams gave up waiting). */
    synchronized void abandon() {
        closed = true;
    }

    /** The card to show in place of the one the action came from. */
    static InvokeResponse card(ObjectNode card) {
        return response(HttpURLConnection.HTTP_OK, CARD, card);
    }

    /** A short text Teams shows by the card, which stays as it is. */
    static InvokeResponse message(String text) {
        return response(HttpURLConnection.HTTP_OK, MESSAGE, text);
    }

    /** An answer saying the action could not be taken (the HTTP status stays 200: Teams reads this one). */
    static InvokeResponse error(int status, String code, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
        return response(status, ERROR, error);
    }

    private static InvokeResponse response(int status, String type, Object value) {
        AdaptiveCardInvokeResponse r = new AdaptiveCardInvokeResponse();
        r.setStatusCode(status);
        r.setType(type);
        r.setValue(value);
        return new InvokeResponse(HttpURLConnection.HTTP_OK, r);
    }
}

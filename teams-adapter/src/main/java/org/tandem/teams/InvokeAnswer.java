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
 * of the card during the turn is kept here instead of being sent), or a short text for the one who acted alone (what
 * the turn said to them privately, in a shared conversation), else the card's current version, else a short message.
 * Once answered (or abandoned, the turn being too slow for Teams), later updates of the card are sent as ordinary
 * updates; so is one that comes after a text was said (Teams shows one answer).
 */
final class InvokeAnswer {

    static final String CARD = AdaptiveCards.CONTENT_TYPE;
    static final String MESSAGE = "application/vnd.microsoft.activity.message";
    static final String ERROR = "application/vnd.microsoft.error";

    private MessageRef card;
    private ObjectNode captured;
    private String said;
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
        if (closed || said != null) {
            return false;
        }
        captured = shown;
        return true;
    }

    /**
     * Keeps a text for the one who acted, shown by the card (which stays as it is); false once the answer went or a
     * changed card is its answer (the caller sends the text another way).
     */
    synchronized boolean say(String text) {
        if (closed || captured != null) {
            return false;
        }
        said = said == null ? text : said + "\n" + text;
        return true;
    }

    /** Answers once: the captured card, else what was said, else {@code current} (the kept card), or {@code noted}. */
    synchronized InvokeResponse answer(Supplier<Optional<ObjectNode>> current, String noted) {
        closed = true;
        if (captured == null && said != null) {
            return message(said);
        }
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

package org.tandem.core.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a person did, in the neutral model. {@code eventId} is the platform's id for it (or one the adapter
 * derived), so that a retried delivery is handled once. {@code replies} is where the answers go, the platform's way;
 * empty for the plain channel over the messenger ({@link ReplyChannel#of}).
 */
public record InboundEvent(Actor actor, Place place, String eventId, Input input, Optional<ReplyChannel> replies) {

    public InboundEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(input, "input");
        replies = replies == null ? Optional.empty() : replies;
    }

    /** An event answered over the plain channel. */
    public InboundEvent(Actor actor, Place place, String eventId, Input input) {
        this(actor, place, eventId, input, Optional.empty());
    }

    /** The same event, answered through {@code channel}. */
    public InboundEvent answeredBy(ReplyChannel channel) {
        return new InboundEvent(actor, place, eventId, input, Optional.of(channel));
    }
}

package org.tandem.core.conversation;

import java.util.Objects;

/**
 * One thing a person did, in the neutral model. {@code eventId} is the platform's id for it (or one the
 * adapter derived), so that a retried delivery is handled once.
 */
public record InboundEvent(Actor actor, Place place, String eventId, Input input) {

    public InboundEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(input, "input");
    }
}

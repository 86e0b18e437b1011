package org.tandem.core.schedule;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.tandem.core.conversation.Scope;

/**
 * One piece of scheduled work, as stored in {@code due_items}.
 *
 * @param key      the idempotency key, also the document id: scheduling the same key twice schedules it once
 * @param kind     which {@link DueHandler} performs it
 * @param platform the platform of the people it concerns
 * @param tenant   the tenant of the people it concerns
 * @param payload  what the handler needs (strings, numbers, booleans and lists of them)
 * @param dueAt    when it is to be performed; a retry moves it later
 * @param status   where it stands
 * @param attempts how many times it was handed to a handler
 * @param lastError why the last attempt failed, if it did
 * @param lease    who holds it and until when, while {@link Status#LEASED}
 */
public record DueItem(String key, String kind, String platform, String tenant, Map<String, Object> payload,
                      Instant dueAt, Status status, int attempts, Optional<String> lastError, Optional<Lease> lease) {

    /** The life of an item: PENDING -> LEASED -> DONE, or back to PENDING to retry, or FAILED for good. */
    public enum Status { PENDING, LEASED, DONE, FAILED }

    /**
     * A replica's claim on an item; after {@code until}, another replica may claim it. The {@code id} is new with
     * every claim: it tells this attempt from any other, even one of the same owner.
     */
    public record Lease(String owner, Instant until, String id) {}

    /** The workspace the item is for. */
    public Scope scope() {
        return new Scope(platform, tenant);
    }

    /** A payload field that must be a string, for handlers: fails loudly when it is missing. */
    public String payloadString(String field) {
        if (payload.get(field) instanceof String s) {
            return s;
        }
        throw new IllegalStateException("due item " + key + " has no string '" + field + "' in its payload");
    }
}

package org.tandem.core.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.Objects;
import java.util.UUID;
import org.bson.conversions.Bson;

/**
 * The claim of one stored thing to do (a due item, a message kept for later) by one sweep: the claim writes a fresh
 * token in the document's {@value #FIELD} field in the same guarded update that takes it, and every later change
 * of that sweep is guarded by the token ({@link #held()}). A sweep that lost its claim (it ran past its lease and
 * another replica took over) then changes nothing: nothing is done twice, nothing is forgotten by the wrong one.
 */
public record Lease(Object id, String token) {

    /** The field that holds the token of the claim in force. */
    public static final String FIELD = "lease";

    public Lease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
    }

    /** A new claim on the document with this {@code _id}: write {@link #token()} in {@link #FIELD} as it is taken. */
    public static Lease on(Object id) {
        return new Lease(id, UUID.randomUUID().toString());
    }

    /** The guard of every change after the claim: the document still carries this claim's token. */
    public Bson held() {
        return and(eq("_id", id), eq(FIELD, token));
    }
}

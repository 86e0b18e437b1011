package org.tandem.core.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The claim of one stored thing to do (a due item, a message kept for later) by one sweep: the claim writes a fresh
 * token in the document's {@value #FIELD} field in the same guarded update that takes it, and every later change
 * of that sweep is guarded by the token ({@link #held()}). A sweep that lost its claim (it ran past its lease and
 * another replica took over) then changes nothing: nothing is done twice, nothing is forgotten by the wrong one.
 *
 * <p>The guard is one exact field under a unique sparse index ({@link #index}): the embedded server answers a
 * query from a unique index only when the query is exactly that index's field, and would scan the collection
 * for {@code _id + token}. The token is new with every claim, so it names the document by itself.
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

    /** The index the guard is answered from: unique, sparse (only claimed documents carry a token). */
    public static void index(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(FIELD), new IndexOptions().name(FIELD).unique(true).sparse(true));
    }

    /** The guard of every change after the claim: the document still carries this claim's token. */
    public Bson held() {
        return eq(FIELD, token);
    }
}

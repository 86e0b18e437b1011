package org.tandem.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.tandem.core.conversation.MessageRef;

/**
 * Every message Tandem sent on Teams ({@code teams_cards}), by the id its {@code MessageRef}
 * carries: where it went, the activity id Teams gave it once it was delivered (none while it waits in a lane or is
 * parked), and, for a card people can act on, the card as it shows now — what an {@code adaptiveCard/action}
 * refresh is answered with. The id is ours, known before Teams answers, so that a message sent later or parked can
 * be updated all the same, and a click names the card it came from in the card's own data.
 */
final class TeamsCards {

    /** A closed card is kept this long (a late refresh, a late click); an open one up to {@link #KEPT_OPEN}. */
    static final Duration KEPT = Duration.ofDays(90);
    static final Duration KEPT_OPEN = Duration.ofDays(365);

    /**
     * What is kept about one message; {@code copies} are the ids of every card of the same message when it went out
     * as several (one per person of a pair), this one included, else empty.
     */
    record Card(String id, String tenant, String to, String conversationId, String serviceUrl, String activityId,
                ObjectId parked, ObjectNode content, List<String> userIds, Locale locale, List<String> copies) {

        /** How the core names the message this card shows: all of its copies, or this card alone. */
        MessageRef ref() {
            return copies.isEmpty() ? TeamsRefs.card(id) : TeamsRefs.cards(copies);
        }

        boolean delivered() {
            return activityId != null;
        }

        /** Whether it was sent to this conversation (a click or a refresh names only cards of its own chat). */
        boolean in(String tenant, String conversationId) {
            return this.tenant.equals(tenant) && conversationId.equals(this.conversationId);
        }
    }

    private final MongoCollection<Document> collection;

    TeamsCards(MongoDatabase db) {
        this.collection = db.getCollection("teams_cards");
        collection.createIndex(Indexes.ascending("tenant", "to"), new IndexOptions().name("tenant_to"));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Records a message about to go to {@code to} ({@code person:<userId>}, {@code conversation:<id>}, {@code admin});
     * {@code content} is kept only for a card with something to act on (null otherwise).
     */
    void open(String id, String tenant, String to, String conversationId, ObjectNode content, List<String> userIds,
              Locale locale, Instant now) {
        open(id, tenant, to, conversationId, content, userIds, locale, now, List.of());
    }

    /** The same, for one of several copies of a message ({@code copies}: all their ids). */
    void open(String id, String tenant, String to, String conversationId, ObjectNode content, List<String> userIds,
              Locale locale, Instant now, List<String> copies) {
        Document d = new Document("_id", id).append("tenant", tenant).append("to", to)
                .append("conversationId", conversationId).append("userIds", userIds)
                .append("locale", locale.toLanguageTag()).append("live", content != null)
                .append("at", Date.from(now));
        if (content != null) {
            d.append("content", json(content));
        }
        if (copies.size() > 1) {
            d.append("copies", copies);
        }
        collection.insertOne(d);
    }

    /** Teams took it: its activity id, in which conversation and through which service URL. */
    void delivered(String id, String serviceUrl, String conversationId, String activityId) {
        collection.updateOne(eq("_id", id), Updates.combine(Updates.set("serviceUrl", serviceUrl),
                Updates.set("conversationId", conversationId), Updates.set("activityId", activityId),
                Updates.unset("parked")));
    }

    /** It waits in {@code teams_undelivered}: an update changes the parked copy. */
    void parked(String id, ObjectId parked) {
        collection.updateOne(eq("_id", id), Updates.set("parked", parked));
    }

    /** What the card shows now (after an update); {@code live} when something on it can still be acted on. */
    void shows(String id, ObjectNode content, boolean live) {
        collection.updateOne(eq("_id", id), Updates.combine(Updates.set("content", json(content)),
                Updates.set("live", live)));
    }

    Optional<Card> find(String id) {
        Document d = collection.find(eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(card(d));
    }

    /** Forgets, in a tenant, what went to a person, and every kept card that names or quotes them. */
    long forget(String tenant, String to, Needles needles) {
        long gone = collection.deleteMany(and(eq("tenant", tenant), eq("to", to))).getDeletedCount();
        List<String> hits = new ArrayList<>();
        for (Document d : collection.find(eq("tenant", tenant))) {
            String content = d.getString("content");
            boolean names = content != null && needles.in(tree(content))
                    || d.getList("userIds", String.class, List.of()).stream().anyMatch(needles::in);
            if (names) {
                hits.add(d.getString("_id"));
            }
        }
        hits.forEach(id -> collection.deleteOne(eq("_id", id)));
        return gone + hits.size();
    }

    /** Drops what is too old to be updated or refreshed any more; returns how many. */
    long purge(Instant now) {
        return collection.deleteMany(or(and(ne("live", true), lt("at", Date.from(now.minus(KEPT)))),
                lt("at", Date.from(now.minus(KEPT_OPEN))))).getDeletedCount();
    }

    long count() {
        return collection.countDocuments();
    }

    private static Card card(Document d) {
        String content = d.getString("content");
        return new Card(d.getString("_id"), d.getString("tenant"), d.getString("to"), d.getString("conversationId"),
                d.getString("serviceUrl"), d.getString("activityId"), d.getObjectId("parked"),
                content == null ? null : (ObjectNode) tree(content), d.getList("userIds", String.class, List.of()),
                Locale.forLanguageTag(d.getString("locale")), d.getList("copies", String.class, List.of()));
    }

    private static String json(ObjectNode card) {
        try {
            return Serialization.toString(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Serialization.jsonToTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored card is not valid JSON", e);
        }
    }
}

package org.tandem.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The adapter's own MongoDB collection {@code teams_conversations}: the conversation reference of each person's
 * personal chat and of each channel or group chat the bot is in (a proactive message needs one), the admin channel
 * of each tenant, and the members of each introduction. References are kept as the SDK's own JSON.
 */
final class TeamsConversations {

    /** What is stored about one conversation. */
    record Stored(String key, String tenant, ConversationReference reference, Locale locale, String upn,
                  String email, String name, boolean stale) {
        String conversationId() {
            return reference.getConversation().getId();
        }
    }

    private final MongoCollection<Document> collection;

    TeamsConversations(MongoDatabase db) {
        this.collection = db.getCollection("teams_conversations");
        collection.createIndex(Indexes.ascending("tenant", "kind"), new IndexOptions().name("tenant_kind"));
    }

    static String personKey(String tenant, String userId) {
        return "person|" + tenant + "|" + userId;
    }

    static String conversationKey(String tenant, String conversationId) {
        return "conversation|" + tenant + "|" + conversationId;
    }

    /** Keeps the latest reference of a person's personal chat (it may move to another service URL). */
    void rememberPerson(String tenant, String userId, ConversationReference ref, String name, Locale locale,
                        Instant now) {
        List<Bson> more = new ArrayList<>(List.of(Updates.set("userId", userId),
                Updates.set("locale", locale.toLanguageTag())));
        if (name != null) {
            more.add(Updates.set("name", name));
        }
        upsert(personKey(tenant, userId), "person", tenant, ref, now, more.toArray(Bson[]::new));
    }

    /** Keeps the reference of a channel or group chat. */
    void rememberConversation(String tenant, String conversationId, ConversationReference ref, Instant now) {
        upsert(conversationKey(tenant, conversationId), "conversation", tenant, ref, now,
                Updates.set("conversationId", conversationId));
    }

    Optional<Stored> person(String tenant, String userId) {
        return find(personKey(tenant, userId));
    }

    Optional<Stored> conversation(String tenant, String conversationId) {
        return find(conversationKey(tenant, conversationId));
    }

    /** Any live reference of the tenant: its service URL and the bot's account, to open a new personal chat. */
    Optional<Stored> anyOf(String tenant) {
        Document d = collection.find(and(eq("tenant", tenant), ne("stale", true), ne("kind", "admin"),
                ne("kind", "group"))).first();
        return d == null ? Optional.empty() : Optional.of(stored(d));
    }

    /** Teams answered 403/404 (bot removed, user gone): stop sending there until the next activity from it. */
    void markStale(String key, Instant now) {
        collection.updateOne(eq("_id", key), Updates.combine(Updates.set("stale", true),
                Updates.set("staleAt", Date.from(now))));
    }

    /** The person's UPN and e-mail, from the Teams member lookup (needed for group-chat deep links). */
    void saveContact(String tenant, String userId, String upn, String email) {
        collection.updateOne(eq("_id", personKey(tenant, userId)), Updates.combine(
                Updates.set("upn", upn), Updates.set("email", email)));
    }

    void setAdmin(String tenant, String conversationId, String by, Instant now) {
        collection.updateOne(eq("_id", "admin|" + tenant), Updates.combine(Updates.set("kind", "admin"),
                Updates.set("tenant", tenant), Updates.set("conversationId", conversationId),
                Updates.set("setBy", by), Updates.set("at", Date.from(now))), new UpdateOptions().upsert(true));
    }

    Optional<String> admin(String tenant) {
        Document d = collection.find(eq("_id", "admin|" + tenant)).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString("conversationId"));
    }

    /** Forgets a person who erased their data: their chat's reference and contact, their place in introductions. */
    void forgetPerson(String tenant, String userId) {
        collection.deleteOne(eq("_id", personKey(tenant, userId)));
        collection.updateMany(and(eq("tenant", tenant), eq("members", userId)),
                Updates.pull("members", userId));
        collection.updateMany(and(eq("_id", "admin|" + tenant), eq("setBy", userId)), Updates.unset("setBy"));
    }

    /** Records an introduction's members; Teams bots cannot create group chats, so the group is ours. */
    String openGroup(String tenant, List<String> userIds, Instant now) {
        String id = UUID.randomUUID().toString();
        collection.insertOne(new Document("_id", "group|" + id).append("kind", "group").append("tenant", tenant)
                .append("members", userIds).append("at", Date.from(now)));
        return id;
    }

    List<String> members(String groupId) {
        Document d = collection.find(eq("_id", "group|" + groupId)).first();
        return d == null ? List.of() : new ArrayList<>(d.getList("members", String.class));
    }

    private void upsert(String key, String kind, String tenant, ConversationReference ref, Instant now,
                        Bson... more) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("kind", kind), Updates.set("tenant", tenant),
                Updates.set("reference", json(ref)), Updates.set("stale", false), Updates.unset("staleAt"),
                Updates.set("updatedAt", Date.from(now))));
        updates.addAll(List.of(more));
        collection.updateOne(eq("_id", key), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    private Optional<Stored> find(String key) {
        Document d = collection.find(eq("_id", key)).first();
        return d == null || d.getString("reference") == null ? Optional.empty() : Optional.of(stored(d));
    }

    private static Stored stored(Document d) {
        String locale = d.getString("locale");
        return new Stored(d.getString("_id"), d.getString("tenant"), reference(d.getString("reference")),
                locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale), d.getString("upn"),
                d.getString("email"), d.getString("name"), Boolean.TRUE.equals(d.getBoolean("stale")));
    }

    private static String json(ConversationReference ref) {
        try {
            return Serialization.toString(ref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConversationReference reference(String json) {
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored conversation reference is not valid JSON", e);
        }
    }
}

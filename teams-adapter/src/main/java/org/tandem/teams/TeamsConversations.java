package org.tandem.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The adapter's own MongoDB collection {@code teams_conversations}: the conversation reference of each person's
 * personal chat and of each channel or group chat the bot is in (a proactive message needs one) with the team of a
 * channel (so the teams Tandem is in, for their rosters and channels), people's addresses, the admin channel
 * of each tenant, the members of each introduction, and when a tenant removed the bot. References are kept as the
 * SDK's own JSON. A personal chat Tandem opened itself ({@code opened}) is no sign that the bot is installed: it
 * rode on an installation elsewhere.
 */
final class TeamsConversations {

    /** What is stored about one conversation. */
    record Stored(String key, String tenant, ConversationReference reference, Locale locale, String upn,
                  String email, String name, boolean stale) {
        String conversationId() {
            return reference.getConversation().getId();
        }
    }

    /** The kinds of document that hold a conversation reference. */
    private static final List<String> REFERENCES = List.of("person", "conversation");

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

    /**
     * Keeps the latest reference of a person's personal chat (it may move to another service URL); {@code opened}
     * when Tandem opened it, rather than heard from the person in it.
     */
    void rememberPerson(String tenant, String userId, ConversationReference ref, String name, Locale locale,
                        Instant now, boolean opened) {
        List<Bson> more = new ArrayList<>(List.of(Updates.set("userId", userId),
                Updates.set("locale", locale.toLanguageTag()), Updates.set("opened", opened)));
        if (name != null) {
            more.add(Updates.set("name", name));
        }
        upsert(personKey(tenant, userId), "person", tenant, ref, now, more.toArray(Bson[]::new));
    }

    /** Keeps the reference of a channel or group chat, and the team of a channel (removed with the team). */
    void rememberConversation(String tenant, String conversationId, String teamId, ConversationReference ref,
                              Instant now) {
        rememberConversation(tenant, conversationId, teamId, null, ref, now);
    }

    /** The same, with the team's name when the activity gave it (Teams sends it on some activities only). */
    void rememberConversation(String tenant, String conversationId, String teamId, String teamName,
                              ConversationReference ref, Instant now) {
        List<Bson> more = new ArrayList<>(List.of(Updates.set("conversationId", conversationId)));
        if (teamId != null) {
            more.add(Updates.set("teamId", teamId));
        }
        if (teamName != null && !teamName.isBlank()) {
            more.add(Updates.set("teamName", teamName.strip()));
        }
        upsert(conversationKey(tenant, conversationId), "conversation", tenant, ref, now, more.toArray(Bson[]::new));
    }

    /** A team Tandem is in: its id (that of its General channel), its name if Teams gave it, a channel to go by. */
    record Team(String id, String name, Stored via) {}

    /**
     * The teams of a tenant that Tandem is in (it heard from one of their channels, or was added there, and was not
     * removed since), each once, with a live channel reference for its service URL.
     */
    List<Team> teams(String tenant) {
        Map<String, Team> teams = new LinkedHashMap<>();
        for (Document d : collection.find(and(eq("tenant", tenant), eq("kind", "conversation"), exists("teamId"),
                ne("stale", true))).sort(Sorts.descending("updatedAt"))) {
            String id = d.getString("teamId");
            Team known = teams.get(id);
            String name = d.getString("teamName");
            if (known == null) {
                teams.put(id, new Team(id, name, stored(d)));
            } else if (known.name() == null && name != null) {
                teams.put(id, new Team(id, name, known.via()));
            }
        }
        return new ArrayList<>(teams.values());
    }

    /** The team of a channel the bot heard from, if it is one. */
    Optional<String> teamOf(String tenant, String conversationId) {
        Document d = collection.find(eq("_id", conversationKey(tenant, conversationId))).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString("teamId"));
    }

    /** The people with a stored personal chat whose UPN or e-mail is {@code address} (any case). */
    List<Stored> peopleAt(String tenant, String address) {
        return collection.find(and(eq("tenant", tenant), eq("kind", "person"),
                eq("addresses", address.toLowerCase(Locale.ROOT)))).map(TeamsConversations::stored)
                .into(new ArrayList<>());
    }

    /** The user id a person's document is kept under. */
    static String userId(Stored person) {
        return person.key().substring(person.key().lastIndexOf('|') + 1);
    }

    Optional<Stored> person(String tenant, String userId) {
        return find(personKey(tenant, userId));
    }

    Optional<Stored> conversation(String tenant, String conversationId) {
        return find(conversationKey(tenant, conversationId));
    }

    /** Any live reference of the tenant: its service URL and the bot's account, to open a new personal chat. */
    Optional<Stored> anyOf(String tenant) {
        Document d = collection.find(and(eq("tenant", tenant), in("kind", REFERENCES), ne("stale", true))).first();
        return d == null ? Optional.empty() : Optional.of(stored(d));
    }

    /**
     * Whether the bot is still in a conversation of the tenant that it heard from, last updated after
     * {@code since}: a personal chat someone wrote in, a channel or group chat it was added to.
     */
    boolean heardSince(String tenant, Instant since) {
        return collection.find(and(eq("tenant", tenant), in("kind", REFERENCES), ne("stale", true),
                ne("opened", true), gt("updatedAt", Date.from(since)))).first() != null;
    }

    /** The tenant's references, stale ones too, the most recently updated first. */
    List<Stored> recent(String tenant, int limit) {
        return collection.find(and(eq("tenant", tenant), in("kind", REFERENCES)))
                .sort(Sorts.descending("updatedAt")).limit(limit).map(TeamsConversations::stored)
                .into(new ArrayList<>());
    }

    /**
     * Teams answered 403/404 (bot removed, user gone): stop sending there until the next activity from it. Adding the
     * bot there again is a new install, welcomed again.
     */
    void markStale(String key, Instant now) {
        collection.updateOne(eq("_id", key), Updates.combine(Updates.set("stale", true),
                Updates.set("staleAt", Date.from(now)), Updates.unset("welcomedAt")));
    }

    /** The bot was removed from a team: from every channel of it. */
    void markTeamStale(String tenant, String teamId, Instant now) {
        collection.updateMany(and(eq("tenant", tenant), eq("kind", "conversation"), eq("teamId", teamId)),
                Updates.combine(Updates.set("stale", true), Updates.set("staleAt", Date.from(now)),
                        Updates.unset("welcomedAt")));
    }

    /**
     * Notes that a channel or group chat (remembered already) was welcomed since the bot was added; true the first
     * time only, so that Teams' two activities about one install (and two replicas) welcome it once.
     */
    boolean welcome(String tenant, String conversationId, Instant now) {
        return collection.updateOne(and(eq("_id", conversationKey(tenant, conversationId)),
                exists("welcomedAt", false)), Updates.set("welcomedAt", Date.from(now))).getModifiedCount() == 1;
    }

    /** The bot was removed from the last conversation of a tenant: when, for {@link #removedAt}. */
    void tenantRemoved(String tenant, Instant now) {
        collection.updateOne(eq("_id", tenantKey(tenant)), Updates.combine(Updates.set("kind", "tenant"),
                Updates.set("tenant", tenant), Updates.set("removedAt", Date.from(now))),
                new UpdateOptions().upsert(true));
    }

    /** The tenant shows a sign of life again. */
    void tenantBack(String tenant) {
        collection.deleteOne(eq("_id", tenantKey(tenant)));
    }

    Optional<Instant> removedAt(String tenant) {
        Document d = collection.find(eq("_id", tenantKey(tenant))).first();
        return d == null || d.getDate("removedAt") == null ? Optional.empty()
                : Optional.of(d.getDate("removedAt").toInstant());
    }

    private static String tenantKey(String tenant) {
        return "tenant|" + tenant;
    }

    /** The person's UPN and e-mail, from the Teams member lookup (needed for group-chat deep links). */
    void saveContact(String tenant, String userId, String upn, String email) {
        List<String> addresses = new ArrayList<>();
        for (String a : new String[] {upn, email}) {
            if (a != null && !a.isBlank() && !addresses.contains(a.strip().toLowerCase(Locale.ROOT))) {
                addresses.add(a.strip().toLowerCase(Locale.ROOT));
            }
        }
        // lower-cased beside, for a look-up by address in any case
        collection.updateOne(eq("_id", personKey(tenant, userId)), Updates.combine(
                Updates.set("upn", upn), Updates.set("email", email), Updates.set("addresses", addresses)));
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

    /**
     * Forgets a person who erased their data: their chat's reference and contact, their place in introductions.
     * Returns the ids Teams knew them by (their Teams id, UPN and e-mail), read before they go, for the copies still
     * to be searched (see {@link #forgetSpeaker}).
     */
    List<String> forgetPerson(String tenant, String userId) {
        List<String> ids = new ArrayList<>(List.of(userId));
        find(personKey(tenant, userId)).ifPresent(s -> {
            if (s.reference().getUser() != null && s.reference().getUser().getId() != null) {
                ids.add(s.reference().getUser().getId());
            }
            if (s.upn() != null) {
                ids.add(s.upn());
            }
            if (s.email() != null) {
                ids.add(s.email());
            }
        });
        collection.deleteOne(eq("_id", personKey(tenant, userId)));
        collection.updateMany(and(eq("tenant", tenant), eq("members", userId)),
                Updates.pull("members", userId));
        collection.updateMany(and(eq("_id", "admin|" + tenant), eq("setBy", userId)), Updates.unset("setBy"));
        return ids;
    }

    /**
     * Takes a person's account out of the reference of each channel or group chat where they spoke last (references
     * kept before channels stopped keeping any speaker); the channel stays reachable.
     */
    void forgetSpeaker(String tenant, Needles needles) {
        for (Document d : collection.find(and(eq("tenant", tenant), eq("kind", "conversation")))) {
            ConversationReference ref = reference(d.getString("reference"));
            ChannelAccount user = ref.getUser();
            if (user != null && needles.in(Serialization.objectToTree(user))) {
                ref.setUser(null);
                collection.updateOne(eq("_id", d.getString("_id")), Updates.set("reference", json(ref)));
            }
        }
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

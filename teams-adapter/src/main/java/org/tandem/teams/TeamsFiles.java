package org.tandem.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.tandem.core.conversation.FileAttachment;

/**
 * Files waiting to be downloaded from a Teams card ({@code teams_files}): each under a random 128-bit token, for
 * {@link TeamsFilesProperties#keep()}; reading checks the age, so nothing depends on a TTL index. A file that names
 * a person who erased their data (their own my-data, an export listing them) is deleted with their data.
 */
final class TeamsFiles {

    static final String PATH = "/api/teams/files/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored file. */
    record Stored(String name, String mediaType, byte[] bytes) {}

    private final MongoCollection<Document> files;
    private final TeamsFilesProperties properties;
    private final Clock clock;

    TeamsFiles(MongoDatabase db, TeamsFilesProperties properties, Clock clock) {
        this.files = db.getCollection("teams_files");
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps a file of a tenant and returns the link to it; without a public address there is no link to give. */
    String link(String tenant, FileAttachment file) {
        if (properties.baseUrl() == null) {
            throw new UnsupportedOperationException("tandem.teams.files.base-url is not set");
        }
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        String id = HexFormat.of().formatHex(token);
        files.deleteMany(lt("expiresAt", Date.from(clock.instant())));
        files.insertOne(new Document("_id", id).append("tenant", tenant).append("name", file.name())
                .append("mediaType", file.mediaType())
                .append("bytes", new Binary(file.bytes()))
                .append("expiresAt", Date.from(clock.instant().plus(properties.keep()))));
        return properties.baseUrl() + PATH + id;
    }

    /**
     * Deletes the tenant's files that carry a needle (and files kept before files knew their tenant), and every
     * expired file; returns how many went.
     */
    long forget(String tenant, Needles needles) {
        long dropped = files.deleteMany(lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
        for (Document d : files.find(or(eq("tenant", tenant), exists("tenant", false)))) {
            String body = new String(d.get("bytes", Binary.class).getData(), StandardCharsets.UTF_8);
            if (needles.in(d.getString("name")) || carries(body, d.getString("mediaType"), needles)) {
                dropped += files.deleteOne(eq("_id", d.getString("_id"))).getDeletedCount();
            }
        }
        return dropped;
    }

    /** JSON is read as its strings (escapes undone); anything else, and JSON that does not parse, as text. */
    private static boolean carries(String body, String mediaType, Needles needles) {
        if (mediaType != null && mediaType.contains("json")) {
            try {
                JsonNode json = Serialization.jsonToTree(body);
                if (json != null && needles.in(json)) {
                    return true;
                }
            } catch (IOException e) {
                // read as text below
            }
        }
        return needles.in(body);
    }

    Optional<Stored> find(String id) {
        if (!id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.find(and(eq("_id", id), gt("expiresAt", Date.from(clock.instant()))))
                .first()).map(d -> new Stored(d.getString("name"), d.getString("mediaType"),
                        d.get("bytes", Binary.class).getData()));
    }
}

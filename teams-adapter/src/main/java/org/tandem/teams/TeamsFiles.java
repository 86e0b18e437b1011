package org.tandem.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
 * {@link TeamsFilesProperties#keep()}; reading checks the age, so nothing depends on a TTL index.
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

    /** Keeps a file and returns the link to it; without a public address there is no link to give. */
    String link(FileAttachment file) {
        if (properties.baseUrl() == null) {
            throw new UnsupportedOperationException("tandem.teams.files.base-url is not set");
        }
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        String id = HexFormat.of().formatHex(token);
        files.deleteMany(lt("expiresAt", Date.from(clock.instant())));
        files.insertOne(new Document("_id", id).append("name", file.name()).append("mediaType", file.mediaType())
                .append("bytes", new Binary(file.bytes()))
                .append("expiresAt", Date.from(clock.instant().plus(properties.keep()))));
        return properties.baseUrl() + PATH + id;
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

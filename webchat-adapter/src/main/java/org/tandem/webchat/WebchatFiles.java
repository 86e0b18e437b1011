package org.tandem.webchat;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.tandem.core.conversation.FileAttachment;

/**
 * The files the core sent in the web chat ({@code webchat_files}), each under an unguessable id and with the users
 * who may download it: the person it was for, or the coordinators for the admin channel's.
 */
final class WebchatFiles {

    /** A stored file and who may have it. */
    record Stored(String id, String name, String mediaType, byte[] bytes, List<String> readers) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> files;

    WebchatFiles(MongoDatabase db) {
        this.files = db.getCollection("webchat_files");
    }

    String save(FileAttachment file, List<String> readers, Instant at) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String key = "f" + HexFormat.of().formatHex(id);
        files.insertOne(new Document("_id", key).append("name", file.name()).append("mediaType", file.mediaType())
                .append("bytes", new Binary(file.bytes())).append("readers", readers).append("at", Date.from(at)));
        return key;
    }

    /** The file, if this user may have it; nothing says whether it exists otherwise. */
    Optional<Stored> readable(String id, String user) {
        Document d = files.find(eq("_id", id)).first();
        if (d == null || !d.getList("readers", String.class).contains(user)) {
            return Optional.empty();
        }
        return Optional.of(new Stored(id, d.getString("name"), d.getString("mediaType"),
                d.get("bytes", Binary.class).getData(), d.getList("readers", String.class)));
    }

    /**
     * Deletes a person's own files, and every other file that names them or holds what they wrote (an export in the
     * admin channel): such a file cannot be kept with a hole in it, it goes. Takes them off the readers of the rest.
     * Returns the ids of the files deleted.
     */
    Set<String> forget(String user, Needles needles) {
        Set<String> gone = new LinkedHashSet<>();
        for (Document d : files.find()) {
            List<String> readers = d.getList("readers", String.class);
            String text = new String(d.get("bytes", Binary.class).getData(), StandardCharsets.UTF_8);
            if (readers.equals(List.of(user)) || !needles.isEmpty() && needles.foundIn(text)) {
                gone.add(d.getString("_id"));
            }
        }
        files.deleteMany(in("_id", gone));
        files.updateMany(eq("readers", user), Updates.pull("readers", user));
        return gone;
    }
}

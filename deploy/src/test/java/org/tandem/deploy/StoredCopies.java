package org.tandem.deploy;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Where a string is still stored: in any document of any collection (the adapters' included), inside any stored
 * file (a binary field, decoded), or anywhere in the raw bytes of the files of a folder (the embedded database's
 * file, old pages included). Case-insensitive.
 */
final class StoredCopies {

    private StoredCopies() {
    }

    /** "collection (needle): document" for each document whose JSON or whose stored files contain a needle. */
    static List<String> inDatabase(MongoDatabase db, List<String> needles) {
        List<String> hits = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            for (Document d : db.getCollection(name).find()) {
                String all = (d.toJson() + "\n" + String.join("\n", binaries(d))).toLowerCase(Locale.ROOT);
                for (String needle : needles) {
                    if (all.contains(needle.toLowerCase(Locale.ROOT))) {
                        hits.add(name + " (" + needle + "): " + d.toJson());
                    }
                }
            }
        }
        return hits;
    }

    /** "file (needle)" for each file under the folder whose raw bytes contain a needle in UTF-8. */
    static List<String> inFiles(Path folder, List<String> needles) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = lowerAscii(Files.readAllBytes(f));
                for (String needle : needles) {
                    if (indexOf(bytes, lowerAscii(needle.getBytes(StandardCharsets.UTF_8))) >= 0) {
                        hits.add(folder.relativize(f) + " (" + needle + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    /** The binary values of a document (stored files), decoded as UTF-8, at any depth. */
    private static List<String> binaries(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Binary b) {
            out.add(new String(b.getData(), StandardCharsets.UTF_8));
        } else if (value instanceof Document d) {
            d.values().forEach(v -> out.addAll(binaries(v)));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> out.addAll(binaries(v)));
        }
        return out;
    }

    private static byte[] lowerAscii(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 'a' - 'A';
            }
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

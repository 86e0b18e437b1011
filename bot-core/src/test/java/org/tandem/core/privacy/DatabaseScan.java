package org.tandem.core.privacy;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Every document of every collection of a database, as JSON, to search for what must be gone. */
final class DatabaseScan {

    private DatabaseScan() {
    }

    /** "collection: json" of each document that contains any of the needles (case-insensitive). */
    static List<String> find(MongoDatabase db, List<String> needles) {
        List<String> hits = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            for (Document d : db.getCollection(name).find()) {
                String json = d.toJson().toLowerCase(java.util.Locale.ROOT);
                for (String needle : needles) {
                    if (json.contains(needle.toLowerCase(java.util.Locale.ROOT))) {
                        hits.add(name + " (" + needle + "): " + d.toJson());
                    }
                }
            }
        }
        return hits;
    }
}

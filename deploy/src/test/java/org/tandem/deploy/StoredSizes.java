package org.tandem.deploy;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bson.RawBsonDocument;

/**
 * The largest stored document of each collection, in BSON bytes as MongoDB counts them against its 16 MiB limit.
 * Read raw, so that nothing is decoded: the size is the document's own.
 */
record StoredSizes(List<Largest> collections) {

    /** MongoDB refuses a document larger than this. */
    static final long LIMIT = 16L * 1024 * 1024;

    /** A collection's largest document and how many documents it holds. */
    record Largest(String collection, long documents, long bytes) {
        /** Where a round is stored: today {@code match_runs}; any collection of proposals or rounds that follows. */
        boolean ofRounds() {
            return collection.startsWith("match") || collection.contains("proposal") || collection.contains("round");
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s (%d document%s)%s", collection, size(bytes), documents,
                    documents == 1 ? "" : "s", bytes > LIMIT ? " OVER MongoDB's 16 MiB" : "");
        }
    }

    static StoredSizes of(MongoDatabase db) {
        List<Largest> all = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            long count = 0;
            long max = 0;
            for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()) {
                count++;
                max = Math.max(max, d.getByteBuffer().remaining());
            }
            all.add(new Largest(name, count, max));
        }
        all.sort(Comparator.comparingLong(Largest::bytes).reversed());
        return new StoredSizes(all);
    }

    /** "largest document: match_runs 1.28 MiB (1 document); elsewhere: enrollments 812 B (2,480 documents)". */
    String describe() {
        List<String> rounds = collections.stream().filter(Largest::ofRounds).map(Largest::toString).toList();
        String other = collections.stream().filter(c -> !c.ofRounds()).findFirst().map(Largest::toString)
                .orElse("nothing");
        return "largest document: " + (rounds.isEmpty() ? "no match_runs" : String.join(", ", rounds))
                + "; elsewhere at most: " + other;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " B";
    }
}

package org.tandem.deploy;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's rewrite of its file, with the real driver: what was deleted leaves the file's bytes, and
 * clients notice nothing — not writes going on meanwhile, not a result read half-way, not a restart, not a crash.
 */
class EmbeddedMongoIT {

    static final String SECRET = "Quillon-secret: the private answer";

    @TempDir
    Path dir;

    @Test
    void aRewriteLeavesNothingOfWhatWasDeletedAndKeepsTheRest() {
        Path file = dir.resolve("t.mv");
        try (EmbeddedMongo mongo = new EmbeddedMongo(file); MongoClient client = client(mongo)) {
            MongoCollection<Document> people = client.getDatabase("t").getCollection("people");
            people.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                people.insertOne(new Document("_id", "p" + i).append("key", "k" + i).append("text", "kept " + i));
            }
            people.insertOne(new Document("_id", "quillon9").append("key", "quillon9").append("text", SECRET));
            mongo.commit();
            people.deleteOne(eq("_id", "quillon9"));
            mongo.commit();
            assertThat(StoredCopies.inFiles(dir, List.of(SECRET, "quillon9"))).as("the store only appends")
                    .isNotEmpty();

            mongo.rewriteSoon().join();

            assertThat(StoredCopies.inFiles(dir, List.of(SECRET, "quillon9"))).isEmpty();
            assertThat(people.countDocuments()).isEqualTo(50);
            assertThat(people.find(eq("key", "k7")).first().getString("text")).isEqualTo("kept 7");
            people.insertOne(new Document("_id", "after").append("key", "k7-bis"));
        }
        try (EmbeddedMongo mongo = new EmbeddedMongo(file); MongoClient client = client(mongo)) {
            MongoCollection<Document> people = client.getDatabase("t").getCollection("people");
            assertThat(people.countDocuments()).as("after a restart").isEqualTo(51);
            assertThat(people.listIndexes().into(new ArrayList<>())).hasSize(2);
        }
    }

    @Test
    void clientsWritingMeanwhileLoseNothingAndSeeNoError() throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("t.mv")); MongoClient client = client(mongo)) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            AtomicBoolean going = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (going.get()) {
                    int n = written.get();
                    c.insertOne(new Document("_id", n));
                    assertThat(c.find(eq("_id", n)).first()).isNotNull();
                    written.incrementAndGet();
                }
            });
            for (int i = 0; i < 5; i++) {
                mongo.rewriteSoon().get();
            }
            going.set(false);
            writer.get();
            assertThat(written.get()).isPositive();
            assertThat(c.countDocuments()).isEqualTo(written.get());
        }
    }

    @Test
    void aResultReadHalfWayIsReadToTheEndBeforeTheRewrite() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("t.mv")); MongoClient client = client(mongo)) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            for (int i = 0; i < 10; i++) {
                c.insertOne(new Document("_id", i));
            }
            int read = 0;
            CompletableFuture<Void> rewrite;
            try (MongoCursor<Document> cursor = c.find().batchSize(2).iterator()) {
                cursor.next();
                read++;
                rewrite = mongo.rewriteSoon();
                while (cursor.hasNext()) {
                    cursor.next();
                    read++;
                }
            }
            assertThat(read).isEqualTo(10);
            rewrite.join();
        }
    }

    @Test
    void aRewriteCutShortIsCleanedUpAndOneOwedIsDoneAtTheNextStart() throws Exception {
        Path file = dir.resolve("t.mv");
        try (EmbeddedMongo mongo = new EmbeddedMongo(file); MongoClient client = client(mongo)) {
            MongoCollection<Document> c = client.getDatabase("t").getCollection("c");
            c.insertOne(new Document("_id", "kept"));
            c.insertOne(new Document("_id", "gone").append("text", SECRET));
            mongo.commit();
            c.deleteOne(eq("_id", "gone"));
        }
        // as if the application died while a rewrite was owed and half-written
        Files.writeString(dir.resolve("t.mv.tempFile"), "half a copy");
        Files.createFile(Rewrites.markerOf(file));
        assertThat(StoredCopies.inFiles(dir, List.of(SECRET))).hasSize(1);

        try (EmbeddedMongo mongo = new EmbeddedMongo(file); MongoClient client = client(mongo)) {
            assertThat(StoredCopies.inFiles(dir, List.of(SECRET))).isEmpty();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("t.mv");
            }
            assertThat(client.getDatabase("t").getCollection("c").find().first()).isEqualTo(new Document("_id",
                    "kept"));
        }
    }

    @Test
    void theMarkerGoesOnceTheRewriteIsDone() {
        Path file = dir.resolve("t.mv");
        try (EmbeddedMongo mongo = new EmbeddedMongo(file)) {
            CompletableFuture<Void> done = mongo.rewriteSoon();
            mongo.awaitRewrites(Duration.ofSeconds(10));
            assertThat(done).isCompleted();
            assertThat(Rewrites.markerOf(file)).doesNotExist();
        }
    }

    private static MongoClient client(EmbeddedMongo mongo) {
        return MongoClients.create(mongo.uri());
    }
}

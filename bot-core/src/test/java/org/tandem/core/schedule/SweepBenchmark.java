package org.tandem.core.schedule;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.tandem.core.testing.MutableClock;

/**
 * How long one sweep takes to claim and hand over N due items (docs/benchmarks.md has the command and numbers).
 * Not a test: it measures, on the embedded server's two back-ends (in memory, and the H2 file the application
 * uses) and on the MongoDB of {@code MONGODB_URI} when it is set. Arguments: the number of items (10000),
 * optionally which targets ({@code memory,h2,uri}; {@code default}: all those available), and optionally a number of
 * finished items already in the collection (issue 16's "a sweep that costs what is due, not what happened": the same
 * sweep is timed over none and over that history, in one run, and the ratio printed).
 */
public final class SweepBenchmark {

    /** A first, unreported round, so that the numbers are those of a warm JVM, as a running application is. */
    private static final int WARM_UP = 1000;
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    /** Finished items seeded before a reported round (0: none). */
    private static int history;

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        history = args.length > 2 && !args[2].isBlank() ? Integer.parseInt(args[2]) : 0;
        String uri = System.getenv("MONGODB_URI");
        boolean realMongo = uri != null && !uri.isBlank();
        List<String> targets = args.length > 1 && !args[1].isBlank() && !args[1].equals("default")
                ? List.of(args[1].split(",")) : realMongo ? List.of("memory", "h2", "uri") : List.of("memory", "h2");
        System.out.printf(Locale.ROOT, "sweep of %,d due items, %d cores, Java %s%n", n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String target : targets) {
            switch (target) {
                case "memory" -> embedded("embedded, in memory", new MemoryBackend(), null, n);
                case "h2" -> {
                    Path dir = Files.createTempDirectory("tandem-bench");
                    H2Backend h2 = new H2Backend(dir.resolve("bench.mv").toString());
                    // as the application does (deploy's MongoConfiguration): the file is written after each write
                    embedded("embedded, H2 file (as the app)", h2, h2::commit, n);
                }
                case "uri" -> {
                    try (MongoClient client = MongoClients.create(uri)) {
                        run("MongoDB at MONGODB_URI", client, WARM_UP, false, 0);
                        long alone = run("MongoDB at MONGODB_URI", client, n, true, 0);
                        if (history > 0) {
                            long over = run("MongoDB at MONGODB_URI", client, n, true, history);
                            System.out.printf(Locale.ROOT, "over %,d done items: %.1f x the sweep over none%n",
                                    history, (double) over / alone);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown target " + target);
            }
        }
    }

    private static void embedded(String name, MongoBackend backend, Runnable afterWrite, int n) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
        if (afterWrite != null) {
            settings.addCommandListener(new CommandListener() {
                @Override
                public void commandSucceeded(CommandSucceededEvent event) {
                    if (WRITES.contains(event.getCommandName())) {
                        afterWrite.run();
                    }
                }
            });
        }
        try (MongoClient client = MongoClients.create(settings.build())) {
            run(name, client, WARM_UP, false, 0);
            long alone = run(name, client, n, true, 0);
            if (history > 0) {
                long over = run(name, client, n, true, history);
                System.out.printf(Locale.ROOT, "%-32s over %,d done items: %.1f x the sweep over none%n", name,
                        history, (double) over / alone);
            }
        } finally {
            server.shutdown();
        }
    }

    /**
     * One round: seeds {@code done} finished items (as months of history leave them), schedules n items, lets them
     * fall due, and times one sweep (and a sweep with nothing due). Returns the sweep's nanoseconds.
     */
    private static long run(String name, MongoClient client, int n, boolean report, int done) {
        MongoDatabase db = client.getDatabase("bench_" + System.nanoTime());
        try {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            DueItems items = new DueItems(db);
            seedHistory(db, done, clock.instant());
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                items.schedule("nudge:" + i, "nudge", "slack", "T1", Map.of("pair", "p" + i),
                        clock.instant().plusSeconds(i % 3600));
            }
            long scheduled = System.nanoTime() - t0;
            clock.advance(Duration.ofHours(1));
            AtomicInteger handed = new AtomicInteger();
            Sweeper sweeper = new Sweeper(items, List.of(new Counting(handed)), clock, "bench",
                    new Sweeper.Settings(Duration.ofMinutes(5), n, Duration.ofSeconds(30), Duration.ofHours(1)));
            long t1 = System.nanoTime();
            int swept = sweeper.sweep();
            long sweep = System.nanoTime() - t1;
            long t2 = System.nanoTime();
            int idle = sweeper.sweep();
            long empty = System.nanoTime() - t2;
            if (swept != n || handed.get() != n || idle != 0) {
                throw new IllegalStateException("swept " + swept + ", handed " + handed + ", then " + idle);
            }
            if (report) {
                System.out.printf(Locale.ROOT, "%-32s schedule %,7d ms | sweep %,7d ms = %,6.0f items/s, %5.2f"
                                + " ms/item | idle sweep over %,d done items %,5d ms%n", name, ms(scheduled), ms(sweep),
                        n / (sweep / 1e9), sweep / 1e6 / n, n + done, ms(empty));
            }
            return sweep;
        } finally {
            db.drop();
        }
    }

    /** Finished items as the sweep leaves them (DONE, in the history), written in batches. */
    private static void seedHistory(MongoDatabase db, int done, java.time.Instant before) {
        List<org.bson.Document> batch = new java.util.ArrayList<>();
        for (int i = 0; i < done; i++) {
            batch.add(new org.bson.Document("_id", "done:" + i).append("kind", "nudge").append("platform", "slack")
                    .append("tenant", "T1").append("payload", new org.bson.Document("pair", "old" + i))
                    .append("dueAt", java.util.Date.from(before.minusSeconds(i))).append("status", "DONE")
                    .append("attempts", 1));
            if (batch.size() == 1000 || i == done - 1) {
                db.getCollection("due_history").insertMany(batch);
                batch.clear();
            }
        }
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private record Counting(AtomicInteger count) implements DueHandler {
        @Override
        public String kind() {
            return "nudge";
        }

        @Override
        public void perform(DueItem item) {
            count.incrementAndGet();
        }
    }
}

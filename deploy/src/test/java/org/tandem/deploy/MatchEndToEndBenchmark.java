package org.tandem.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tandem.core.TandemCore;
import tools.jackson.databind.JsonNode;

/**
 * Times {@code match} end to end, as a coordinator lives it: the real application on the embedded database (a data
 * file in a temporary folder), one programme with many enrolments, and {@code match <programme>} posted in #admin
 * through the web chat's HTTP API until the preview with its Confirm button can be read from the outbox. Flags are
 * system properties: see docs/matching-benchmark.md. A benchmark, not a test: it asserts nothing, and {@code verify}
 * does not run it.
 */
public final class MatchEndToEndBenchmark {

    static final String PROGRAMME = "Benchmark";
    /** Connections that seed at once: the embedded server serves each on a worker of its own. */
    private static final int SEEDING_THREADS = 2;
    private static final String NUMBER = "(\\d+(?:,\\d{3})*)";
    private static final Pattern MATCHED = Pattern.compile(NUMBER + " of " + NUMBER + " mentees? matched");
    private static final Pattern PAGE = Pattern.compile("Proposals [\\d,]+–[\\d,]+ of " + NUMBER);

    private MatchEndToEndBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int mentees = Integer.getInteger("mentees", 10_000);
        int mentors = Integer.getInteger("mentors", 2_500);
        int runs = Integer.getInteger("runs", 1);
        long seed = Long.getLong("seed", 42);
        long timeout = Long.getLong("timeout", 600) * 1000;
        Path dir = Files.createTempDirectory("tandem-match-e2e");
        long start = System.nanoTime();
        try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false",
                "tandem.webchat.enabled=true", "logging.level.root=WARN", "spring.main.banner-mode=off")) {
            System.out.printf(Locale.ROOT, "app          started on the embedded database in %s, %d ms%n", dir,
                    millis(start));
            WebchatClient chat = new WebchatClient(app);
            createProgramme(chat);
            long seeding = System.nanoTime();
            SeededEnrolments.Seeded seeded = seed(app, mentees, mentors, seed);
            System.out.printf(Locale.ROOT, "programme    '%s': %d mentees x %d mentors (%d people, %d of them both),"
                    + " %d places, seed %d; seeded in %d ms%n", PROGRAMME, mentees, mentors, seeded.people(),
                    seeded.both(), seeded.places(), seed, millis(seeding));
            Set<String> previews = new HashSet<>();
            long best = Long.MAX_VALUE;
            for (int run = 1; run <= runs; run++) {
                Optional<Long> took = run(app, chat, run, previews, timeout);
                if (took.isEmpty()) {
                    break;
                }
                best = Math.min(best, took.get());
            }
            if (runs > 1 && best != Long.MAX_VALUE) {
                System.out.printf(Locale.ROOT, "best         %d ms of %d runs%n", best, runs);
            }
        } finally {
            delete(dir);
        }
    }

    /** One {@code match}: posted, then the outbox polled until a new preview shows; its time, or empty if none. */
    private static Optional<Long> run(RunningApp app, WebchatClient chat, int run, Set<String> previews,
                                      long timeout) {
        long before = chat.last("coordinator");
        HeapUse.resetPeaks();
        long start = System.nanoTime();
        RunningApp.Reply posted = app.post("/api/webchat/inbound", "{\"user\":\"coordinator\",\"name\":"
                + "\"Coordinator\",\"conversation\":\"admin\",\"text\":\"match " + PROGRAMME + "\"}");
        long answered = millis(start);
        // the web chat answers within the request today; polling also times a core that answers later
        Optional<JsonNode> preview = newPreview(chat, before, previews);
        while (preview.isEmpty() && posted.status() == 202 && millis(start) < timeout) {
            RunningApp.pause(20);
            preview = newPreview(chat, before, previews);
        }
        long took = millis(start);
        if (preview.isEmpty()) {
            List<JsonNode> seen = chat.messages("coordinator", before);
            System.out.printf(Locale.ROOT, "run %-8d no preview after %d ms (the request answered %d: %s); the"
                    + " coordinator last read: %s%n", run, took, posted.status(), posted.body(),
                    seen.isEmpty() ? "nothing" : text(seen.get(seen.size() - 1)));
            return Optional.empty();
        }
        String text = text(preview.get());
        System.out.printf(Locale.ROOT, "run %-8d preview visible after %d ms (the request answered %d after %d"
                + " ms): %s; the first page lists %d%n", run, took, posted.status(), answered, matched(text),
                text.split("→", -1).length - 1);
        String heap = HeapUse.describe();
        System.out.printf(Locale.ROOT, "  stored     %s%n", StoredSizes.of(app.db()).describe());
        System.out.printf(Locale.ROOT, "  heap       %s%n", heap);
        return Optional.of(took);
    }

    /**
     * Enrols the programme's people over a client of its own, then writes the embedded database's file once: the
     * application's client commits the file after every write, which costs milliseconds each, and seeding makes two
     * writes a person. The documents are the same, written by the same core classes.
     */
    private static SeededEnrolments.Seeded seed(RunningApp app, int mentees, int mentors, long seed) {
        EmbeddedMongo embedded = app.context().getBean(EmbeddedMongo.class);
        try (MongoClient client = MongoClients.create(embedded.uri())) {
            MongoDatabase db = client.getDatabase(app.db().getName());
            SeededEnrolments.Seeded seeded = new SeededEnrolments(db, programmeId(app), seed).seed(mentees, mentors,
                    Instant.now(), SEEDING_THREADS);
            embedded.commit();
            return seeded;
        }
    }

    static void createProgramme(WebchatClient chat) {
        chat.admin("program create");
        JsonNode form = chat.withForm("coordinator", "program.create");
        chat.submitOn("coordinator", form, "program.create", "{\"name\":\"" + PROGRAMME + "\",\"topics\":\""
                + String.join(", ", SeededEnrolments.TOPICS) + "\",\"cadence\":\"biweekly\",\"duration\":\"6\","
                + "\"matching\":\"mentee-chooses\",\"capacity\":\"2\",\"languages\":[\""
                + String.join("\",\"", SeededEnrolments.LANGUAGES) + "\"],"
                + "\"workStart\":\"09:30\",\"workEnd\":\"17:00\","
                + "\"workDays\":[\"monday\",\"tuesday\",\"wednesday\",\"thursday\",\"friday\"]}");
        chat.clickOn("coordinator", chat.withButton("coordinator", "program.open"), "program.open");
    }

    static String programmeId(RunningApp app) {
        return app.context().getBean(TandemCore.class).programs().findByName(DemoConfiguration.WEBCHAT, PROGRAMME)
                .orElseThrow(() -> new IllegalStateException("the programme was not created")).id();
    }

    /** The first message after revision {@code after} with a Confirm button for a preview not seen before. */
    private static Optional<JsonNode> newPreview(WebchatClient chat, long after, Set<String> seen) {
        for (JsonNode m : chat.messages("coordinator", after)) {
            Optional<String> run = confirm(m);
            if (run.isPresent() && seen.add(run.get())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The run id on a message's Confirm button, if it has one. */
    static Optional<String> confirm(JsonNode message) {
        for (JsonNode b : message.at("/blocks")) {
            for (JsonNode x : b.at("/buttons")) {
                if (x.at("/id").asString().equals("match.confirm")) {
                    return Optional.of(x.at("/value").asString());
                }
            }
        }
        return Optional.empty();
    }

    /** "983 of 2,000 mentees matched, 983 proposals", from the preview's heading and its page line. */
    private static String matched(String text) {
        Matcher m = MATCHED.matcher(text);
        Matcher p = PAGE.matcher(text);
        String heading = m.find() ? m.group(1) + " of " + m.group(2) + " mentees matched" : "no heading found";
        return heading + (p.find() ? ", " + p.group(1) + " proposals" : "");
    }

    static String text(JsonNode message) {
        StringBuilder s = new StringBuilder();
        for (JsonNode b : message.at("/blocks")) {
            if (b.has("text")) {
                s.append(b.at("/text").asString()).append('\n');
            }
        }
        return s.toString();
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

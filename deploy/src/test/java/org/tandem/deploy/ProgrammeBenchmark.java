package org.tandem.deploy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.schedule.DueItems;
import tools.jackson.databind.JsonNode;

/**
 * Times what a coordinator and a person do in a programme of 10,000 people (2,000 mentors, 8,000 mentees) that has
 * run for six months: the real application on the embedded database (an H2 file in a temporary folder, as the
 * application runs without {@code MONGODB_URI}), the commands sent through the web chat's HTTP API as the page sends
 * them, the sweeps run as the scheduler runs them. The people are enrolled through the core's {@code People} and
 * {@code Enrollments}; their pairs, meetings and check-ins written as {@link ProgrammeHistory} says. Flags and
 * numbers: docs/benchmarks.md. A benchmark, not a test: it asserts nothing, and {@code verify} does not run it.
 */
public final class ProgrammeBenchmark {

    private static final String COORDINATOR = "coordinator";

    private final RunningApp app;
    private final WebchatClient chat;
    private final List<Row> rows = new ArrayList<>();

    /** One line of the table: what was timed, its times in ms, the goal (0: none), what it answered. */
    private record Row(String what, List<Long> millis, long goal, String answer) {}

    private ProgrammeBenchmark(RunningApp app) {
        this.app = app;
        this.chat = new WebchatClient(app);
    }

    public static void main(String[] args) throws IOException {
        int mentees = Integer.getInteger("mentees", 8_000);
        int mentors = Integer.getInteger("mentors", 2_000);
        int runs = Integer.getInteger("runs", 2);
        long seed = Long.getLong("seed", 42);
        boolean match = Boolean.parseBoolean(System.getProperty("match", "true"));
        Path dir = Files.createTempDirectory("tandem-programme");
        long start = System.nanoTime();
        String uri = System.getenv().getOrDefault("MONGODB_URI", "");
        try (RunningApp app = new RunningApp(dir.resolve("tandem.mv"), "tandem.scheduler.enabled=false",
                "tandem.webchat.enabled=true", "logging.level.root=WARN", "spring.main.banner-mode=off",
                "tandem.mongodb.uri=" + uri)) {
            System.out.printf(Locale.ROOT, "app          started on %s in %d ms; %d cores, Java %s%n",
                    uri.isBlank() ? "the embedded database (H2 file)" : "the MongoDB of MONGODB_URI", millis(start),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            new ProgrammeBenchmark(app).run(mentees, mentors, runs, seed, match);
        } finally {
            MatchEndToEndBenchmark.delete(dir);
        }
    }

    private void run(int mentees, int mentors, int runs, long seed, boolean match) {
        MatchEndToEndBenchmark.createProgramme(chat);
        String program = MatchEndToEndBenchmark.programmeId(app);
        Instant now = Instant.now();
        long seeding = System.nanoTime();
        ProgrammeHistory.Seeded seeded;
        // on the embedded database, a client of its own that writes the file once at the end (the application's
        // writes it after every write); on a MongoDB server, the application's own client
        EmbeddedMongo embedded = app.context().getBeanProvider(EmbeddedMongo.class).getIfAvailable();
        try (MongoClient client = embedded == null ? null : MongoClients.create(embedded.uri())) {
            MongoDatabase db = client == null ? app.db() : client.getDatabase(app.db().getName());
            SeededEnrolments.Seeded people = new SeededEnrolments(db, program, seed).seed(mentees, mentors,
                    now.minus(Duration.ofDays(200)), 2);
            System.out.printf(Locale.ROOT, "enrolled     %,d people (%d both mentee and mentor), %,d places, in %d ms%n",
                    people.people(), people.both(), people.places(), millis(seeding));
            seeded = new ProgrammeHistory(db, program, seed, now).seed();
            if (embedded != null) {
                embedded.commit();
            }
        }
        System.out.printf(Locale.ROOT, "history      %s; seeded in %d ms in all%n", seeded, millis(seeding));
        System.out.printf(Locale.ROOT, "  stored     %s%n", StoredSizes.of(app.db()).describe());

        for (String command : List.of("status", "pending", "at-risk")) {
            timeCommand(command, command + " " + MatchEndToEndBenchmark.PROGRAMME, runs, 1_000);
        }
        timeCommand("export", "export " + MatchEndToEndBenchmark.PROGRAMME, runs, 5_000);
        timeDigest(runs, seeded);
        PersonRef person = seeded.person();
        timeAs("my-data (one mentee)", person.userId(), "\"text\":\"my-data\"", runs, 0);
        if (match) {
            timeMatch();
        }
        timeForget(person);
        timeCheckInSweep(program, seeded);
        print(mentees, mentors);
    }

    /** A coordinator's command in #admin, {@code runs} times; what the first answer said. */
    private void timeCommand(String what, String line, int runs, long goal) {
        timeAs(what, COORDINATOR, "\"conversation\":\"admin\",\"text\":\"" + line + "\"", runs, goal);
    }

    private void timeAs(String what, String user, String rest, int runs, long goal) {
        List<Long> took = new ArrayList<>();
        String answer = "";
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            JsonNode turn = chat.post(user, rest);
            took.add(millis(t));
            if (r == 0) {
                answer = summary(user, turn);
            }
        }
        add(new Row(what, took, goal, answer));
    }

    /** {@code match}, then its Confirm: the shortlists go out to the mentees the round places. */
    private void timeMatch() {
        long t = System.nanoTime();
        JsonNode turn = chat.post(COORDINATOR, "\"conversation\":\"admin\",\"text\":\"match "
                + MatchEndToEndBenchmark.PROGRAMME + "\"");
        long took = millis(t);
        JsonNode preview = null;
        for (JsonNode m : replies(COORDINATOR, turn)) {
            if (MatchEndToEndBenchmark.confirm(m).isPresent()) {
                preview = m;
            }
        }
        add(new Row("match (docs/matching-benchmark.md)", List.of(took), 0, summary(COORDINATOR, turn)));
        if (preview == null) {
            System.out.println("no preview to confirm: " + turn);
            return;
        }
        int mentees = app.db().getCollection("shortlists").find().into(new ArrayList<>()).size();
        t = System.nanoTime();
        JsonNode confirmed = chat.clickOn(COORDINATOR, preview, "match.confirm");
        took = millis(t);
        int after = app.db().getCollection("shortlists").find().into(new ArrayList<>()).size();
        add(new Row("match confirm", List.of(took), 0, (after - mentees) + " shortlists stored; "
                + summary(COORDINATOR, confirmed)));
    }

    /**
     * The weekly digest, as the scheduler performs it: its due item for the current week falls due, and one sweep
     * (nothing else is due) posts it.
     */
    private void timeDigest(int runs, ProgrammeHistory.Seeded seeded) {
        TandemCore core = app.context().getBean(TandemCore.class);
        DueItems due = core.dueItems();
        List<Long> took = new ArrayList<>();
        String answer = "";
        for (int r = 0; r < runs; r++) {
            Instant at = Instant.now();
            ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
            String key = "digest.weekly|" + DemoConfiguration.WEBCHAT.key() + "|bench-" + r + "-"
                    + utc.get(IsoFields.WEEK_BASED_YEAR) + "-W" + utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            due.schedule(key, "digest.weekly", DemoConfiguration.WEBCHAT.platform(),
                    DemoConfiguration.WEBCHAT.tenant(), Map.of("at", at.toString()), at.minusSeconds(1));
            long before = chat.last(COORDINATOR);
            long t = System.nanoTime();
            int swept = core.sweep();
            took.add(millis(t));
            if (r == 0) {
                List<JsonNode> posted = chat.messages(COORDINATOR, before);
                answer = swept + " item swept; " + (posted.isEmpty() ? "nothing posted"
                        : oneLine(MatchEndToEndBenchmark.text(posted.get(posted.size() - 1))));
            }
        }
        add(new Row("weekly digest (one sweep)", took, 10_000, answer));
    }

    /** {@code forget-me}, then its confirmation: the erasure is done when the answer comes. */
    private void timeForget(PersonRef person) {
        JsonNode asked = chat.post(person.userId(), "\"text\":\"forget-me\"");
        JsonNode message = replies(person.userId(), asked).get(0);
        long t = System.nanoTime();
        JsonNode done = chat.clickOn(person.userId(), message, "forget.confirm", "yes");
        add(new Row("forget-me (one mentee, confirmed)", List.of(millis(t)), 2_000, summary(person.userId(), done)));
    }

    /** Every active pair's check-in tick falls due at once; sweeps until nothing is due, as the scheduler would. */
    private void timeCheckInSweep(String program, ProgrammeHistory.Seeded seeded) {
        TandemCore core = app.context().getBean(TandemCore.class);
        Instant at = Instant.now().minusSeconds(1);
        int ticks = seeded.scheduleTicks(core.dueItems(), at);
        long t = System.nanoTime();
        List<Integer> sweeps = new ArrayList<>();
        int swept;
        do {
            swept = core.sweep();
            sweeps.add(swept);
        } while (swept > 0 && sweeps.size() < 10);
        long took = millis(t);
        add(new Row("check-in sweep", List.of(took), 0, ticks + " ticks due; sweeps took " + sweeps + " items"));
    }

    private void add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "%-36s %s ms  %s%n", row.what(), row.millis(), row.answer());
    }

    private void print(int mentees, int mentors) {
        System.out.printf(Locale.ROOT, "%n| Operation (%,d mentees, %,d mentors) | Times (ms) | Goal | |%n|---|---|---|---|%n",
                mentees, mentors);
        for (Row r : rows) {
            long best = r.millis().stream().mapToLong(Long::longValue).min().orElse(0);
            String goal = r.goal() == 0 ? "" : "≤ " + r.goal() / 1000 + " s";
            String met = r.goal() == 0 ? "" : best <= r.goal() ? "met" : "**missed**";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", r.what(), join(r.millis()), goal, met);
        }
    }

    private static String join(List<Long> millis) {
        List<String> out = new ArrayList<>();
        millis.forEach(m -> out.add(String.format(Locale.ROOT, "%,d", m)));
        return String.join(" / ", out);
    }

    /** The first words of what the turn sent back. */
    private String summary(String user, JsonNode turn) {
        StringBuilder s = new StringBuilder();
        int n = 0;
        for (JsonNode m : replies(user, turn)) {
            n++;
            if (s.isEmpty()) {
                s.append(oneLine(MatchEndToEndBenchmark.text(m)));
                for (JsonNode b : m.at("/blocks")) {
                    if (b.has("file") || b.at("/type").asString().equals("file")) {
                        s.append(" [file]");
                    }
                }
            }
        }
        return n + " message(s): " + s;
    }

    /** The messages a turn sent, as the person reads them (the turn's answer lists their numbers). */
    private List<JsonNode> replies(String user, JsonNode turn) {
        List<Long> seqs = new ArrayList<>();
        turn.at("/replies").forEach(r -> seqs.add(r.asLong()));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : chat.messages(user, 0)) {
            if (seqs.contains(m.at("/seq").asLong())) {
                out.add(m);
            }
        }
        return out;
    }

    private static String oneLine(String text) {
        String one = text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return one.length() > 110 ? one.substring(0, 110) + "…" : one;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}

package org.tandem.deploy;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.RateLimits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A broadcast to many people (issue 16), end to end: two replicas of the application, each a JVM of its own, on one
 * database (a mongo-java-server wire server in this JVM, in memory), a stub of the platform in this JVM that answers
 * 429 above the platform's limits and counts, a programme of N participants, {@code broadcast} and Send typed and
 * clicked by a coordinator over the platform's HTTP path, and one replica killed ({@code kill -9}) half way and
 * started again. It prints how long the broadcast took, who got nothing or twice, the 429s and the highest rates seen.
 * A measurement, not a test: see docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -q -pl deploy test-compile exec:exec@broadcast-benchmark -Dbroadcast.platform=slack|teams
 *     [-Dbroadcast.people=10000 -Dbroadcast.rate=600 -Dbroadcast.kill=true -Dbroadcast.restart=true]
 * </pre>
 */
final class BroadcastBenchmark {

    private static final String SECRET = "broadcast-benchmark-secret";
    private static final String SLACK_TEAM = "T1";
    private static final String SLACK_ADMIN = "CADMIN";
    private static final String TEAMS_ADMIN = "19:admin@thread.tacv2";
    private static final String TEXT = "The spring workshops are open: sign up in the programme's channel.";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String platform = System.getProperty("broadcast.platform", "slack");
    private final int people = Integer.getInteger("broadcast.people", 10_000);
    private final int rate = Integer.getInteger("broadcast.rate", platform.equals("slack") ? 600 : 30);
    private final boolean kill = Boolean.parseBoolean(System.getProperty("broadcast.kill", "true"));
    private final boolean restart = Boolean.parseBoolean(System.getProperty("broadcast.restart", "true"));
    private final Path logs = Path.of(System.getProperty("broadcast.logs", "target"));
    private final List<Replica> replicas = new ArrayList<>();
    private String uri;

    public static void main(String[] args) throws Exception {
        new BroadcastBenchmark().run();
        System.exit(0);
    }

    /** One replica: the application in a JVM of its own, on a port of its own. */
    private final class Replica {
        final String name;
        final int port = freePort();
        final List<String> properties;
        Process process;

        Replica(String name, List<String> properties) {
            this.name = name;
            this.properties = properties;
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        void start() throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + System.getProperty("broadcast.replica-heap", "512m"),
                    "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                    "-cp", System.getProperty("java.class.path"), TandemApplication.class.getName(),
                    "--server.port=" + port, "--management.server.port=0", "--tandem.mongodb.uri=" + uri,
                    "--tandem.demo.seed=false"));
            properties.forEach(p -> command.add("--" + p));
            File log = logs.resolve("broadcast-" + platform + "-" + name + ".log").toFile();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < until) {
                try {
                    if (get(base() + "/readyz") == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited: see " + log);
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(name + " did not start: see " + log);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** What a platform's side of the benchmark does: its stub, the app's settings, the coordinator's clicks. */
    private interface Side extends AutoCloseable {
        List<String> properties();

        /** Creates and opens the programme {@code Leadership} through the chat. */
        void programme(String base) throws Exception;

        /** Makes the seeded people known to the platform's adapter, as their first message would. */
        void known(MongoDatabase db, List<String> userIds) throws Exception;

        /** From now on the stub enforces the platform's limits. */
        void limit();

        /** {@code broadcast Leadership}, the text, and Send. */
        void broadcast(String base) throws Exception;

        /** Each accepted message to a participant: the recipient and when (System.nanoTime). */
        List<Sent> delivered();

        int refused();

        /** The window the workspace's rate is measured over. */
        Duration workspaceWindow();
    }

    /** A message the platform accepted. */
    private record Sent(String to, long at) {}

    void run() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri); Side side = platform.equals("slack") ? new SlackSide()
                : new TeamsSide()) {
            MongoDatabase db = client.getDatabase("tandem");
            System.out.printf(Locale.ROOT, "broadcast benchmark: %s, %d people, rate %d, kill %s, restart %s%n",
                    platform, people, rate, kill, restart);
            Replica a = new Replica("a", side.properties());
            Replica b = new Replica("b", side.properties());
            replicas.add(a);
            replicas.add(b);
            try {
                long t = System.nanoTime();
                a.start();
                b.start();
                System.out.printf(Locale.ROOT, "two replicas up in %.1f s%n", seconds(System.nanoTime() - t));
                side.programme(a.base());
                t = System.nanoTime();
                String program = db.getCollection("programs").find(Filters.eq("name", "Leadership")).first()
                        .getString("_id");
                Scope scope = platform.equals("slack") ? new Scope("slack", SLACK_TEAM)
                        : new Scope("teams", BotConnectorStub.TENANT);
                String prefix = platform.equals("slack") ? "U" : "aad-";
                new SeededEnrolments(db, program, 16, scope, prefix).seed(people, 0, Instant.now(), 4);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < people; i++) {
                    ids.add(prefix + "e" + i);
                }
                side.known(db, ids);
                System.out.printf(Locale.ROOT, "%d participants seeded in %.1f s%n", people,
                        seconds(System.nanoTime() - t));
                side.limit();
                long sent = System.nanoTime();
                side.broadcast(a.base());
                long planned = 0;
                long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (planned < people && System.nanoTime() < until) {
                    Thread.sleep(200);
                    planned = db.getCollection("due_items").countDocuments(Filters.eq("kind", "broadcast.deliver"))
                            + db.getCollection("due_history").countDocuments(Filters.eq("kind", "broadcast.deliver"));
                }
                System.out.printf(Locale.ROOT, "Send clicked; %d items planned %.1f s later%n", planned,
                        seconds(System.nanoTime() - sent));
                watch(side, db, b, sent);
            } finally {
                for (Replica r : replicas) {
                    if (r.process != null) {
                        r.kill();
                    }
                }
                server.shutdownNow();
            }
        }
    }

    private void watch(Side side, MongoDatabase db, Replica b, long sent) throws Exception {
        boolean killed = false;
        long killedAt = 0;
        long lastPrint = System.nanoTime();
        long deadline = sent + Duration.ofMinutes(Long.getLong("broadcast.timeout-minutes", 40)).toNanos();
        while (System.nanoTime() < deadline) {
            List<Sent> all = side.delivered();
            long distinct = all.stream().map(Sent::to).distinct().count();
            long open = db.getCollection("due_items").countDocuments(Filters.eq("kind", "broadcast.deliver"));
            if (kill && !killed && distinct >= people / 2) {
                b.kill();
                killed = true;
                killedAt = System.nanoTime();
                System.out.printf(Locale.ROOT, "kill -9 of replica b after %.1f s, %d delivered%n",
                        seconds(killedAt - sent), distinct);
                if (restart) {
                    b.start();
                    System.out.printf(Locale.ROOT, "replica b started again in %.1f s%n",
                            seconds(System.nanoTime() - killedAt));
                }
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(30).toNanos()) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "%6.0f s: %d delivered (%d sends), %d items open, %d refused (429)%n",
                        seconds(lastPrint - sent), distinct, all.size(), open, side.refused());
            }
            if (distinct >= people && open == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        // a re-send of what a killed replica had sent comes once its lease (30 s) ran out: wait for any late one
        Thread.sleep(5_000);
        report(side, sent);
    }

    private void report(Side side, long sent) {
        List<Sent> all = side.delivered();
        Map<String, Integer> perPerson = new HashMap<>();
        long last = sent;
        for (Sent s : all) {
            perPerson.merge(s.to(), 1, Integer::sum);
            last = Math.max(last, s.at());
        }
        long lost = people - perPerson.size();
        long doubled = perPerson.values().stream().filter(n -> n >= 2).count();
        long extra = perPerson.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf(Locale.ROOT, "RESULT %s: %d people, %d delivered, lost %d, doubled %d (%d extra copies), "
                        + "429s %d, total %.1f s (%.1f min), max %d per %d s to the workspace, max %d per 1 s to a "
                        + "conversation%n", platform, people, perPerson.size(), lost, doubled, extra, side.refused(),
                seconds(last - sent), seconds(last - sent) / 60, maxIn(all, side.workspaceWindow(), null),
                side.workspaceWindow().toSeconds(), maxPerConversation(all));
    }

    /** The most messages accepted in any window of that length (sliding), to {@code to} or to anyone (null). */
    private static int maxIn(List<Sent> all, Duration window, String to) {
        long[] at = all.stream().filter(s -> to == null || s.to().equals(to)).mapToLong(Sent::at).sorted().toArray();
        int max = 0;
        int from = 0;
        for (int i = 0; i < at.length; i++) {
            while (at[i] - at[from] >= window.toNanos()) {
                from++;
            }
            max = Math.max(max, i - from + 1);
        }
        return max;
    }

    private static int maxPerConversation(List<Sent> all) {
        Map<String, List<Sent>> by = new HashMap<>();
        all.forEach(s -> by.computeIfAbsent(s.to(), k -> new ArrayList<>()).add(s));
        int max = 0;
        for (List<Sent> l : by.values()) {
            max = Math.max(max, l.size() == 1 ? 1 : maxIn(l, Duration.ofSeconds(1), null));
        }
        return max;
    }

    private final class SlackSide implements Side {
        final SlackApiStub stub;
        SlackRequests req;
        RateLimits limits;
        int triggers;

        SlackSide() throws IOException {
            stub = new SlackApiStub();
            stub.user("UCAROL", "Carol", "en-GB", "Europe/London");
        }

        @Override
        public List<String> properties() {
            return List.of("tandem.slack.bot-token=xoxb-test", "tandem.slack.signing-secret=" + SECRET,
                    "tandem.slack.api-url=" + stub.url(), "tandem.slack.admin-channel=" + SLACK_ADMIN,
                    "tandem.slack.workspace-messages-per-minute=" + rate);
        }

        private String trigger() {
            return "4242." + (++triggers) + ".broadcast";
        }

        private void command(String text) {
            req.command(SLACK_TEAM, "UCAROL", SLACK_ADMIN, "tandem-admins", text, trigger());
        }

        @Override
        public void programme(String base) {
            req = new SlackRequests(base, SECRET, stub.hooks());
            int mark = stub.size();
            command("program create");
            SlackApiStub.Call form = stub.await("views.open", mark);
            mark = stub.size();
            req.submit(SLACK_TEAM, form, "UCAROL", Forms.program("Leadership"), trigger());
            stub.await("chat.postMessage", mark, c -> SLACK_ADMIN.equals(c.params().get("channel")));
            mark = stub.size();
            command("program open Leadership");
            stub.await("chat.postMessage", mark, c -> c.params().getOrDefault("blocks", "")
                    .contains("is open for enrolment"));
        }

        @Override
        public void known(MongoDatabase db, List<String> userIds) {
            // Slack needs nothing more: a DM goes to the user id, as chat.postMessage takes it
        }

        @Override
        public void limit() {
            // Slack's buckets a little roomier than what Tandem keeps to (20 at once, one a second to a channel, 4 at
            // once): a send reaches Slack a little after its slot
            limits = stub.limit(rate, 25, 5);
        }

        @Override
        public void broadcast(String base) {
            int mark = stub.size();
            command("broadcast Leadership");
            SlackApiStub.Call form = stub.await("views.open", mark);
            mark = stub.size();
            req.submit(SLACK_TEAM, form, "UCAROL", Map.of("message", TEXT), trigger());
            SlackApiStub.Call confirm = stub.await("chat.postMessage", mark, c -> c.params()
                    .getOrDefault("blocks", "").contains("Send to "));
            JsonNode blocks = confirm.json("blocks");
            String label = label(blocks);
            String channel = confirm.answer().at("/channel").asString();
            String ts = confirm.answer().at("/ts").asString();
            // a person reads a message before clicking it: by then Tandem has recorded its question
            RunningApp.pause(1000);
            req.click(SLACK_TEAM, "UCAROL", channel, "tandem-admins", ts, blocks, label, trigger());
        }

        private static String label(JsonNode blocks) {
            for (JsonNode block : blocks) {
                for (JsonNode e : block.path("elements")) {
                    String text = e.at("/text/text").asString("");
                    if (text.startsWith("Send to ")) {
                        return text;
                    }
                }
            }
            throw new IllegalStateException("no Send button in " + blocks);
        }

        @Override
        public List<Sent> delivered() {
            List<Sent> out = new ArrayList<>();
            for (SlackApiStub.Call c : stub.calls()) {
                String to = c.params().getOrDefault("channel", "");
                if (c.method().equals("chat.postMessage") && c.ok() && to.startsWith("Ue")) {
                    out.add(new Sent(to, nanos(c.at())));
                }
            }
            return out;
        }

        @Override
        public int refused() {
            return limits == null ? 0 : limits.refused();
        }

        @Override
        public Duration workspaceWindow() {
            return Duration.ofMinutes(1);
        }

        @Override
        public void close() {
            stub.close();
        }
    }

    private final class TeamsSide implements Side {
        final BotConnectorStub stub = new BotConnectorStub();
        String base;
        RateLimits limits;

        @Override
        public List<String> properties() {
            return List.of("tandem.teams.enabled=true", "tandem.teams.coordinators=aad-carol",
                    "tandem.teams.tenant-messages-per-second=" + rate);
        }

        private void post(ObjectNode activity) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/api/messages answered " + r.statusCode() + ": " + r.body());
            }
        }

        private void mention(String text) throws Exception {
            ObjectNode a = stub.activity("carol", "Carol", TEAMS_ADMIN, "channel");
            BotConnectorStub.mention(a, text);
            post(a);
        }

        @Override
        public void programme(String base) throws Exception {
            this.base = base;
            int mark = stub.mark();
            mention("admin here");
            stub.awaitTo(TEAMS_ADMIN, mark, "now the admin channel");
            mark = stub.mark();
            mention("program create");
            BotConnectorStub.Call form = stub.awaitTo(TEAMS_ADMIN, mark, "New programme");
            post(stub.submit("carol", "Carol", TEAMS_ADMIN, "channel", form.action("Save"),
                    Forms.program("Leadership")));
            stub.awaitTo(TEAMS_ADMIN, mark, "Programme **Leadership** created");
            mark = stub.mark();
            mention("program open Leadership");
            stub.awaitTo(TEAMS_ADMIN, mark, "is open for enrolment");
        }

        /**
         * Each person's personal chat, stored exactly as the adapter stores it when a person first writes
         * ({@code TeamsConversations.rememberPerson}, called here by reflection: it is the adapter's own).
         */
        @Override
        public void known(MongoDatabase db, List<String> userIds) throws Exception {
            Class<?> type = Class.forName("org.tandem.teams.TeamsConversations");
            Constructor<?> make = type.getDeclaredConstructor(MongoDatabase.class);
            make.setAccessible(true);
            Object conversations = make.newInstance(db);
            Method remember = type.getDeclaredMethod("rememberPerson", String.class, String.class,
                    ConversationReference.class, String.class, Locale.class, Instant.class,
                    boolean.class);
            remember.setAccessible(true);
            Instant now = Instant.now();
            for (String id : userIds) {
                String user = id.substring("aad-".length());
                ConversationReference ref = new ConversationReference();
                ref.setChannelId("msteams");
                ref.setServiceUrl(stub.url());
                ref.setBot(new ChannelAccount("28:bot", "Tandem"));
                ref.setUser(new ChannelAccount("29:" + user));
                ConversationAccount c = new ConversationAccount("a:" + user);
                c.setTenantId(BotConnectorStub.TENANT);
                c.setConversationType("personal");
                ref.setConversation(c);
                remember.invoke(conversations, BotConnectorStub.TENANT, id, ref, user, Locale.ENGLISH, now, false);
            }
        }

        @Override
        public void limit() {
            // Teams' buckets a little roomier than what Tandem keeps to (10 at once; 7 a second to a conversation)
            limits = stub.limit(rate, 16, 8);
        }

        @Override
        public void broadcast(String base) throws Exception {
            int mark = stub.mark();
            mention("broadcast Leadership");
            BotConnectorStub.Call form = stub.awaitTo(TEAMS_ADMIN, mark, "Leadership");
            mark = stub.mark();
            post(stub.submit("carol", "Carol", TEAMS_ADMIN, "channel", form.action("Preview"), Map.of("message",
                    TEXT)));
            BotConnectorStub.Call confirm = stub.awaitTo(TEAMS_ADMIN, mark, "Send this message");
            JsonNode send = null;
            for (JsonNode b : confirm.card().at("/body")) {
                for (JsonNode a : b.at("/actions")) {
                    if (a.at("/title").asString("").startsWith("Send to ")) {
                        send = a;
                    }
                }
            }
            if (send == null) {
                throw new IllegalStateException("no Send button in " + confirm.body());
            }
            mark = stub.mark();
            post(stub.click("carol", "Carol", confirm, send));
        }

        @Override
        public List<Sent> delivered() {
            List<Sent> out = new ArrayList<>();
            for (BotConnectorStub.Call c : stub.calls()) {
                if (c.isSentActivity() && c.conversation().startsWith("a:e")) {
                    out.add(new Sent(c.conversation(), c.at()));
                }
            }
            return out;
        }

        @Override
        public int refused() {
            return limits == null ? 0 : limits.refused();
        }

        @Override
        public Duration workspaceWindow() {
            return Duration.ofSeconds(1);
        }

        @Override
        public void close() {
            stub.close();
        }
    }

    /** An Instant as System.nanoTime, for the windows (both clocks run together over a benchmark). */
    private static long nanos(Instant at) {
        return System.nanoTime() - Duration.between(at, Instant.now()).toNanos();
    }

    private static int get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}

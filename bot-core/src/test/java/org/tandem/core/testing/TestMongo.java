package org.tandem.core.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real MongoDB wire server for tests: the embedded {@code mongo-java-server} by default, or the server named
 * by the {@code MONGODB_URI} environment variable (a real MongoDB, e.g. the Compose replica set of the README's "Run
 * in production"). Each {@link #freshDatabase()} is a new, empty database; on a server of {@code MONGODB_URI} the
 * databases a test JVM made are dropped as it exits, so that repeated runs do not pile them up.
 */
public final class TestMongo {

    private static MongoServer server;
    private static MongoClient client;
    private static String uri;
    /** The databases this JVM made, to drop at its exit on a server of {@code MONGODB_URI}. */
    private static final Set<String> MINE = ConcurrentHashMap.newKeySet();

    private TestMongo() {
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            uri = System.getenv("MONGODB_URI");
            if (uri == null || uri.isBlank()) {
                server = new MongoServer(new MemoryBackend());
                server.bind("127.0.0.1", 0);
                InetSocketAddress address = server.getLocalAddress();
                uri = "mongodb://127.0.0.1:" + address.getPort();
            }
            client = MongoClients.create(uri);
            if (server == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestMongo::dropMine, "test-mongo-cleanup"));
            }
        }
        return client;
    }

    /**
     * A second, separate connection to the same server, as another replica would have (the caller closes it).
     * Its {@code getDatabase(name)} is the same database as the shared client's.
     */
    public static synchronized MongoClient newClient() {
        client();
        return MongoClients.create(uri);
    }

    /** A database no other test uses. */
    public static MongoDatabase freshDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MINE.add(name);
        return client().getDatabase(name);
    }

    private static void dropMine() {
        for (String name : MINE) {
            try {
                client.getDatabase(name).drop();
            } catch (RuntimeException e) {
                // the server went away first: nothing left to tidy from here
                return;
            }
        }
    }
}

package org.tandem.core.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * A real MongoDB wire server for tests: the embedded {@code mongo-java-server} by default, or the server named
 * by the {@code MONGODB_URI} environment variable. Each {@link #freshDatabase()} is a new, empty database.
 */
public final class TestMongo {

    private static MongoServer server;
    private static MongoClient client;
    private static String uri;

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
        return client().getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }
}

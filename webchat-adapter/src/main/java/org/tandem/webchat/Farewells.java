package org.tandem.webchat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The last answer to each person who just erased their data (the confirmation): in memory only, never stored, read
 * once, and forgotten after a minute if nobody reads it.
 */
final class Farewells {

    /** How long a farewell waits for its reader. */
    static final Duration KEPT = Duration.ofMinutes(1);

    private record Farewell(Document message, long until) {}

    private final Map<String, Farewell> waiting = new ConcurrentHashMap<>();

    /** Keeps the message for the user's next read, marked so that the page shows it alone. */
    void keep(String user, Document message) {
        dropExpired();
        waiting.put(user, new Farewell(new Document(message).append("farewell", true),
                System.nanoTime() + KEPT.toNanos()));
    }

    /** The farewell, once, if it is still fresh and newer than {@code after}. */
    Optional<Document> take(String user, long after) {
        dropExpired();
        Farewell f = waiting.remove(user);
        if (f == null || f.message().getLong("rev") <= after) {
            return Optional.empty();
        }
        return Optional.of(f.message());
    }

    private void dropExpired() {
        long now = System.nanoTime();
        waiting.values().removeIf(f -> now - f.until() > 0);
    }
}

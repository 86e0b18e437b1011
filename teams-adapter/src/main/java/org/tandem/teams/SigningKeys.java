package org.tandem.teams;

import com.microsoft.bot.connector.authentication.OpenIdMetadata;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import com.microsoft.bot.connector.authentication.OpenIdMetadataResolver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's token-signing keys, cached: the SDK's own cache fetched them with no timeout under a lock
 * every request shared, and emptied itself before a fetch that could fail. Here one fetch at a time runs in the
 * background, bounded by {@link KeyFetch}; the last good keys are kept whatever happens; they are refreshed when
 * they get old (without making anyone wait) and when a token names a key we do not know (at most every few
 * minutes). A request waits for keys only when it cannot be checked without them, and never longer than one
 * fetch; when there are none to be had it is told so at once ({@link Unavailable}: a 503 that Teams retries).
 * The SDK's token checks ask {@link #getKey} only after {@link #ready}, so they never touch the network.
 */
final class SigningKeys implements OpenIdMetadata, OpenIdMetadataResolver {

    /** A token with a key id we do not know refreshes the keys at most this often. */
    static final Duration UNKNOWN_KEY_INTERVAL = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** No keys to check a token with right now; ask again after {@code retryAfter}. */
    static final class Unavailable extends RuntimeException {
        final Duration retryAfter;

        Unavailable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    private record Loaded(Map<String, OpenIdMetadataKey> keys, Instant at) {}

    private final KeyFetch fetch;
    private final Duration timeout;
    private final Duration refresh;
    // security clocks are real clocks, never the dev clock
    private final Clock clock;
    private final Executor background;

    private volatile Loaded loaded;
    // guarded by this
    private CompletableFuture<Loaded> inFlight;
    private Instant lastAttempt = Instant.MIN;
    private boolean lastFailed;

    SigningKeys(KeyFetch fetch, TeamsKeysProperties properties, Clock clock, Executor background) {
        this.fetch = fetch;
        this.timeout = properties.timeout();
        this.refresh = properties.refresh();
        this.clock = clock;
        this.background = background;
    }

    /** The SDK asks its resolver for the keys of a metadata address: ours are the only ones. */
    @Override
    public OpenIdMetadata get(String metadataUrl) {
        return this;
    }

    /** From the cache only; null for a key we do not know (the SDK then refuses the token). */
    @Override
    public OpenIdMetadataKey getKey(String keyId) {
        Loaded l = loaded;
        return l == null || keyId == null ? null : l.keys().get(keyId);
    }

    /**
     * Makes sure a token naming {@code keyId} can be checked: returns at once when the key is cached (or when the
     * keys were just fetched and it is not among them: the token is then refused), else waits for a fetch at most
     * {@link TeamsKeysProperties#timeout()}. Throws {@link Unavailable} when the keys cannot be had.
     */
    void ready(String keyId) {
        Instant now = clock.instant();
        Loaded l = loaded;
        if (l != null && keyId != null && l.keys().containsKey(keyId)) {
            if (!now.isBefore(l.at().plus(refresh))) {
                refreshInBackground(now);
            }
            return;
        }
        CompletableFuture<Loaded> wait;
        synchronized (this) {
            if (inFlight != null) {
                wait = inFlight;
            } else {
                Instant next = lastAttempt.plus(l == null ? timeout : UNKNOWN_KEY_INTERVAL);
                if (now.isBefore(next)) {
                    if (l != null && !lastFailed) {
                        return; // just fetched, and that key is not among them
                    }
                    throw new Unavailable("the Bot Framework's signing keys cannot be read right now",
                            atLeastASecond(Duration.between(now, next)));
                }
                wait = start(now);
            }
        }
        try {
            wait.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the signing keys", timeout);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("the Bot Framework's signing keys cannot be read right now",
                    atLeastASecond(timeout));
        }
    }

    /** Starts reading the keys at once, so that the first request need not wait for them. */
    synchronized void prefetch() {
        if (inFlight == null && loaded == null) {
            start(clock.instant());
        }
    }

    private void refreshInBackground(Instant now) {
        synchronized (this) {
            if (inFlight == null && !now.isBefore(lastAttempt.plus(timeout))) {
                start(now);
            }
        }
    }

    /** Starts the one fetch (the caller holds the lock); the keys it brings replace the cache only if it worked. */
    private CompletableFuture<Loaded> start(Instant now) {
        lastAttempt = now;
        // waiters wait for this whole chain, so the cache is updated before any of them looks
        CompletableFuture<Loaded> f = CompletableFuture.supplyAsync(() -> {
            try {
                return new Loaded(Map.copyOf(fetch.load()), clock.instant());
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).whenComplete(this::loaded);
        // a fetch that ended already (its callback ran, under this same lock) is not in flight any more
        inFlight = f.isDone() ? null : f;
        return f;
    }

    private synchronized void loaded(Loaded keys, Throwable e) {
        inFlight = null;
        lastFailed = e != null;
        if (e == null) {
            loaded = keys;
            log.info("read {} Bot Framework signing keys", keys.keys().size());
        } else {
            log.warn("could not read the Bot Framework's signing keys ({}); {}", rootMessage(e),
                    loaded == null ? "requests are refused with 503 until they can be read"
                            : "the last keys read stay in use");
        }
    }

    private static Duration atLeastASecond(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}

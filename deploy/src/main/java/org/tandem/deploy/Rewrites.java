package org.tandem.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites of the embedded file, owed after each erasure and done on one background thread, off the request that
 * erased. Requests that arrive while one waits are served by it. A marker file says a rewrite is owed until one has
 * finished, so that a crash in between is made good at the next start.
 */
final class Rewrites implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Rewrites.class);

    private final Path marker;
    private final Runnable rewrite;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tandem-embedded-rewrite");
        t.setDaemon(true);
        // the copy reads stored documents back as objects: with the application's classes
        t.setContextClassLoader(Rewrites.class.getClassLoader());
        return t;
    });
    private long requested;
    private long startedFor;
    private CompletableFuture<Void> queued;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    Rewrites(Path marker, Runnable rewrite) {
        this.marker = marker;
        this.rewrite = rewrite;
    }

    /** The marker next to a data file. */
    static Path markerOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".rewrite");
    }

    /** Whether a rewrite was owed when the application stopped. */
    static boolean owed(Path file) {
        return Files.exists(markerOf(file));
    }

    /** Says the rewrite was done (at start, before the store opens). */
    static void done(Path file) {
        try {
            Files.deleteIfExists(markerOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + markerOf(file), e);
        }
    }

    /** Asks for a rewrite soon; the future completes when a rewrite that started after this call is done. */
    synchronized CompletableFuture<Void> request() {
        requested++;
        mark();
        if (queued == null) {
            try {
                queued = CompletableFuture.runAsync(this::run, worker);
            } catch (RejectedExecutionException e) {
                // stopping: the marker has it done at the next start
                return last;
            }
            last = queued;
        }
        return last;
    }

    /** Waits until every rewrite asked for so far is done (tests, and the shutdown). */
    void await(Duration timeout) {
        CompletableFuture<Void> f;
        synchronized (this) {
            f = last;
        }
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the embedded database's rewrite did not complete", e);
        }
    }

    private void run() {
        synchronized (this) {
            // whoever asks from now on needs a rewrite that starts after their erasure: queue a new one
            queued = null;
            startedFor = requested;
        }
        try {
            rewrite.run();
            synchronized (this) {
                if (requested == startedFor) {
                    Files.deleteIfExists(marker);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the marker stays: the next erasure or the next start tries again
            log.error("the embedded database's file could not be rewritten after an erasure", e);
            throw new IllegalStateException(e);
        }
    }

    private void mark() {
        try {
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException e) {
            log.warn("cannot write {}: a crash before the rewrite would leave it owed", marker, e);
        }
    }

    /** Lets a rewrite that is owed finish, within reason, before the store closes. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("stopping before the embedded database's rewrite finished; it is done at the next start");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.tandem.deploy;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server over an H2 file, for running Tandem with no database to install.
 * The application connects to it with the same driver code as to a real MongoDB. After an erasure its file is
 * rewritten, so that what was erased is not left in the file's old pages.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /** How long a rewrite waits for clients to finish reading a result. */
    private static final Duration CURSOR_PATIENCE = Duration.ofSeconds(10);

    private final RewritableBackend backend;
    private final Rewrites rewrites;
    private final MongoServer server;
    private final String uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedMongo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the embedded database " + file, e);
        }
        try {
            StoreFile.cleanUp(file);
            if (Rewrites.owed(file)) {
                // the application stopped after an erasure, before the file was rewritten
                StoreFile.rewrite(file);
                Rewrites.done(file);
            }
            this.backend = new RewritableBackend(file);
        } catch (MVStoreException e) {
            throw new IllegalStateException("cannot open the embedded database " + file.toAbsolutePath()
                    + ": is another Tandem running on it? (" + e.getMessage() + ")", e);
        }
        this.rewrites = new Rewrites(Rewrites.markerOf(file), () -> backend.rewrite(CURSOR_PATIENCE));
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        this.uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("embedded MongoDB on {} with its data in {}", uri, file.toAbsolutePath());
    }

    String uri() {
        return uri;
    }

    /** Writes what was changed to the file now, so that a crash right after a write loses nothing. */
    void commit() {
        backend.commit();
    }

    /**
     * Rewrites the file soon, on a background thread, with only its live data: for after an erasure. The future
     * completes once it is done.
     */
    CompletableFuture<Void> rewriteSoon() {
        return rewrites.request();
    }

    /** Waits until every rewrite asked for so far is done. */
    void awaitRewrites(Duration timeout) {
        rewrites.await(timeout);
    }

    /** Stops the server (once: a second call does nothing), after a rewrite that is owed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            rewrites.close();
            server.shutdown();
        }
    }
}

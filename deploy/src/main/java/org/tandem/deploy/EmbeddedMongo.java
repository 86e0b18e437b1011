package org.tandem.deploy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server over an H2 file, for running Tandem with no database to install.
 * The application connects to it with the same driver code as to a real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final String uri;

    EmbeddedMongo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the embedded database " + file, e);
        }
        try {
            this.backend = new H2Backend(file.toString());
        } catch (MVStoreException e) {
            throw new IllegalStateException("cannot open the embedded database " + file.toAbsolutePath()
                    + ": is another Tandem running on it? (" + e.getMessage() + ")", e);
        }
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

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}

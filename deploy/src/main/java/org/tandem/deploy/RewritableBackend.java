package org.tandem.deploy;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's H2 backend, behind a lock so that its file can be rewritten while clients stay connected:
 * every command holds the read lock; a rewrite takes the write lock when no cursor is open (a client half-way
 * through a result would lose the rest), closes the store, rewrites the file and opens it again. Commands that
 * arrive meanwhile wait, none fails.
 */
final class RewritableBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(RewritableBackend.class);

    private final Path file;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Store current;

    /** H2's backend, telling how many cursors clients still read from. */
    private static final class Store extends H2Backend {
        Store(Path file) {
            super(file.toString());
        }

        int openCursors() {
            return getCursorRegistry().size();
        }
    }

    RewritableBackend(Path file) {
        this.file = file;
        this.current = new Store(file);
    }

    /** Writes what was changed to the file now. */
    void commit() {
        read(() -> {
            current.commit();
            return null;
        });
    }

    /**
     * Rewrites the file with only its live data. Waits up to {@code patience} for a moment without open cursors;
     * after that it goes ahead (a cursor left open that long was abandoned).
     */
    void rewrite(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            lock.writeLock().lock();
            try {
                int open = current.openCursors();
                if (open == 0 || System.nanoTime() - deadline > 0) {
                    if (open > 0) {
                        log.warn("rewriting the embedded database with {} cursor(s) still open", open);
                    }
                    swap();
                    return;
                }
            } finally {
                lock.writeLock().unlock();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before rewriting the embedded database", e);
            }
        }
    }

    /** With the write lock held: close, rewrite, reopen, whatever happened to the rewrite. */
    private void swap() {
        current.close();
        try {
            StoreFile.rewrite(file);
        } finally {
            current = new Store(file);
        }
    }

    private <T> T read(Supplier<T> call) {
        lock.readLock().lock();
        try {
            return call.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void handleClose(Channel channel) {
        read(() -> {
            current.handleClose(channel);
            return null;
        });
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return read(() -> current.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return read(() -> current.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return read(() -> current.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        read(() -> {
            current.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return read(() -> current.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return read(() -> current.getServerStatus());
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            current.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        read(() -> {
            current.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        throw new UnsupportedOperationException("the oplog would not survive a rewrite of the file");
    }

    @Override
    public void disableOplog() {
        // never enabled
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return read(() -> current.resolveDatabase(database));
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        throw new UnsupportedOperationException("the default version is the one a rewrite reopens with");
    }
}

package org.tandem.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * The embedded database's H2 MVStore file, rewritten whole. The MVStore only appends: a deleted document stays in
 * the file's old chunks until they happen to be overwritten. H2's own remedies do not remove it: its in-place
 * compaction moves raw blocks (stale padding included), and its full compaction ({@code MVStore.compact}) copies
 * the B-tree pages as they are, where a deleted key lives on as a separator in an inner page (the erased person's
 * id did, in the {@code _id} index of {@code people}). Copying the entries one by one into a fresh file builds new
 * trees from the live keys only; that file then replaces the old one.
 */
final class StoreFile {

    /** H2's own name for the copy being written; {@link MVStoreTool#compactCleanUp} knows it. */
    private static final String TEMP = ".tempFile";

    private StoreFile() {
    }

    /** Removes what an interrupted rewrite left (the old file is then intact), before the file is opened. */
    static void cleanUp(Path file) {
        MVStoreTool.compactCleanUp(file.toString());
    }

    /**
     * Copies the live data of a closed store file into a new file, flushed to disk, that atomically replaces it.
     * A crash before the swap leaves the old file whole (and a temporary one that {@link #cleanUp} removes), after
     * it the new one.
     */
    static void rewrite(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + TEMP);
        try {
            Files.deleteIfExists(temp);
            copyEntries(file, temp);
            force(temp, StandardOpenOption.WRITE);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            force(file.toAbsolutePath().getParent(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the embedded database " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Every entry of every map of the (closed) source, into a new store with the same map names and types. */
    private static void copyEntries(Path source, Path target) {
        try (MVStore from = new MVStore.Builder().fileName(source.toString()).readOnly().open();
             MVStore to = new MVStore.Builder().fileName(target.toString()).open()) {
            for (String name : from.getMapNames()) {
                // mongo-java-server opens every map with the default types; so does this copy
                MVMap<Object, Object> in = from.openMap(name);
                to.openMap(name).putAll(in);
            }
            to.commit();
        }
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) {
                throw e;
            }
            // some file systems cannot sync a folder; the rename itself is atomic all the same
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // cleanUp removes it at the next start
        }
    }
}

package org.tandem.webchat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Redacted;

/**
 * Messages the outbox's database refused (down, a write that timed out), kept in memory in the order they were sent
 * until the core's sweep delivers them: the web chat never drops what the core said. Memory only, as the web chat is
 * a single-instance dev tool whose store is the one that refused; {@value #MAX} at most, the oldest dropped beyond.
 * Each keeps the reference it was given, so that an update reaches it before and after its delivery.
 */
final class Parked {

    static final int MAX = 1000;
    private static final Logger log = LoggerFactory.getLogger(Parked.class);

    /** One message waiting: its reference ({@code p<n>}), where it goes, who reads it, what it shows, when. */
    record Entry(String id, String conversation, List<String> readers, List<Document> blocks, Instant at) {

        /** Where the message is read: the same conversation for the same readers, whose order must be kept. */
        String place() {
            return WebchatOutbox.DIRECT.equals(conversation) ? conversation + "|" + readers : conversation;
        }
    }

    /** Delivers one entry into the outbox, returning its {@code seq}; throws when the database still refuses. */
    @FunctionalInterface
    interface Delivery {
        long deliver(Entry entry);
    }

    private final Map<String, Entry> waiting = new LinkedHashMap<>();
    /** Where delivered entries went, so that their references keep working; the latest {@value #MAX}. */
    private final Map<String, Long> delivered = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX;
        }
    };
    private long next;

    synchronized String park(String conversation, List<String> readers, List<Document> blocks, Instant at) {
        if (waiting.size() >= MAX) {
            Entry oldest = waiting.values().iterator().next();
            waiting.remove(oldest.id());
            log.error("{} messages wait for the web chat's database: the oldest (to {}) is dropped", MAX,
                    oldest.conversation());
        }
        Entry e = new Entry("p" + ++next, conversation, List.copyOf(readers), blocks, at);
        waiting.put(e.id(), e);
        return e.id();
    }

    /** Whether a message for this place waits: a later one must wait behind it, never be read before it. */
    synchronized boolean waitsFor(String conversation, List<String> readers) {
        String place = new Entry("", conversation, List.copyOf(readers), List.of(), Instant.EPOCH).place();
        return waiting.values().stream().anyMatch(e -> e.place().equals(place));
    }

    /** Changes what a waiting message will show; false when none waits under this reference. */
    synchronized boolean replace(String id, List<Document> blocks) {
        Entry e = waiting.get(id);
        if (e == null) {
            return false;
        }
        waiting.put(id, new Entry(id, e.conversation(), e.readers(), blocks, e.at()));
        return true;
    }

    /** Where a message parked under this reference was delivered, once it was. */
    synchronized Optional<Long> seqOf(String id) {
        return Optional.ofNullable(delivered.get(id));
    }

    /** Delivers up to {@code limit} waiting messages, oldest first, until the database refuses again. */
    synchronized int deliver(int limit, Delivery outbox) {
        int sent = 0;
        for (Iterator<Entry> it = waiting.values().iterator(); it.hasNext() && sent < limit; ) {
            Entry e = it.next();
            long seq;
            try {
                seq = outbox.deliver(e);
            } catch (RuntimeException refused) {
                log.warn("the web chat's database still refuses messages ({}); {} wait", Redacted.describe(refused),
                        waiting.size());
                break;
            }
            it.remove();
            delivered.put(e.id(), seq);
            sent++;
        }
        return sent;
    }

    /**
     * Forgets a person who erased their data: what waits for them alone goes, they are taken off what waits for
     * others, and what waits for others that is about them (in one of {@code theirGroups}, or naming or quoting
     * them) goes, rather than be delivered with what the outbox would have blanked.
     */
    synchronized void forget(String user, Needles needles, Set<String> theirGroups) {
        for (Entry e : new ArrayList<>(waiting.values())) {
            List<String> readers = e.readers().stream().filter(r -> !r.equals(user)).toList();
            // a channel's message has no readers of its own (everyone reads it): it goes only when it is about them
            boolean theirsAlone = readers.isEmpty() && !e.readers().isEmpty();
            if (theirsAlone || theirGroups.contains(e.conversation())
                    || e.blocks().stream().anyMatch(needles::foundIn)) {
                waiting.remove(e.id());
            } else if (readers.size() != e.readers().size()) {
                waiting.put(e.id(), new Entry(e.id(), e.conversation(), readers, e.blocks(), e.at()));
            }
        }
    }

    /** Whether anything waiting is for this person. */
    synchronized boolean holdsFor(String user) {
        return waiting.values().stream().anyMatch(e -> e.readers().contains(user));
    }
}

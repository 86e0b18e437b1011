package org.tandem.teams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this replica's sends within Teams' limits: about 7 messages a second to one conversation and 30 requests a
 * second to one tenant. Each send reserves the next free slot of its conversation and of its tenant and waits
 * for the later one. (Replicas pace separately; what still gets throttled is retried by {@link Delivery}.)
 */
final class Pacer {

    static final long PER_CONVERSATION_NANOS = TimeUnit.SECONDS.toNanos(1) / 7;
    static final long PER_TENANT_NANOS = TimeUnit.SECONDS.toNanos(1) / 30;

    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

    /** Waits for a slot; returns how long it waited, in nanoseconds. */
    long await(String tenant, String conversation) throws InterruptedException {
        long now = System.nanoTime();
        long wait = Math.max(reserve("t|" + tenant, PER_TENANT_NANOS, now),
                reserve("c|" + conversation, PER_CONVERSATION_NANOS, now));
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(next -> next - now < 0);
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return Math.max(wait, 0);
    }

    private long reserve(String key, long gap, long now) {
        long[] slot = new long[1];
        nextSlot.compute(key, (k, next) -> {
            long at = next == null || next - now < 0 ? now : next;
            slot[0] = at;
            return at + gap;
        });
        return slot[0] - now;
    }
}

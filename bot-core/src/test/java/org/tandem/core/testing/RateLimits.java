package org.tandem.core.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's limits on messages, as the platforms' stubs enforce them: token buckets, one for the whole workspace
 * (tenant) and one per conversation, each refilled at its rate up to its burst, in real time. A message over either
 * is refused (the stub answers 429) and counted.
 */
public final class RateLimits {

    private final Bucket workspace;
    private final long conversationInterval;
    private final int conversationBurst;
    private final Map<String, Bucket> conversations = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    /**
     * {@code perWorkspace} messages every {@code per} to the workspace (a burst of {@code burst}), and
     * {@code perConversation} every {@code conversationPer} to each conversation (a burst of {@code conversationBurst}).
     */
    public RateLimits(int perWorkspace, Duration per, int burst, int perConversation, Duration conversationPer,
                      int conversationBurst) {
        this.workspace = new Bucket(per.toNanos() / perWorkspace, burst);
        this.conversationInterval = conversationPer.toNanos() / perConversation;
        this.conversationBurst = conversationBurst;
    }

    /**
     * Zero when a message to {@code conversation} may go now (its tokens are then taken); else it is refused, counted,
     * and this is the Retry-After the platform would give: the seconds until its next token, at least one.
     */
    public synchronized long retryAfter(String conversation) {
        long now = System.nanoTime();
        Bucket c = conversations.computeIfAbsent(conversation, k -> new Bucket(conversationInterval, conversationBurst));
        long wait = Math.max(workspace.waitAt(now), c.waitAt(now));
        if (wait > 0) {
            refused.incrementAndGet();
            return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        }
        workspace.tokens -= 1;
        c.tokens -= 1;
        return 0;
    }

    /** How many messages were refused. */
    public int refused() {
        return refused.get();
    }

    private static final class Bucket {
        final long interval;
        final double capacity;
        double tokens;
        long last = System.nanoTime();

        Bucket(long interval, int capacity) {
            this.interval = interval;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        /** Refills up to now: zero when a token is there, else the nanoseconds until one is. */
        long waitAt(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / (double) interval);
            last = now;
            return tokens >= 1 ? 0 : (long) ((1 - tokens) * interval);
        }
    }
}

package org.tandem.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform's limits on messages, as a stub enforces them: token buckets, one for the whole workspace (tenant) and
 * one per conversation, each refilled at its rate up to its burst. A message over either is refused (the stub answers
 * 429 with {@link #retryAfterSeconds}) and counted.
 */
final class RateLimits {

    private final Bucket workspace;
    private final long conversationInterval;
    private final int conversationBurst;
    private final Map<String, Bucket> conversations = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile long lastWait;

    /** {@code perWorkspace} messages every {@code perNanos} (burst {@code burst}), and so for each conversation. */
    RateLimits(int perWorkspace, long perNanos, int burst, int perConversation, long conversationPerNanos,
               int conversationBurst) {
        this.workspace = new Bucket(perNanos / perWorkspace, burst);
        this.conversationInterval = conversationPerNanos / perConversation;
        this.conversationBurst = conversationBurst;
    }

    /** Whether a message to {@code conversation} may go now (its tokens are then taken); a refusal is counted. */
    synchronized boolean admit(String conversation) {
        long now = System.nanoTime();
        Bucket c = conversations.computeIfAbsent(conversation, k -> new Bucket(conversationInterval, conversationBurst));
        long wait = Math.max(workspace.waitAt(now), c.waitAt(now));
        if (wait > 0) {
            refused.incrementAndGet();
            lastWait = wait;
            return false;
        }
        workspace.tokens -= 1;
        c.tokens -= 1;
        return true;
    }

    /** The seconds until the refused message's next token, at least one (what the platform says in Retry-After). */
    long retryAfterSeconds() {
        return Math.max(1, (lastWait + 999_999_999L) / 1_000_000_000L);
    }

    /** How many messages were refused. */
    int refused() {
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

package org.tandem.teams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.Pacing;

/**
 * Keeps sends within Teams' limits: about 7 messages a second to one conversation and, by default, 30 a second to
 * one tenant. What Tandem sends on its own (nudges, a broadcast, redeliveries: the volume) takes its slots from the
 * budgets every replica shares in MongoDB ({@link Pacing}), and a throttled answer (429) holds the tenant's budget
 * back for every replica. The calls of a turn (its replies, its cards' updates, the typing indicator) are paced by
 * this replica alone, in memory, as one person's answers are: a shared slot costs round trips to the database inside
 * the turn that Teams waits for.
 */
final class Pacer {

    /** Teams' 7 messages a second to one conversation (a burst of as many). */
    static final Pace.Rate PER_CONVERSATION = Pace.Rate.perSecond(7, 7);
    /** What a tenant's budget lets out at once after a quiet time. */
    static final int TENANT_BURST = 10;

    private final Pacing pacing;
    private final java.util.Map<String, Long> nextSlot = new java.util.concurrent.ConcurrentHashMap<>();

    Pacer(Pacing pacing) {
        this.pacing = pacing;
    }

    static Pace pace(int perTenantPerSecond) {
        return new Pace(PER_CONVERSATION, Pace.Rate.perSecond(perTenantPerSecond, TENANT_BURST));
    }

    Pace pace() {
        return pacing.pace();
    }

    /**
     * Takes a send's slot and waits for it: zero once it may go. A slot further ahead than {@code longest} is not
     * waited for: its wait is returned, for the send to be parked until then.
     */
    Duration await(String tenant, String conversation, Duration longest) throws InterruptedException {
        Duration wait = pacing.reserve(tenant, conversation);
        if (wait.compareTo(longest) > 0) {
            return wait;
        }
        if (!wait.isZero()) {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }
        return Duration.ZERO;
    }

    /** Waits for a turn's call's slot, paced by this replica alone; returns how long it waited. */
    Duration awaitInTurn(String tenant, String conversation) throws InterruptedException {
        Pace pace = pacing.pace();
        long now = System.nanoTime();
        long wait = Math.max(reserve("t|" + tenant, pace.perWorkspace().interval().toNanos(), now),
                reserve("c|" + conversation, pace.perDestination().interval().toNanos(), now));
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(next -> next - now < 0);
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return Duration.ofNanos(Math.max(wait, 0));
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

    /** Teams throttled a send: the tenant's sends wait {@code wait}, on every replica. */
    void throttled(String tenant, Duration wait) {
        pacing.throttled(tenant, wait);
    }

    /** Forgets a conversation's budget (a person who erased their data). */
    void forget(String tenant, String conversation) {
        pacing.forget(tenant, conversation);
    }

    /** How long a send to a tenant would wait now. */
    Duration backlog(String tenant) {
        return pacing.backlog(tenant);
    }
}

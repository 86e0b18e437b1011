package org.tandem.teams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.Pacing;

/**
 * Keeps every replica's sends within Teams' limits, with budgets they share in MongoDB ({@link Pacing}): about 7
 * messages a second to one conversation and, by default, 30 a second to one tenant. Each send takes the next slot
 * of its conversation and of its tenant and waits for the later one; a throttled answer (429) holds the tenant's
 * budget back for every replica.
 */
final class Pacer {

    /** Teams' 7 messages a second to one conversation (a burst of as many). */
    static final Pace.Rate PER_CONVERSATION = Pace.Rate.perSecond(7, 7);
    /** What a tenant's budget lets out at once after a quiet time. */
    static final int TENANT_BURST = 10;

    private final Pacing pacing;

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

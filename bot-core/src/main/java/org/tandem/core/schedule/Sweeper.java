package org.tandem.core.schedule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.TurnClock;
import org.tandem.core.store.Retry;

/**
 * Performs what is due: claims due items one at a time, hands each to the {@link DueHandler} of its kind, and
 * marks it done, or backs it off to retry. Replicas each run their own sweeper over the same database; the lease
 * in {@link DueItems#claim} keeps them from performing an item twice.
 */
public final class Sweeper {

    /**
     * How a sweeper works.
     *
     * @param lease        how long an attempt may take before another replica may take the item over
     * @param maxPerSweep  a bound on one sweep, so that a backlog cannot hold a scheduler thread for ever
     * @param firstBackOff the wait after a first failure; it doubles with each attempt, with jitter
     * @param maxBackOff   the longest wait between attempts
     */
    public record Settings(Duration lease, int maxPerSweep, Duration firstBackOff, Duration maxBackOff) {

        public static final Settings DEFAULTS =
                new Settings(Duration.ofMinutes(5), 10_000, Duration.ofSeconds(30), Duration.ofHours(1));

        public Settings {
            if (lease.isNegative() || lease.isZero() || maxPerSweep < 1 || firstBackOff.isNegative()
                    || firstBackOff.isZero() || maxBackOff.compareTo(firstBackOff) < 0) {
                throw new IllegalArgumentException("lease and back-offs must be positive, maxPerSweep at least 1");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final DueItems items;
    private final Map<String, DueHandler> handlers = new HashMap<>();
    private final Clock clock;
    private final String owner;
    private final Settings settings;
    private final Retry retry;
    // sweeps of one sweeper never overlap: the scheduler's and the dev clock's take turns
    private final ReentrantLock lock = new ReentrantLock();

    public Sweeper(DueItems items, List<? extends DueHandler> handlers, Clock clock, String owner) {
        this(items, handlers, clock, owner, Settings.DEFAULTS);
    }

    public Sweeper(DueItems items, List<? extends DueHandler> handlers, Clock clock, String owner,
                   Settings settings) {
        this.items = items;
        this.clock = clock;
        this.owner = owner;
        this.settings = settings;
        this.retry = new Retry(settings.firstBackOff(), settings.maxBackOff(), items.maxAttempts(), Duration.ZERO);
        for (DueHandler h : handlers) {
            if (this.handlers.putIfAbsent(h.kind(), h) != null) {
                throw new IllegalStateException("two handlers for due items of kind '" + h.kind() + "'");
            }
        }
    }

    /** A name for this process among replicas: the host name, and a random part for two on one host. */
    public static String newOwnerId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String owner() {
        return owner;
    }

    /**
     * Performs every item due now, up to {@link Settings#maxPerSweep()}, and returns how many it claimed
     * (performed, retried later or failed). A sweep that is running makes a second caller wait its turn.
     */
    public int sweep() {
        lock.lock();
        try {
            int claimed = 0;
            while (claimed < settings.maxPerSweep()) {
                Optional<DueItem> item = items.claim(owner, clock.instant(), settings.lease());
                if (item.isEmpty()) {
                    break;
                }
                claimed++;
                perform(item.get());
            }
            return claimed;
        } finally {
            lock.unlock();
        }
    }

    private void perform(DueItem item) {
        // an item is performed at one instant, as a turn is
        try (TurnClock.Frozen at = clock instanceof TurnClock t ? t.freeze() : () -> { }) {
            performNow(item);
        }
    }

    private void performNow(DueItem item) {
        DueHandler handler = handlers.get(item.kind());
        if (handler == null) {
            items.fail(item, owner, "no handler for due items of kind '" + item.kind() + "'");
            return;
        }
        if (item.attempts() > items.maxAttempts()) {
            // its last attempt never finished (each crashed or hung): trying again could bring the next replica down
            items.fail(item, owner, "gave up after " + items.maxAttempts() + " attempts; the last did not finish "
                    + "within its lease of " + settings.lease());
            return;
        }
        try {
            handler.perform(item);
        } catch (RuntimeException e) {
            Instant next = clock.instant().plus(backOff(item.attempts()));
            if (item.attempts() < items.maxAttempts()) {
                // the stack trace once is enough: later attempts of an outage would repeat it
                log.warn("due item {} of kind {}: attempt {} failed ({}), next at {}", item.key(), item.kind(),
                        item.attempts(), describe(e), next, item.attempts() == 1 ? e : null);
            }
            if (!items.retry(item, owner, next, describe(e))) {
                log.warn("due item {}: the lease was lost while it was performed", item.key());
            }
            return;
        }
        if (!items.complete(item, owner)) {
            log.warn("due item {} was performed after its lease ran out; another replica may perform it again: "
                    + "the lease ({}) is too short for kind {}", item.key(), settings.lease(), item.kind());
        }
    }

    /** Exponential back-off with "equal jitter" (see {@link Retry}), between the settings' first and longest wait. */
    Duration backOff(int attempt) {
        return retry.wait(attempt, Duration.ZERO);
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.TurnClock;
import org.tandem.core.store.Retry;
import org.tandem.core.telemetry.Redacted;

/**
 * Performs what is due: claims due items one at a time, hands each to the {@link DueHandler} of its kind, and
 * marks it done, or backs it off to retry. Replicas each run their own sweeper over the same database; the lease
 * in {@link DueItems#claim} keeps them from performing an item twice.
 */
public final class Sweeper {

    /**
     * How a sweeper works.
     *
     * @param lease        how long an attempt may go unrenewed before another replica may take the item over: the
     *                     sweeper renews it every third of that while the work runs, so it bounds how late a
     *                     replica that died is replaced, not how long the work may take
     * @param maxPerSweep  a bound on one sweep, so that a backlog cannot hold a scheduler thread for ever
     * @param firstBackOff the wait after a first failure; it doubles with each attempt, with jitter
     * @param maxBackOff   the longest wait between attempts
     * @param longestPace  the longest a due item waits on the scheduler's thread for its platform's budget: when its
     *                     workspace's budget is spent further ahead, the item goes back to the store until then
     */
    public record Settings(Duration lease, int maxPerSweep, Duration firstBackOff, Duration maxBackOff,
                           Duration longestPace) {

        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(30), 10_000, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofSeconds(2));

        public Settings {
            if (lease.isNegative() || lease.isZero() || maxPerSweep < 1 || firstBackOff.isNegative()
                    || firstBackOff.isZero() || maxBackOff.compareTo(firstBackOff) < 0 || longestPace.isNegative()) {
                throw new IllegalArgumentException("lease and back-offs must be positive, maxPerSweep at least 1");
            }
        }

        public Settings(Duration lease, int maxPerSweep, Duration firstBackOff, Duration maxBackOff) {
            this(lease, maxPerSweep, firstBackOff, maxBackOff, DEFAULTS.longestPace());
        }
    }

    /** How long a message to a workspace would wait now for its platform's budget ({@code Messenger#backlog}). */
    @FunctionalInterface
    public interface Backlog {
        Backlog NONE = scope -> Duration.ZERO;

        Duration of(Scope scope);
    }

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);
    /** One thread renews the leases of every sweeper's running items: a renewal is one small update. */
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tandem-lease-renewal");
        t.setDaemon(true);
        return t;
    });

    private final DueItems items;
    private final Map<String, DueHandler> handlers = new HashMap<>();
    private final Clock clock;
    private final String owner;
    private final Settings settings;
    private final Retry retry;
    private final Backlog backlog;
    // sweeps of one sweeper never overlap: the scheduler's and the dev clock's take turns
    private final ReentrantLock lock = new ReentrantLock();
    private boolean archivedOnce;
    /** Set once by {@link #stop}: no sweep claims anything after it. */
    private volatile boolean stopping;
    /** The item whose work is running, if any (the one a stop cannot give back). */
    private volatile DueItem current;

    public Sweeper(DueItems items, List<? extends DueHandler> handlers, Clock clock, String owner) {
        this(items, handlers, clock, owner, Settings.DEFAULTS);
    }

    public Sweeper(DueItems items, List<? extends DueHandler> handlers, Clock clock, String owner,
                   Settings settings) {
        this(items, handlers, clock, owner, settings, Backlog.NONE);
    }

    public Sweeper(DueItems items, List<? extends DueHandler> handlers, Clock clock, String owner,
                   Settings settings, Backlog backlog) {
        this.items = items;
        this.backlog = backlog;
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
     * Performs every item due now, oldest first, up to {@link Settings#maxPerSweep()}, and returns how many it
     * claimed (performed, retried later, failed, or given back to wait for their platform's budget). A sweep that is
     * running makes a second caller wait its turn.
     */
    public int sweep() {
        if (stopping) {
            return 0;
        }
        lock.lock();
        try {
            DueItems.Claims claims = items.claims(owner, settings.lease());
            int claimed = 0;
            // a stop ends the sweep after the item in hand: what is left is another replica's at once
            while (claimed < settings.maxPerSweep() && !stopping) {
                Optional<DueItem> item = claims.next(clock.instant());
                if (item.isEmpty()) {
                    break;
                }
                claimed++;
                Duration busy = backlog.of(item.get().scope());
                if (busy.compareTo(settings.longestPace()) > 0) {
                    // the platform's budget for the workspace is spent until then: the item waits in the store
                    if (!items.defer(item.get(), owner, clock.instant().plus(busy))) {
                        log.warn("due item {}: the lease was lost before it could be deferred",
                                Redacted.key(item.get().key()));
                    }
                    continue;
                }
                perform(item.get());
            }
            // what this sweep finished leaves the claim path (and, on the first sweep, what a crash left there)
            if (claimed > 0 || !archivedOnce) {
                items.archive();
                archivedOnce = true;
            }
            return claimed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops this sweeper for good, as its replica shuts down: no sweep claims anything from now on; the one running
     * finishes the item in hand (waiting {@code within} at most); then every lease still in this replica's name is
     * given back ({@link DueItems#release}), so that another replica takes those items at once rather than after
     * their lease. An item whose work is still running after {@code within} keeps its lease, which runs out if this
     * replica dies: giving it back could send it twice. Returns whether the running sweep finished in time.
     */
    public boolean stop(Duration within) {
        stopping = true;
        boolean finished;
        try {
            finished = lock.tryLock(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        try {
            DueItem running = finished ? null : current;
            int released = items.release(owner, Optional.ofNullable(running).map(DueItem::key));
            if (finished) {
                log.info("stopped sweeping; {} lease(s) given back", released);
            } else {
                // the kind, not the key: a key may name a person
                log.warn("stopped sweeping, but the work of a due item of kind {} still runs after {}; {} other "
                        + "lease(s) given back", running == null ? "?" : running.kind(), within, released);
            }
        } catch (RuntimeException e) {
            log.warn("stopped sweeping, but the leases could not be given back ({}): they run out in {}",
                    e.toString(), settings.lease());
        } finally {
            if (finished) {
                lock.unlock();
            }
        }
        return finished;
    }

    /** Whether {@link #stop} was called. */
    public boolean stopped() {
        return stopping;
    }

    private void perform(DueItem item) {
        // an item is performed at one instant, as a turn is; its lease is renewed while it runs
        Duration every = settings.lease().dividedBy(3);
        Renewal renewal = new Renewal(item);
        ScheduledFuture<?> renewing = RENEWALS.scheduleAtFixedRate(renewal, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        current = item;
        try (TurnClock.Frozen at = clock instanceof TurnClock t ? t.freeze() : () -> { }) {
            performNow(item);
        } finally {
            current = null;
            renewing.cancel(false);
        }
    }

    /** Renews the lease of an item while its work runs; stops once the lease is lost. */
    private final class Renewal implements Runnable {
        private final DueItem item;
        private boolean lost;

        Renewal(DueItem item) {
            this.item = item;
        }

        @Override
        public synchronized void run() {
            if (lost) {
                return;
            }
            try {
                if (!items.renew(item, owner, Instant.now(clock).plus(settings.lease()))) {
                    lost = true;
                    log.warn("due item {}: its lease was lost while it ran (another replica may take it over)",
                            Redacted.key(item.key()));
                }
            } catch (RuntimeException e) {
                log.warn("due item {}: renewing its lease failed ({}); the next renewal tries again",
                        Redacted.key(item.key()), Redacted.describe(e));
            }
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
                log.warn("due item {} of kind {}: attempt {} failed ({}), next at {}", Redacted.key(item.key()),
                        item.kind(), item.attempts(), Redacted.describe(e), next,
                        item.attempts() == 1 ? Redacted.of(e) : null);
            }
            if (!items.retry(item, owner, next, describe(e))) {
                log.warn("due item {}: the lease was lost while it was performed", Redacted.key(item.key()));
            }
            return;
        }
        if (!items.complete(item, owner)) {
            log.warn("due item {} of kind {} was performed after its lease was lost (this replica could not renew it "
                    + "within {}); another replica may perform it again", Redacted.key(item.key()), item.kind(),
                    settings.lease());
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

package org.tandem.teams;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The typing indicator of one turn: Teams shows the bot typing once the answer takes longer than {@code after},
 * again every {@link #EVERY} (Teams lets an indicator fade after a few seconds) while it is prepared, and never once
 * the turn's first answer is on its way: {@link #stop} waits for an indicator being sent, so that none follows the
 * answer. A failed indicator changes nothing else. (The SDK's {@code ShowTypingMiddleware} cannot stop an indicator
 * being sent, and sends on after the turn when its thread is not interrupted.)
 */
final class Typing {

    static final Duration EVERY = Duration.ofSeconds(3);
    /** For turns that show none. */
    static final Typing NONE = new Typing(() -> { });

    private final Runnable send;
    private ScheduledFuture<?> task;
    private boolean stopped;

    private Typing(Runnable send) {
        this.send = send;
    }

    /**
     * Shows the bot typing through {@code send}, on {@code timer}, from {@code after} on until stopped; with no wait,
     * the first indicator goes at once, before this returns.
     */
    static Typing after(ScheduledExecutorService timer, Duration after, Runnable send) {
        Typing t = new Typing(send);
        long first = after.toMillis();
        if (first <= 0) {
            t.tick();
            first = EVERY.toMillis();
        }
        synchronized (t) {
            t.task = timer.scheduleWithFixedDelay(t::tick, first, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return t;
    }

    private synchronized void tick() {
        if (!stopped) {
            send.run();
        }
    }

    /** No indicator from now on; returns once the one being sent (if any) went. */
    void stop() {
        synchronized (this) {
            stopped = true;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}

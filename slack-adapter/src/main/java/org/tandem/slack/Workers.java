package org.tandem.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Redacted;

/**
 * The work done after Slack was acknowledged (Slack wants an answer within 3 s; the core and the Web API may take
 * longer). Work is spread over single-threaded lanes by person, so one person's events are handled in the order
 * they came (a click right after a command never overtakes it) while different people are served in parallel.
 * Queues are bounded: when one is full, {@link #submit} says so and the caller answers Slack with an error, so
 * that Slack retries an event later rather than the work being lost.
 */
final class Workers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    static final int QUEUE = 2_000;

    private final ThreadPoolExecutor[] lanes;

    Workers(int threads) {
        this.lanes = new ThreadPoolExecutor[threads];
        for (int i = 0; i < threads; i++) {
            String name = "slack-worker-" + (i + 1);
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Queues work in the lane of {@code key} (e.g. a person's key); false when that lane is full or closing. */
    boolean submit(String key, String what, Runnable work) {
        try {
            lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("{} failed", what, Redacted.of(e));
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            log.error("{} was refused: the work queue is full or closing", what);
            return false;
        }
    }

    /** Finishes what was queued (ten seconds at most), then stops. */
    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        try {
            for (ThreadPoolExecutor lane : lanes) {
                if (!lane.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("{} Slack tasks were still queued at shutdown", lane.shutdownNow().size());
                }
            }
        } catch (InterruptedException e) {
            for (ThreadPoolExecutor lane : lanes) {
                lane.shutdownNow();
            }
            Thread.currentThread().interrupt();
        }
    }
}

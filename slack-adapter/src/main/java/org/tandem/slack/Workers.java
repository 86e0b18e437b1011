package org.tandem.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work done after Slack was acknowledged (Slack wants an answer within 3 s; the core and the Web API may take
 * longer). A bounded queue: when it is full, {@link #submit} says so and the caller answers Slack with an error,
 * so that Slack retries an event later rather than the work being lost.
 */
final class Workers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final ThreadPoolExecutor executor;

    Workers(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "slack-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Queues work; false when the queue is full or closing. */
    boolean submit(String what, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("{} failed", what, e);
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
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("{} Slack tasks were still queued at shutdown", executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

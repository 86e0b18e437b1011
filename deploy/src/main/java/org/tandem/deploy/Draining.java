package org.tandem.deploy;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.tandem.core.TandemCore;

/**
 * What a replica does first when it is told to stop (SIGTERM): Spring Boot has just turned its readiness DOWN
 * (REFUSING_TRAFFIC, so that the load balancer sends nothing new); then the core stops claiming due items, finishes
 * the one in hand and gives back its leases, for another replica to take at once ({@link TandemCore#stop}). It stops
 * in the highest phase: before Quartz's scheduler, before the web server's graceful shutdown (requests in flight
 * finish), before the adapters drain what they are sending.
 */
final class Draining implements SmartLifecycle {

    private final TandemCore core;
    private final Duration within;
    private volatile boolean running;

    Draining(TandemCore core, Duration within) {
        this.core = core;
        this.within = within;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        core.stop(within);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}

package org.tandem.deploy.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.scheduler.*}.
 *
 * @param enabled       whether this replica sweeps at all (default true); read by {@link SchedulerConfiguration}
 * @param sweepInterval how often this replica sweeps due items: {@code 30s}, {@code PT30S}…; default 30 seconds
 */
@ConfigurationProperties("tandem.scheduler")
public record SchedulerProperties(Boolean enabled, Duration sweepInterval) {

    public SchedulerProperties {
        enabled = enabled == null || enabled;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        if (sweepInterval.toMillis() < 1) {
            throw new IllegalArgumentException("tandem.scheduler.sweep-interval must be positive, not "
                    + sweepInterval);
        }
    }
}

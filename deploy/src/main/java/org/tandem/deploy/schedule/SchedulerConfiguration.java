package org.tandem.deploy.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.core.TandemCore;

/** Sweeps due items on this replica unless {@code tandem.scheduler.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tandem.scheduler.enabled", matchIfMissing = true)
class SchedulerConfiguration {

    @Bean
    QuartzSweeps quartzSweeps(TandemCore core, SchedulerProperties properties) {
        return new QuartzSweeps(core, properties.sweepInterval());
    }
}

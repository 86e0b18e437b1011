package org.tandem.deploy.devclock;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** When the dev clock is on, it is the application's one {@link Clock}. */
@Configuration(proxyBeanMethods = false)
@Conditional(DevClockControl.On.class)
class DevClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevClockConfiguration.class);

    @Bean
    DevClock devClock(MongoDatabase db) {
        DevClock clock = new DevClock(Clock.systemUTC(), db);
        log.warn("the dev clock is on (POST /api/dev/clock moves time forward): now {}, {} ahead of the system",
                clock.instant(), clock.offset());
        return clock;
    }
}

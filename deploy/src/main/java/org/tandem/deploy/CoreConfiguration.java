package org.tandem.deploy;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.MessengerRouter;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.meetings.OnlineCalendar;
import org.tandem.core.telemetry.Meters;
import org.tandem.deploy.devclock.DevClockControl;

/** Assembles the Spring-free core from the database, the adapters' messengers and the clock. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    /** The system's time, unless the dev clock (which can be moved forward) is on. */
    @Bean
    @Conditional(DevClockControl.Off.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Tandem's meters, in the application's registry (Prometheus at {@code /actuator/prometheus}). */
    @Bean
    Meters meters(MeterRegistry registry) {
        return new Meters(registry);
    }

    /**
     * The core, with people's online calendars when one is configured (Microsoft Graph). With the embedded database,
     * each erasure is followed by a rewrite of its file (a real MongoDB is the operator's to compact: see the README).
     */
    @Bean
    TandemCore tandemCore(MongoDatabase db, List<PlatformMessenger> messengers, Clock clock,
                          CoreProperties properties, ObjectProvider<EmbeddedMongo> embedded,
                          ObjectProvider<OnlineCalendar> calendar, Meters meters) {
        TandemCore core = new TandemCore(db, new MessengerRouter(messengers), clock, properties.settings(),
                calendar.getIfAvailable(() -> OnlineCalendar.NONE), meters);
        embedded.ifAvailable(m -> core.afterEachErasure(m::rewriteSoon));
        return core;
    }

    /**
     * On SIGTERM, the sweep stops and gives back its leases first, waiting for the item in hand as long as a
     * shutdown phase may take ({@code spring.lifecycle.timeout-per-shutdown-phase}).
     */
    @Bean
    Draining draining(TandemCore core,
                      @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration phase) {
        return new Draining(core, phase);
    }

    /**
     * {@code /actuator/health} is DOWN when MongoDB does not answer a ping within two seconds (the driver would
     * otherwise wait its whole server selection timeout, longer than any probe does).
     */
    @Bean
    HealthIndicator mongoHealth(MongoDatabase db) {
        MongoDatabase probe = db.withTimeout(2, TimeUnit.SECONDS);
        return () -> {
            try {
                probe.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", db.getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}

package org.tandem.webchat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.tandem.core.TandemCore;

/** Switches the web chat on where no chat platform is configured (see {@link WebchatEnabledCondition}). */
@AutoConfiguration
@Conditional(WebchatEnabledCondition.class)
@EnableConfigurationProperties(WebchatProperties.class)
public class WebchatAutoConfiguration {

    @Bean
    WebchatOutbox webchatOutbox(MongoDatabase db) {
        return new WebchatOutbox(db);
    }

    @Bean
    WebchatFiles webchatFiles(MongoDatabase db) {
        return new WebchatFiles(db);
    }

    @Bean
    WebchatPeople webchatPeople(MongoDatabase db, WebchatProperties properties, Clock clock) {
        return new WebchatPeople(db, properties.coordinators(), clock.instant());
    }

    /** The core reaches it as one of the platforms' messengers; the controller answers turns through it. */
    @Bean
    WebchatMessenger webchatMessenger(WebchatOutbox outbox, WebchatFiles files, WebchatPeople people,
                                      WebchatProperties properties, Clock clock) {
        return new WebchatMessenger(outbox, files, people, properties.coordinators(), clock);
    }

    @Bean
    WebchatController webchatController(TandemCore core, WebchatOutbox outbox, WebchatMessenger messenger,
                                        WebchatFiles files, WebchatPeople people, WebchatProperties properties,
                                        Clock clock) {
        return new WebchatController(core, outbox, messenger, files, people, properties, clock);
    }
}

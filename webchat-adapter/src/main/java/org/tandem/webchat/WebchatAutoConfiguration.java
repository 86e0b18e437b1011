package org.tandem.webchat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.PlatformMessenger;

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
    PlatformMessenger webchatMessenger(WebchatOutbox outbox, WebchatFiles files, WebchatProperties properties,
                                       Clock clock) {
        return new WebchatMessenger(outbox, files, properties.coordinators(), clock);
    }

    @Bean
    WebchatController webchatController(TandemCore core, WebchatOutbox outbox, WebchatFiles files,
                                        WebchatProperties properties, Clock clock) {
        return new WebchatController(core, outbox, files, properties, clock);
    }
}

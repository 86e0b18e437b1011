package org.tandem.deploy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tandem.core.conversation.PlatformMessenger;

/**
 * The MongoDB connection: the server of {@code tandem.mongodb.uri} / {@code MONGODB_URI} when set, otherwise an
 * embedded one started here. Either way the same driver code talks to it.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes");

    @Bean(destroyMethod = "close")
    @Conditional(NoMongoUri.class)
    EmbeddedMongo embeddedMongo(MongoProperties properties) {
        return new EmbeddedMongo(properties.dataFile());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties, ObjectProvider<EmbeddedMongo> embedded) {
        Optional<EmbeddedMongo> local = Optional.ofNullable(embedded.getIfAvailable());
        String uri = local.map(EmbeddedMongo::uri).orElse(properties.uri());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri));
        local.ifPresent(m -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                if (WRITES.contains(event.getCommandName())) {
                    m.commit();
                }
            }
        }));
        return MongoClients.create(settings.build());
    }

    /**
     * Says at start, loudly, when the embedded server holds the data of a real platform's people: fine for a pilot,
     * but everything lives in one file on one machine, with no replica and no backup but the operator's.
     */
    @Bean
    @Conditional(NoMongoUri.class)
    ApplicationListener<ApplicationReadyEvent> embeddedWithAPlatform(List<PlatformMessenger> messengers,
                                                                    MongoProperties properties) {
        return ready -> {
            List<String> platforms = messengers.stream().map(PlatformMessenger::platform)
                    .filter(p -> !"webchat".equals(p)).map(p -> "teams".equals(p) ? "Microsoft Teams" : "Slack")
                    .toList();
            if (!platforms.isEmpty()) {
                log.warn("{} is configured but the data lives in the embedded MongoDB, in one file ({}): fine for a "
                        + "pilot, not for production (no replica, no backup, one replica only). Set MONGODB_URI to "
                        + "a MongoDB replica set; see the README's \"Run in production\".",
                        String.join(" and ", platforms), properties.dataFile().toAbsolutePath());
            }
        };
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        String fromUri = properties.embedded() ? null : new ConnectionString(properties.uri()).getDatabase();
        return client.getDatabase(fromUri != null ? fromUri : properties.database());
    }

    /** True when no MongoDB URI is configured: then the embedded server starts (the dev clock asks too). */
    public static final class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("tandem.mongodb.uri");
            return uri == null || uri.isBlank();
        }
    }
}

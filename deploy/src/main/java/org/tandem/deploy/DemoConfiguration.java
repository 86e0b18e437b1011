package org.tandem.deploy;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Scope;

/**
 * {@code tandem.demo.seed}: a sample programme in the web chat's workspace, so a new user sees matching within
 * minutes. On by default only with the embedded database and the web chat; an explicit value wins.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoConfiguration.SeedDemo.class)
class DemoConfiguration {

    /** The web chat's workspace (its adapter's platform name and tenant). */
    static final Scope WEBCHAT = new Scope("webchat", "local");

    @Bean
    ApplicationRunner demoSeed(TandemCore core) {
        return args -> core.seedDemo(WEBCHAT);
    }

    /** On when set true, or when unset and both the embedded database and the web chat are on. */
    static final class SeedDemo implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            String explicit = env.getProperty("tandem.demo.seed");
            if (explicit != null && !explicit.isBlank()) {
                return Boolean.parseBoolean(explicit.strip());
            }
            return new MongoConfiguration.NoMongoUri().matches(context, metadata)
                    && org.tandem.webchat.WebchatEnabledCondition.enabled(env);
        }
    }
}

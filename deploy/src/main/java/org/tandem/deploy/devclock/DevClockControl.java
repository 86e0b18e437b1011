package org.tandem.deploy.devclock;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.tandem.deploy.MongoConfiguration;
import org.tandem.webchat.WebchatEnabledCondition;

/**
 * Whether the dev clock is on: {@code tandem.dev.clock-control} when set, otherwise only where Tandem runs for
 * trying it out (the embedded database and the web chat), never next to a real workspace or database.
 */
public final class DevClockControl {

    static final String PROPERTY = "tandem.dev.clock-control";

    private DevClockControl() {
    }

    static boolean enabled(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String explicit = context.getEnvironment().getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return switch (explicit.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalStateException(PROPERTY + " must be true or false, not '" + explicit + "'");
            };
        }
        return new MongoConfiguration.NoMongoUri().matches(context, metadata)
                && new WebchatEnabledCondition().matches(context, metadata);
    }

    /** The dev clock is on. */
    public static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context, metadata);
        }
    }

    /** The dev clock is off: time is the system's. */
    public static final class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !enabled(context, metadata);
        }
    }
}

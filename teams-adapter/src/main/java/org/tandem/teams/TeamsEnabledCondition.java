package org.tandem.teams;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Teams adapter is on when {@code tandem.teams.app-id} is set, or with {@code tandem.teams.enabled=true} (then
 * without an app id, authentication is off: for the Emulator and tests). An explicit {@code false} wins.
 */
public final class TeamsEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    static boolean enabled(Environment env) {
        String explicit = env.getProperty("tandem.teams.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        String appId = env.getProperty("tandem.teams.app-id");
        return appId != null && !appId.isBlank();
    }
}

package org.tandem.webchat;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The web chat is unauthenticated, so it is on only where no chat platform is configured, unless
 * {@code tandem.webchat.enabled} says otherwise.
 */
public final class WebchatEnabledCondition implements Condition {

    static final String[] PLATFORM_CREDENTIALS = {
        "tandem.slack.bot-token", "tandem.slack.app-token", "tandem.slack.client-id", "tandem.slack.signing-secret",
        "tandem.teams.app-id"
    };

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    /** Whether the web chat is on in this environment (also used to pick other dev-only defaults). */
    public static boolean enabled(Environment env) {
        String explicit = env.getProperty("tandem.webchat.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        for (String key : PLATFORM_CREDENTIALS) {
            String v = env.getProperty(key);
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }
}

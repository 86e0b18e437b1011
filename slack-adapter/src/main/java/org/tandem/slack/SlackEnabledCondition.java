package org.tandem.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Slack adapter is on when a bot token (or an OAuth client id) and a signing secret are set, or an app
 * token for Socket Mode. A half-done configuration is then refused at start with what is missing.
 */
public final class SlackEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    static boolean enabled(Environment env) {
        boolean identity = set(env, "tandem.slack.bot-token") || set(env, "tandem.slack.client-id");
        return identity && set(env, "tandem.slack.signing-secret") || set(env, "tandem.slack.app-token");
    }

    private static boolean set(Environment env, String key) {
        String v = env.getProperty(key);
        return v != null && !v.isBlank();
    }
}

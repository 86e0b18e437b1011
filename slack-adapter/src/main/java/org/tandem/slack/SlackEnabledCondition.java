package org.tandem.slack;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Slack adapter is on as soon as any Slack credential is set (the same ones that switch the web chat off).
 * It works with a bot token (or an OAuth client id) and a signing secret, or with an app token for Socket Mode;
 * a half-done configuration stops the start with a sentence that says what is missing, rather than running
 * with no chat at all.
 */
public final class SlackEnabledCondition implements Condition {

    static final String[] CREDENTIALS = {
        "tandem.slack.bot-token", "tandem.slack.app-token", "tandem.slack.client-id", "tandem.slack.signing-secret"
    };

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    static boolean enabled(Environment env) {
        for (String key : CREDENTIALS) {
            String v = env.getProperty(key);
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }
}

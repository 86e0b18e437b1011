package org.tandem.teams.graph;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Graph is on when any of {@code tandem.graph.tenant-id}, {@code client-id}, {@code client-secret} is set (then all
 * three must be: {@link GraphProperties#check} stops the start otherwise), or with {@code tandem.graph.enabled=true}.
 * An explicit {@code false} wins.
 */
public final class GraphEnabledCondition implements Condition {

    private static final List<String> CREDENTIALS = List.of("tandem.graph.tenant-id", "tandem.graph.client-id",
            "tandem.graph.client-secret");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }

    static boolean enabled(Environment env) {
        String explicit = env.getProperty("tandem.graph.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        return CREDENTIALS.stream().map(env::getProperty).anyMatch(v -> v != null && !v.isBlank());
    }
}

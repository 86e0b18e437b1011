package org.tandem.webchat;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the (unauthenticated) web chat is on and nobody chose {@code server.address}, the server listens on
 * localhost only, so that nobody else on the network can talk as anyone.
 */
public final class WebchatBindAddress implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (WebchatEnabledCondition.enabled(env) && env.getProperty("server.address") == null
                && !Boolean.parseBoolean(env.getProperty("tandem.webchat.allow-remote", "false"))) {
            env.getPropertySources().addLast(
                    new MapPropertySource("tandem-webchat-localhost", Map.of("server.address", "127.0.0.1")));
        }
    }
}

package org.tandem.webchat;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.webchat.*}.
 *
 * @param enabled      on by default only when no Slack or Teams credentials are configured
 * @param coordinators the people who may read and post in the {@code admin} conversation
 * @param allowRemote  answer requests from other machines too (the chat is unauthenticated: think twice)
 */
@ConfigurationProperties("tandem.webchat")
public record WebchatProperties(Boolean enabled, List<String> coordinators, boolean allowRemote) {

    public WebchatProperties {
        coordinators = coordinators == null || coordinators.isEmpty() ? List.of("coordinator")
                : coordinators.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

package org.tandem.core.conversation;

import java.util.Objects;

/**
 * A channel of a workspace that the bot may post in (a programme's recognition channel, where an announcement goes),
 * as its adapter found it from what a coordinator typed: the platform's id for it and the name people know it by.
 */
public record ChannelRef(String platform, String tenant, String id, String name) {

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a channel needs an id");
        }
    }

    public Scope scope() {
        return new Scope(platform, tenant);
    }
}

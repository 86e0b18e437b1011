package org.tandem.core.conversation;

import java.util.Objects;

/** A group conversation on a platform, opened by the adapter (a pair's introduction). */
public record GroupRef(String platform, String tenant, String id) {

    public GroupRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
    }

    public Scope scope() {
        return new Scope(platform, tenant);
    }
}

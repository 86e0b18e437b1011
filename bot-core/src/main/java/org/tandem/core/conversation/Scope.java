package org.tandem.core.conversation;

import java.util.Objects;

/** One workspace: a platform and its tenant (Slack team, Teams tenant, {@code local} for the web chat). */
public record Scope(String platform, String tenant) {

    public Scope {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenant, "tenant");
    }

    /** {@code platform|tenant}, for keys. */
    public String key() {
        return platform + "|" + tenant;
    }
}

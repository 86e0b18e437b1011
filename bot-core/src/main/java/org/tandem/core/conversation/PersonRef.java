package org.tandem.core.conversation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a person is on a platform: platform name (slack, teams, webchat), tenant (workspace / tenant id,
 * {@code local} for the web chat) and the platform's user id. The {@link #key()} is stable and unique.
 */
public record PersonRef(String platform, String tenant, String userId) {

    /** No '|' (it separates the parts of a key), no spaces, no markup. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public PersonRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(userId, "userId");
        for (String part : new String[] {platform, tenant, userId}) {
            if (!SAFE.matcher(part).matches()) {
                throw new IllegalArgumentException("not a valid identity part: " + part);
            }
        }
    }

    /** The workspace (platform + tenant) the person belongs to. */
    public Scope scope() {
        return new Scope(platform, tenant);
    }

    /** The storage key, {@code platform|tenant|userId}: unique across platforms and tenants. */
    public String key() {
        return platform + "|" + tenant + "|" + userId;
    }

    /** Parses a {@link #key()} back. */
    public static PersonRef fromKey(String key) {
        String[] parts = key.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a person key: " + key);
        }
        return new PersonRef(parts[0], parts[1], parts[2]);
    }
}

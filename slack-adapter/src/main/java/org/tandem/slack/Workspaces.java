package org.tandem.slack;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot token of each workspace: the configured one (single workspace) or the stored installation (OAuth).
 * After {@code app_uninstalled} or {@code tokens_revoked} a workspace has none, so nothing more is sent there.
 */
final class Workspaces implements WebApi.Tokens {

    private final String singleToken;
    private final Installations installations;
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    Workspaces(String singleToken, Installations installations) {
        this.singleToken = singleToken;
        this.installations = installations;
    }

    @Override
    public Optional<String> botToken(String tenant) {
        if (gone.contains(tenant)) {
            return Optional.empty();
        }
        return singleToken != null ? Optional.of(singleToken) : installations.botToken(tenant);
    }

    /** Forgets a workspace's token; its tombstone in {@code slack_installations} dates the uninstall. */
    void uninstalled(String enterpriseId, String teamId) {
        if (singleToken != null) {
            gone.add(teamId);
        }
        installations.deleteAll(enterpriseId, teamId);
    }
}

package org.tandem.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Scope;

/**
 * A Teams tenant's life with Tandem, as Slack workspaces have it: when the bot is removed from the last
 * conversation of a tenant that it heard from, the tenant is gone (its people's data is erased after the retention
 * period); any sign of life from it (an install, any accepted activity) cancels that. Cheap on every activity: a
 * tenant is looked at once per {@link #RECHECK} on each replica, and written to only when something was planned.
 */
final class TenantLifecycle {

    /** How long a tenant seen alive is not looked at again (on this replica). */
    static final Duration RECHECK = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(TenantLifecycle.class);

    /** What the core does with a workspace that removed Tandem. */
    interface Workspaces {
        void gone(Scope scope);

        void back(Scope scope);

        boolean planned(Scope scope);

        static Workspaces of(TandemCore core) {
            return new Workspaces() {
                @Override
                public void gone(Scope scope) {
                    core.workspaceGone(scope);
                }

                @Override
                public void back(Scope scope) {
                    core.workspaceBack(scope);
                }

                @Override
                public boolean planned(Scope scope) {
                    return core.workspacePurgePlanned(scope);
                }
            };
        }
    }

    private final TeamsConversations conversations;
    private final Workspaces workspaces;
    private final Clock clock;
    /** Tenants seen alive, and when (System.nanoTime: how long ago matters, not the date). */
    private final Map<String, Long> alive = new ConcurrentHashMap<>();

    TenantLifecycle(TeamsConversations conversations, Workspaces workspaces, Clock clock) {
        this.conversations = conversations;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The bot was just removed from one of the tenant's conversations (already marked stale). */
    void removed(String tenant) {
        if (conversations.heardSince(tenant, Instant.EPOCH)) {
            return; // still in another conversation of the tenant
        }
        alive.remove(tenant);
        conversations.tenantRemoved(tenant, clock.instant());
        workspaces.gone(scope(tenant));
        log.info("the bot was removed from every conversation of Teams tenant {}: its people's data will be erased "
                + "after the retention period unless it comes back", tenant);
    }

    /** An accepted activity from the tenant that is not a removal: it has Tandem. */
    void alive(String tenant) {
        long now = System.nanoTime();
        Long seen = alive.get(tenant);
        if (seen != null && now - seen < RECHECK.toNanos()) {
            return;
        }
        Scope scope = scope(tenant);
        if (workspaces.planned(scope) || conversations.removedAt(tenant).isPresent()) {
            conversations.tenantBack(tenant);
            workspaces.back(scope);
            log.info("Teams tenant {} has Tandem again: the planned erasure of its people's data is cancelled",
                    tenant);
        }
        alive.put(tenant, now);
    }

    private static Scope scope(String tenant) {
        return new Scope(TeamsMessenger.PLATFORM, tenant);
    }
}

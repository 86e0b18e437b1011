package org.tandem.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Messenger.Presence;

/**
 * The bot token of each workspace: the configured one (single workspace) or the stored installation (OAuth).
 * After {@code app_uninstalled} or {@code tokens_revoked} a workspace has none, so nothing more is sent there,
 * until it shows a sign of life ({@link Liveness}): a call Slack accepts with its token, a configured token that
 * works at start or again later, an install. {@link #presence} asks Slack before the core erases a workspace.
 */
final class Workspaces implements WebApi.Tokens, SlackMessenger.Presences {

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);
    /** How often events of a workspace marked gone make Tandem ask again whether its configured token works. */
    static final Duration RECHECK = Duration.ofMinutes(10);

    private final String singleToken;
    private final Installations installations;
    private final Liveness liveness;
    private final TokenCheck check;
    private final Clock clock;
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> asked = new ConcurrentHashMap<>();

    Workspaces(String singleToken, Installations installations, Liveness liveness, TokenCheck check, Clock clock) {
        this.singleToken = singleToken;
        this.installations = installations;
        this.liveness = liveness;
        this.check = check;
        this.clock = clock;
    }

    @Override
    public Optional<String> botToken(String tenant) {
        if (gone.contains(tenant)) {
            return Optional.empty();
        }
        return singleToken != null ? Optional.of(singleToken) : installations.botToken(tenant);
    }

    /** Slack took a call with this token: a sign of life, if it is still the workspace's token. */
    @Override
    public void worked(String tenant, String token) {
        if (liveness.known(tenant)) {
            return;
        }
        try {
            if (botToken(tenant).filter(token::equals).isPresent()) {
                liveness.signOfLife(tenant);
            }
        } catch (TokenCipher.UnknownKey e) {
            // not readable here: another replica will tell
        }
    }

    /** Forgets a workspace's token; its tombstone in {@code slack_installations} dates the uninstall. */
    void uninstalled(String enterpriseId, String teamId) {
        if (singleToken != null) {
            gone.add(teamId);
        }
        installations.deleteAll(enterpriseId, teamId);
    }

    /**
     * Slack sent an event of this workspace (and Bolt accepted it): with one configured token, a workspace marked
     * gone is asked about again (every {@link #RECHECK} at most), since the revoked token may not have been this
     * one. Cheap otherwise: nothing is asked.
     */
    void heard(String tenant) {
        if (singleToken == null || !gone.contains(tenant)) {
            return;
        }
        Instant now = clock.instant();
        // one asker per period, even with several events at once
        boolean[] mine = {false};
        asked.compute(tenant, (t, last) -> {
            mine[0] = last == null || !last.plus(RECHECK).isAfter(now);
            return mine[0] ? now : last;
        });
        if (!mine[0]) {
            return;
        }
        if (check.ask(singleToken).of(tenant)) {
            log.info("the configured bot token works in workspace {} again: sending there again", tenant);
            gone.remove(tenant);
            liveness.signOfLife(tenant);
        }
    }

    /** The configured token at start: one that works is a sign of life of its workspace. */
    void checkConfiguredToken() {
        if (singleToken == null) {
            return;
        }
        TokenCheck.Answer a = check.ask(singleToken);
        if (a.presence() == Presence.INSTALLED && a.teamId() != null) {
            log.info("the configured bot token works in Slack workspace {}", a.teamId());
            liveness.signOfLife(a.teamId());
        } else if (a.presence() == Presence.REMOVED) {
            log.warn("Slack refuses the configured bot token ({}): set a working tandem.slack.bot-token", a.error());
        } else {
            log.warn("could not check the configured bot token with Slack ({}); Tandem goes on", a.error());
        }
    }

    /**
     * Asks Slack, with the workspace's token, whether Tandem is still installed there. No token kept is
     * {@link Presence#REMOVED}; a token this replica cannot read is {@link Presence#UNKNOWN}.
     */
    @Override
    public Presence presence(String tenant) {
        Optional<String> token;
        try {
            token = singleToken != null ? Optional.of(singleToken) : installations.botToken(tenant);
        } catch (TokenCipher.UnknownKey e) {
            log.warn("cannot tell whether Slack workspace {} has Tandem: {}", tenant, e.getMessage());
            return Presence.UNKNOWN;
        }
        if (token.isEmpty()) {
            return Presence.REMOVED;
        }
        Presence p = check.presence(token.get(), tenant);
        if (p == Presence.INSTALLED) {
            gone.remove(tenant);
            liveness.confirmed(tenant);
        }
        return p;
    }
}

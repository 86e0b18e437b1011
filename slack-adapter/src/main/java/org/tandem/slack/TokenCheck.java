package org.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.Set;
import org.tandem.core.conversation.Messenger.Presence;

/**
 * Asks Slack once ({@code auth.test}) whether a bot token still speaks for a workspace. Slack's answer decides:
 * accepted, for that workspace, is {@link Presence#INSTALLED}; refused as revoked or invalid is
 * {@link Presence#REMOVED}; anything else (the network, a 5xx, a 429, an error Slack does not document as final)
 * is {@link Presence#UNKNOWN}, so that a workspace is never erased on a guess.
 */
final class TokenCheck {

    /** Slack's answers that say the token will never work again. */
    static final Set<String> GONE = Set.of("invalid_auth", "token_revoked", "account_inactive", "not_authed");

    /** What Slack said: the workspace (and its Enterprise Grid organisation) the token is of, or its error. */
    record Answer(Presence presence, String teamId, String enterpriseId, String error) {

        /** Whether the token speaks for this tenant (a workspace, or an organisation-wide install). */
        boolean of(String tenant) {
            return presence == Presence.INSTALLED && (tenant.equals(teamId) || tenant.equals(enterpriseId));
        }
    }

    private final Slack slack;

    TokenCheck(Slack slack) {
        this.slack = slack;
    }

    Answer ask(String token) {
        try {
            AuthTestResponse r = slack.methods(token).authTest(req -> req);
            if (r.isOk()) {
                return new Answer(Presence.INSTALLED, r.getTeamId(), r.getEnterpriseId(), null);
            }
            String error = String.valueOf(r.getError());
            return new Answer(GONE.contains(error) ? Presence.REMOVED : Presence.UNKNOWN, null, null, error);
        } catch (SlackApiException e) {
            return new Answer(Presence.UNKNOWN, null, null, "HTTP " + e.getResponse().code());
        } catch (IOException | RuntimeException e) {
            return new Answer(Presence.UNKNOWN, null, null, e.getClass().getSimpleName());
        }
    }

    /** Whether the token is Tandem's in this tenant now: installed there, gone, or cannot tell. */
    Presence presence(String token, String tenant) {
        Answer a = ask(token);
        if (a.presence() == Presence.INSTALLED) {
            // a working token of another workspace says nothing good about this one
            return a.of(tenant) ? Presence.INSTALLED : Presence.REMOVED;
        }
        return a.presence();
    }
}

package org.tandem.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.slack.*}. One workspace with {@code bot-token}, or any number through OAuth with
 * {@code client-id} / {@code client-secret}; HTTP requests are checked with {@code signing-secret}; with
 * {@code app-token} Bolt connects out over Socket Mode instead (no public URL needed).
 *
 * @param apiUrl       the Web API base URL, e.g. a local stub in tests or a proxy ({@code https://slack.com/api/})
 * @param adminChannel id of the coordinators' channel (e.g. {@code C0123ABCD}); whoever can post there is a coordinator
 * @param scopes       bot scopes asked for in OAuth installs (comma-separated)
 * @param redirectUri  the OAuth redirect URI, when the app has several
 * @param workers      threads that do the work after Slack was acknowledged
 */
@ConfigurationProperties("tandem.slack")
public record SlackProperties(String botToken, String signingSecret, String appToken, String clientId,
                              String clientSecret, String scopes, String redirectUri, String apiUrl,
                              String adminChannel, Integer workers) {

    /** What {@code deploy/slack/manifest.yml} asks for. */
    static final String DEFAULT_SCOPES =
            "app_mentions:read,chat:write,commands,files:write,im:history,im:write,mpim:write,users:read";
    static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackProperties {
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        appToken = blankToNull(appToken);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        scopes = blankToNull(scopes) == null ? DEFAULT_SCOPES : scopes.strip();
        redirectUri = blankToNull(redirectUri);
        apiUrl = blankToNull(apiUrl) == null ? DEFAULT_API_URL
                : apiUrl.strip().endsWith("/") ? apiUrl.strip() : apiUrl.strip() + "/";
        adminChannel = blankToNull(adminChannel);
        workers = workers == null || workers < 1 ? 4 : workers;
    }

    /** Several workspaces, installed through OAuth. */
    boolean oauth() {
        return clientId != null;
    }

    boolean socketMode() {
        return appToken != null;
    }

    /** Refuses a configuration that cannot work, with a sentence that says what to set. */
    void check() {
        if (oauth() && clientSecret == null) {
            throw new IllegalStateException("tandem.slack.client-id is set: set tandem.slack.client-secret too");
        }
        if (!oauth() && botToken == null) {
            throw new IllegalStateException(
                    "Slack needs tandem.slack.bot-token (one workspace) or tandem.slack.client-id (OAuth installs)");
        }
        if (!socketMode() && signingSecret == null) {
            throw new IllegalStateException("Slack over HTTP needs tandem.slack.signing-secret "
                    + "(or tandem.slack.app-token for Socket Mode)");
        }
        if (oauth() && signingSecret == null) {
            throw new IllegalStateException("OAuth installs arrive over HTTP: set tandem.slack.signing-secret");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

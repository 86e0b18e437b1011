package org.tandem.slack;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tandem.core.conversation.Pace;

/**
 * {@code tandem.slack.*}. One workspace with {@code bot-token}, or any number through OAuth with
 * {@code client-id} / {@code client-secret}; HTTP requests are checked with {@code signing-secret}; with
 * {@code app-token} Bolt connects out over Socket Mode instead (no public URL needed).
 *
 * @param apiUrl       the Web API base URL, e.g. a local stub in tests or a proxy ({@code https://slack.com/api/})
 * @param adminChannel  with one workspace, the id of the coordinators' channel (e.g. {@code C0123ABCD}) until
 *                      {@code admin here} sets another; with OAuth installs each workspace sets its own
 * @param scopes        bot scopes asked for in OAuth installs (comma-separated)
 * @param redirectUri   the OAuth redirect URI, when the app has several
 * @param workers       threads that do the work after Slack was acknowledged
 * @param coordinators  Slack user ids of the coordinators: when set, only they act as coordinators in an admin
 *                      channel and may run {@code admin here}; when empty, whoever can post in it
 * @param tokenKey      base64 of 32 random bytes: the key that encrypts the workspaces' tokens kept in MongoDB
 *                      (needed with OAuth installs)
 * @param tokenKeysOld  earlier token keys, still read during a rotation (tokens are encrypted again at start)
 * @param workspaceMessagesPerMinute how many messages Tandem posts to one workspace a minute at most, every replica
 *                      together (Slack's "several hundred a minute" above its one a second per conversation);
 *                      default {@value #DEFAULT_WORKSPACE_PER_MINUTE}
 * @param managerField  the id of a custom profile field of type "user" (e.g. {@code Xf01ABC}) where the workspace
 *                      keeps each person's manager: Slack has none of its own; unset, nobody's manager is known
 */
@ConfigurationProperties("tandem.slack")
public record SlackProperties(String botToken, String signingSecret, String appToken, String clientId,
                              String clientSecret, String scopes, String redirectUri, String apiUrl,
                              String adminChannel, Integer workers, List<String> coordinators, String tokenKey,
                              List<String> tokenKeysOld, Integer workspaceMessagesPerMinute, String managerField) {

    static final int DEFAULT_WORKSPACE_PER_MINUTE = 600;
    /** Slack's one message a second to a conversation, with a short burst (a reply of several parts). */
    static final Pace.Rate PER_CONVERSATION = Pace.Rate.perSecond(1, 4);
    /** What a workspace's budget lets out at once after a quiet time. */
    static final int WORKSPACE_BURST = 20;

    /** What {@code deploy/slack/manifest.yml} asks for. */
    static final String DEFAULT_SCOPES =
            "app_mentions:read,channels:join,channels:read,chat:write,commands,files:write,groups:read,im:history,"
                    + "im:write,mpim:write,users.profile:read,users:read,users:read.email";
    static final String DEFAULT_API_URL = "https://slack.com/api/";
    /** A custom profile field's id, as Slack shows it in the admin pages and in {@code team.profile.get}. */
    private static final Pattern PROFILE_FIELD = Pattern.compile("Xf[A-Z0-9]{2,}");

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
        coordinators = coordinators == null ? List.of()
                : coordinators.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        tokenKey = blankToNull(tokenKey);
        tokenKeysOld = tokenKeysOld == null ? List.of() : List.copyOf(tokenKeysOld);
        workspaceMessagesPerMinute = workspaceMessagesPerMinute == null ? DEFAULT_WORKSPACE_PER_MINUTE
                : workspaceMessagesPerMinute;
        managerField = blankToNull(managerField);
    }

    /** The pace this adapter keeps to. */
    Pace pace() {
        return new Pace(PER_CONVERSATION, Pace.Rate.perMinute(workspaceMessagesPerMinute, WORKSPACE_BURST));
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
        if (workspaceMessagesPerMinute < 1 || workspaceMessagesPerMinute > 6_000) {
            throw new IllegalStateException("tandem.slack.workspace-messages-per-minute must be between 1 and 6000 "
                    + "(Slack allows several hundred a minute), not " + workspaceMessagesPerMinute);
        }
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
        if (oauth() && tokenKey == null) {
            throw new IllegalStateException("OAuth installs keep each workspace's bot token in MongoDB, encrypted: set "
                    + TokenCipher.CURRENT + " to 32 random bytes in base64 (openssl rand -base64 32)");
        }
        if (managerField != null && !PROFILE_FIELD.matcher(managerField).matches()) {
            throw new IllegalStateException("tandem.slack.manager-field must be the id of a custom profile field of "
                    + "type \"user\" (such as Xf01ABC23D, from team.profile.get), not " + managerField);
        }
        tokenCipher();
    }

    /** The cipher of the configured token keys; a malformed key is refused with the property to fix. */
    TokenCipher tokenCipher() {
        return TokenCipher.of(tokenKey, tokenKeysOld);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

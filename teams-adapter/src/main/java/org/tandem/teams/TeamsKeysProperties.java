package org.tandem.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.teams.signing-keys.*}: where the keys that sign the Bot Framework's tokens come from, and how long
 * Tandem waits for them. Only the metadata address changes in tests (a local stub); the defaults suit production.
 *
 * @param metadataUrl the Bot Framework's OpenID metadata document, which names the keys' address
 * @param timeout     the longest one fetch of the keys may take, and so the longest a request waits for them
 * @param refresh     how old the keys may get before they are fetched again in the background
 */
@ConfigurationProperties("tandem.teams.signing-keys")
public record TeamsKeysProperties(String metadataUrl, Duration timeout, Duration refresh) {

    public TeamsKeysProperties {
        metadataUrl = metadataUrl == null || metadataUrl.isBlank()
                ? AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL : metadataUrl.strip();
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(5) : timeout;
        refresh = refresh == null || refresh.isNegative() || refresh.isZero() ? Duration.ofHours(24) : refresh;
    }
}

package org.tandem.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.rest.RestTeamsConnectorClient;
import com.microsoft.bot.connector.teams.TeamsConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Bot Connector client (and one for its Teams operations) per service URL, shared by inbound turns and proactive
 * sends. Unlike the SDK's default client it has short timeouts and no retries of its own (the SDK's retry repeats 5xx
 * at once and ignores 429): {@link Delivery} retries, with back-off.
 */
final class ConnectorClients {

    /** Never retries inside OkHttp. */
    private static final RetryStrategy NO_RETRY = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, okhttp3.Response response) {
            return false;
        }
    };

    private final AppCredentials credentials;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TeamsConnectorClient> teams = new ConcurrentHashMap<>();

    ConnectorClients(TeamsProperties properties) {
        this.credentials = properties.authenticationDisabled() ? MicrosoftAppCredentials.empty()
                : new MicrosoftAppCredentials(properties.appId(), properties.appPassword(), properties.tenantId());
    }

    AppCredentials credentials() {
        return credentials;
    }

    ConnectorClient forServiceUrl(String serviceUrl) {
        return clients.computeIfAbsent(normalize(serviceUrl), url -> new RestConnectorClient(
                RestConnectorClient.getDefaultRestClientBuilder(url, credentials)
                        .withRetryStrategy(NO_RETRY)
                        .withConnectionTimeout(10, TimeUnit.SECONDS)
                        .withReadTimeout(20, TimeUnit.SECONDS)
                        .build()));
    }

    /**
     * The Teams operations of the Bot Connector (a team's channels) at a service URL, over the same HTTP client,
     * timeouts and credentials, and with no retries of their own either.
     */
    TeamsConnectorClient teamsFor(String serviceUrl) {
        return teams.computeIfAbsent(normalize(serviceUrl), url -> new RestTeamsConnectorClient(
                ((RestConnectorClient) forServiceUrl(url)).getRestClient()) { });
    }

    private static String normalize(String serviceUrl) {
        return serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    }
}

package org.tandem.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Redacted;

/**
 * The SDK's adapter (turn contexts, middleware, {@code continueConversation}), with our {@link ConnectorClients}
 * so that turns and proactive sends share one client per service URL without the SDK's retries.
 */
final class TeamsBotAdapter extends BotFrameworkAdapter {

    private static final Logger log = LoggerFactory.getLogger(TeamsBotAdapter.class);

    private final ConnectorClients clients;

    private TeamsBotAdapter(ConnectorClients clients, boolean authenticationDisabled) {
        super(authenticationDisabled ? new SimpleCredentialProvider()
                : new SimpleCredentialProvider(clients.credentials().getAppId(), null),
                new AuthenticationConfiguration(), null, null, null);
        this.clients = clients;
        setOnTurnError((turn, e) -> {
            log.error("a Teams turn failed ({} {})", turn.getActivity().getType(), turn.getActivity().getId(),
                    Redacted.of(e));
            return CompletableFuture.completedFuture(null);
        });
    }

    static TeamsBotAdapter create(ConnectorClients clients, TeamsProperties properties) {
        return new TeamsBotAdapter(clients, properties.authenticationDisabled());
    }

    /**
     * The SDK sets the JVM's default locale to each activity's ({@code Locale.setDefault}), for every thread and
     * every person at once, and fails the turn on a tag it cannot build: it sees no locale here, and the turn reads
     * the activity's own (see {@link InboundActivity#locale}).
     */
    @Override
    protected CompletableFuture<Void> runPipeline(TurnContext context, BotCallbackHandler callback) {
        Activity a = context.getActivity();
        if (a == null || a.getLocale() == null) {
            return super.runPipeline(context, callback);
        }
        String locale = a.getLocale();
        a.setLocale(null);
        return super.runPipeline(context, turn -> {
            turn.getActivity().setLocale(locale);
            return callback.invoke(turn);
        });
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                           AppCredentials usingAppCredentials) {
        return CompletableFuture.completedFuture(clients.forServiceUrl(serviceUrl));
    }
}

package org.tandem.slack;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.MultiTeamsAuthorization;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.TandemCore;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.SendBudgets;

/**
 * The Slack adapter assembled: the Web API client (pointed at {@code tandem.slack.api-url}), the workspaces'
 * tokens, the Bolt {@link App} with Tandem's handlers, and the messenger the core sends through. Transports
 * (the HTTP servlet, Socket Mode) only feed requests into {@link #app()}.
 */
final class SlackAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

    /**
     * Slack's own windows (a request signature's five minutes, an OAuth state's ten, a trigger id's three seconds)
     * run on real time: the application's clock may be the dev clock, moved forward at will.
     */
    static final Clock REAL_TIME = Clock.systemUTC();

    private final SlackProperties properties;
    private final Installations installations;
    private final OAuthStates states;
    private final Workers workers;
    private final SlackMessenger messenger;
    private final App app;
    private final Slack slack;
    private final Workspaces workspaces;
    private final Meters meters;

    SlackAdapter(SlackProperties properties, MongoDatabase db, Clock clock, Supplier<TandemCore> core) {
        this(properties, db, clock, core, Meters.none());
    }

    /** With the meters of acknowledgements, sends and 429s ({@link Meters}). */
    SlackAdapter(SlackProperties properties, MongoDatabase db, Clock clock, Supplier<TandemCore> core,
                 Meters meters) {
        properties.check();
        this.meters = meters;
        this.properties = properties;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl());
        config.setStatsEnabled(false); // else the client calls auth.test per token to label its metrics
        config.setHttpClientCallTimeoutMillis(15_000);
        this.slack = Slack.getInstance(config);
        Liveness liveness = new Liveness(team -> core.get().workspaceGone(new Scope(SlackMessenger.PLATFORM, team)),
                team -> core.get().workspaceBack(new Scope(SlackMessenger.PLATFORM, team)));
        this.installations = new Installations(db, clock, properties.tokenCipher(), liveness);
        installations.resealAll();
        this.states = new OAuthStates(db, REAL_TIME);
        this.workspaces = new Workspaces(properties.oauth() ? null : properties.botToken(), installations, liveness,
                new TokenCheck(slack), REAL_TIME);
        WebApi api = new WebApi(slack, workspaces, d -> Thread.sleep(d.toMillis()),
                new Pacing(new SendBudgets(db, clock), SlackMessenger.PLATFORM, properties.pace()), meters);
        Function<PersonRef, Locale> locales = person -> core.get().locale(person);
        SlackStores stores = new SlackStores(new PendingForms(db, clock), new Undelivered(db, clock),
                new AdminChannels(db, adminChannel(properties)), installations);
        this.messenger = new SlackMessenger(api, stores, locales, workspaces,
                new ResponseUrls(slack, properties.apiUrl()), properties.managerField());
        this.workers = new Workers(properties.workers());
        this.app = app(properties, slack);
        Places places = new Places(stores.admins(), properties.coordinators());
        new SlackInbound(core, new Directory(api, clock, locales), messenger, stores.forms(), workers, workspaces,
                places, new AdminHere(api, places, messenger, locales, clock), REAL_TIME).register(app);
    }

    /** The meters this adapter records in. */
    Meters meters() {
        return meters;
    }

    /** The configured admin channel is one workspace's: with OAuth installs each workspace chooses its own. */
    private static String adminChannel(SlackProperties p) {
        if (p.oauth() && p.adminChannel() != null) {
            log.warn("tandem.slack.admin-channel is ignored with OAuth "
                    + "installs: each workspace makes its admin channel with /mentor admin here");
            return null;
        }
        return p.adminChannel();
    }

    private App app(SlackProperties p, Slack slack) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(p.oauth() ? null : p.botToken())
                .signingSecret(p.signingSecret())
                .clientId(p.clientId())
                .clientSecret(p.clientSecret())
                .scope(p.scopes())
                .userScope(null)
                .redirectUri(p.redirectUri())
                .oauthInstallPath("/slack/install").oauthStartPath("/slack/install")
                .oauthRedirectUriPath("/slack/oauth_redirect").oauthCallbackPath("/slack/oauth_redirect")
                .oAuthInstallPathEnabled(p.oauth())
                .oAuthRedirectUriPathEnabled(p.oauth())
                .verificationToken(null)
                // events Tandem does not handle (a message_changed, say) are acknowledged, not retried by Slack
                .allEventsApiAutoAckEnabled(true)
                .build();
        List<Middleware> middleware = new ArrayList<>();
        // over Socket Mode, the acknowledgement is what the chain answers (over HTTP, SlackEventsServlet times it)
        middleware.add((req, resp, chain) -> {
            long start = System.nanoTime();
            try {
                return chain.next(req);
            } finally {
                if (req.isSocketMode()) {
                    meters.acked(SlackMessenger.PLATFORM, Duration.ofNanos(System.nanoTime() - start));
                }
            }
        });
        // the signature is checked by SlackEventsServlet before Bolt parses anything; Socket Mode needs none
        middleware.add(p.oauth() ? new MultiTeamsAuthorization(config, installations)
                : new SingleTeamAuthorization(config, installations));
        middleware.add(new IgnoringSelfEvents(slack.getConfig()));
        App app = new App(config, slack, middleware);
        if (p.oauth()) {
            app.service(installations);
            app.service(states);
        }
        return app;
    }

    App app() {
        return app;
    }

    SlackMessenger messenger() {
        return messenger;
    }

    SlackProperties properties() {
        return properties;
    }

    /** After start: a configured token that works cancels its workspace's planned erasure (in the background). */
    void checkConfiguredToken() {
        workers.submit("start", "checking the configured bot token", workspaces::checkConfiguredToken);
    }

    @Override
    public void close() {
        workers.close();
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            // closing the HTTP client is best effort
        }
    }
}

package org.tandem.teams;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.teams.graph.GraphAutoConfiguration;
import org.tandem.teams.graph.GraphDirectory;
import org.tandem.core.telemetry.Meters;

/** Switches the Teams adapter on (see {@link TeamsEnabledCondition}) and wires it; every SDK type stays here. */
@AutoConfiguration(after = GraphAutoConfiguration.class)
@Conditional(TeamsEnabledCondition.class)
@EnableConfigurationProperties({TeamsProperties.class, TeamsFilesProperties.class, TeamsKeysProperties.class})
public class TeamsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TeamsAutoConfiguration.class);

    @Bean
    TeamsConversations teamsConversations(MongoDatabase db) {
        return new TeamsConversations(db);
    }

    @Bean
    ConnectorClients teamsConnectorClients(TeamsProperties properties) {
        if (properties.authenticationDisabled()) {
            log.warn("""

                    ************************************************************************************
                    *  Microsoft Teams adapter WITHOUT AUTHENTICATION: tandem.teams.app-id is not set,  *
                    *  so /api/messages accepts unsigned requests from anyone. This is for the Bot      *
                    *  Framework Emulator and tests only: never expose it to a network.                 *
                    ************************************************************************************""");
        } else {
            log.info("Microsoft Teams adapter on for app {}{}", properties.appId(),
                    properties.tenantId() == null ? "" : " (single tenant " + properties.tenantId() + ")");
        }
        return new ConnectorClients(properties);
    }

    @Bean
    TeamsBotAdapter teamsBotAdapter(ConnectorClients clients, TeamsProperties properties) {
        return TeamsBotAdapter.create(clients, properties);
    }

    /**
     * The token check, with signing keys read in the background on a thread of their own (never on a request's):
     * with the real clock, as every security check, not the dev clock.
     */
    @Bean
    BotTokens teamsBotTokens(TeamsKeysProperties keys, TeamsProperties properties) {
        // one fetch at a time; the thread goes when idle
        ThreadPoolExecutor fetcher = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "teams-signing-keys");
                    t.setDaemon(true);
                    return t;
                });
        fetcher.allowCoreThreadTimeOut(true);
        SigningKeys signing = new SigningKeys(new KeyFetch(keys.metadataUrl(), keys.timeout()), keys,
                Clock.systemUTC(), fetcher);
        if (!properties.authenticationDisabled()) {
            signing.prefetch();
        }
        return new BotTokens(signing, keys, properties);
    }

    /** One member lookup, and so one cache, for turns and for what Tandem sends on its own. */
    @Bean
    MemberLookup teamsMemberLookup(TeamsBotAdapter adapter, TeamsConversations conversations,
                                   TeamsProperties properties, Clock clock) {
        return new MemberLookup(adapter, conversations, properties, clock);
    }

    /** The messenger; with Microsoft Graph configured it also finds people's managers. */
    @Bean
    PlatformMessenger teamsMessenger(TeamsConversations conversations, ConnectorClients clients,
                                     MongoDatabase db, MemberLookup teamsMemberLookup, TeamsProperties properties,
                                     Clock clock, ObjectProvider<GraphDirectory> graph,
                                     ObjectProvider<Meters> meters) {
        Pacer pacer = new Pacer(new Pacing(new SendBudgets(db, clock), TeamsMessenger.PLATFORM,
                Pacer.pace(properties.tenantMessagesPerSecond())));
        Delivery delivery = new Delivery(clients, pacer,
                new Backoff(properties.retryDelay(), properties.retryMaxDelay(), RandomGenerator.getDefault()),
                properties.retryAttempts(), clock, meters.getIfAvailable(Meters::none));
        TeamsMessenger messenger = new TeamsMessenger(conversations, delivery, new Undelivered(db),
                new TeamsCards(db), teamsMemberLookup, properties, clock);
        graph.ifAvailable(messenger::graph);
        return messenger;
    }

    @Bean
    TeamsBot teamsBot(TandemCore core, TeamsConversations conversations,
                      @Qualifier("teamsMessenger") PlatformMessenger messenger, MemberLookup teamsMemberLookup,
                      TeamsProperties properties, Clock clock) {
        TeamsMessenger teams = (TeamsMessenger) messenger;
        Origins origins = new Origins(conversations, teams.outbox().cards(), teamsMemberLookup, properties);
        return new TeamsBot(core, conversations, teams, origins,
                new TenantLifecycle(conversations, TenantLifecycle.Workspaces.of(core), clock),
                new TypingIndicators(properties.typingAfter(), teams.outbox().delivery()), clock);
    }

    /**
     * Files as download links on cards; the messenger learns where they wait once both exist. Without a public
     * address no file can be linked, but the messenger still knows the store: files kept while there was one are
     * still forgotten with their person.
     */
    @Bean
    TeamsFiles teamsFiles(MongoDatabase db, TeamsFilesProperties properties, Clock clock,
                          @Qualifier("teamsMessenger") PlatformMessenger messenger) {
        TeamsFiles files = new TeamsFiles(db, properties, clock);
        ((TeamsMessenger) messenger).files(files);
        if (properties.baseUrl() == null) {
            log.info("tandem.teams.files.base-url is not set: exports and people's data cannot be sent as files");
        }
        return files;
    }

    @Bean
    TeamsFilesController teamsFilesController(TeamsFiles files) {
        return new TeamsFilesController(files);
    }

    /** Turns run here, after the HTTP acknowledgement; a full queue answers 503 rather than piling up. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor teamsTurns() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), r -> {
                    Thread t = new Thread(r, "teams-turn");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Bean
    TeamsController teamsController(TeamsBotAdapter adapter, TeamsBot bot, BotTokens teamsBotTokens,
                                    TeamsProperties properties, ThreadPoolExecutor teamsTurns,
                                    ObjectProvider<Meters> meters) {
        return new TeamsController(adapter, bot, teamsBotTokens, properties, teamsTurns,
                meters.getIfAvailable(Meters::none));
    }
}

package org.tandem.teams.graph;

import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.tandem.core.meetings.OnlineCalendar;

/**
 * People's calendars and managers through Microsoft Graph (see {@link GraphEnabledCondition}): one
 * {@link OnlineCalendar} and one {@link GraphDirectory} bean for the configured tenant, sharing one client and token.
 * Tokens expire by the real clock, never the dev clock.
 */
@AutoConfiguration
@Conditional(GraphEnabledCondition.class)
@EnableConfigurationProperties(GraphProperties.class)
public class GraphAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GraphAutoConfiguration.class);

    /** One client, and so one token, for calendars and the directory. */
    @Bean
    GraphClient graphClient(GraphProperties properties) {
        properties.check();
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        GraphTokens tokens = new GraphTokens(http, properties, Clock.systemUTC());
        log.info("Microsoft Graph on for Teams tenant {} (app {}): calendars and managers", properties.tenantId(),
                properties.clientId());
        return new GraphClient(http, tokens, properties, GraphClient.Pause.SLEEP);
    }

    @Bean
    OnlineCalendar graphCalendar(GraphClient graphClient, GraphProperties properties) {
        return new GraphCalendar(graphClient, properties.tenantId());
    }

    @Bean
    GraphDirectory graphDirectory(GraphClient graphClient, GraphProperties properties) {
        return new GraphPeople(graphClient, properties.tenantId());
    }
}

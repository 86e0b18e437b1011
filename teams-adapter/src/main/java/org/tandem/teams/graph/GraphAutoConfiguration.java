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
 * People's calendars through Microsoft Graph (see {@link GraphEnabledCondition}): one {@link OnlineCalendar} bean for
 * the configured tenant. Tokens expire by the real clock, never the dev clock.
 */
@AutoConfiguration
@Conditional(GraphEnabledCondition.class)
@EnableConfigurationProperties(GraphProperties.class)
public class GraphAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GraphAutoConfiguration.class);

    @Bean
    OnlineCalendar graphCalendar(GraphProperties properties) {
        properties.check();
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        GraphTokens tokens = new GraphTokens(http, properties, Clock.systemUTC());
        log.info("Microsoft Graph calendars on for Teams tenant {} (app {})", properties.tenantId(),
                properties.clientId());
        return new GraphCalendar(new GraphClient(http, tokens, properties, GraphClient.Pause.SLEEP),
                properties.tenantId());
    }
}

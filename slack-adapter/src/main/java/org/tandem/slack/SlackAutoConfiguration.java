package org.tandem.slack;

import com.mongodb.client.MongoDatabase;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.tandem.core.TandemCore;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.conversation.PlatformMessenger;

/**
 * Switches the Slack adapter on where Slack is configured (see {@link SlackEnabledCondition}): the messenger
 * for platform {@code slack}, {@code /slack/events} when a signing secret is set, {@code /slack/install} and
 * {@code /slack/oauth_redirect} for OAuth installs, and Socket Mode when an app token is set.
 */
@AutoConfiguration
@Conditional(SlackEnabledCondition.class)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackAutoConfiguration {

    @Bean(destroyMethod = "close")
    SlackAdapter slackAdapter(SlackProperties properties, MongoDatabase db, Clock clock,
                              ObjectProvider<TandemCore> core, ObjectProvider<Meters> meters) {
        return new SlackAdapter(properties, db, clock, core::getObject, meters.getIfAvailable(Meters::none));
    }

    @Bean
    PlatformMessenger slackMessenger(SlackAdapter adapter) {
        return adapter.messenger();
    }

    /** Once everything is built (the core too): a configured token that works is a sign of life. */
    @Bean
    SmartInitializingSingleton slackTokenCheck(SlackAdapter adapter) {
        return adapter::checkConfiguredToken;
    }

    /**
     * Signatures are checked against the system's clock, never the application's: Slack signs with real time,
     * and the dev clock (moved weeks ahead) must not make genuine requests stale or old ones fresh.
     */
    @Bean
    ServletRegistrationBean<SlackEventsServlet> slackEventsServlet(SlackAdapter adapter, SlackProperties p) {
        ServletRegistrationBean<SlackEventsServlet> r = new ServletRegistrationBean<>(
                new SlackEventsServlet(adapter.app(), new SignatureCheck(p.signingSecret(), SlackAdapter.REAL_TIME),
                        adapter.meters()),
                "/slack/events");
        r.setName("slackEvents");
        r.setEnabled(p.signingSecret() != null);
        return r;
    }

    @Bean
    ServletRegistrationBean<SlackOAuthAppServlet> slackOAuthServlet(SlackAdapter adapter, SlackProperties p) {
        ServletRegistrationBean<SlackOAuthAppServlet> r = new ServletRegistrationBean<>(
                new SlackOAuthAppServlet(adapter.app()), "/slack/install", "/slack/oauth_redirect");
        r.setName("slackOAuth");
        r.setEnabled(p.oauth());
        return r;
    }

    /** Only with an app token (no bean otherwise). */
    @Bean
    SlackSocketMode slackSocketMode(SlackAdapter adapter, SlackProperties p) {
        return p.socketMode() ? new SlackSocketMode(adapter) : null;
    }
}

package org.tandem.teams.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tandem.core.meetings.OnlineCalendar;

/** The Graph calendar is a bean only when configured, and a configuration that cannot work stops the start. */
class GraphAutoConfigurationIT {

    private static final String TENANT = "tandem.graph.tenant-id=9f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    private static final String CLIENT = "tandem.graph.client-id=2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091";
    private static final String SECRET = "tandem.graph.client-secret=s3cr3t";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GraphAutoConfiguration.class));

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OnlineCalendar.class));
    }

    @Test
    void theThreeCredentialsMakeOneOnlineCalendar() {
        runner.withPropertyValues(TENANT, CLIENT, SECRET, "tandem.graph.timeout=5s").run(context -> {
            assertThat(context).hasSingleBean(OnlineCalendar.class);
            assertThat(context.getBean(OnlineCalendar.class)).isInstanceOf(GraphCalendar.class);
        });
    }

    @Test
    void anExplicitFalseWins() {
        runner.withPropertyValues(TENANT, CLIENT, SECRET, "tandem.graph.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OnlineCalendar.class));
    }

    @Test
    void aHalfFilledSetOrAnAddressThatIsNoneStopsTheStart() {
        runner.withPropertyValues(TENANT, CLIENT).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("set tandem.graph.client-secret"));
        runner.withPropertyValues(TENANT, CLIENT, SECRET, "tandem.graph.api-url=not a url").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tandem.graph.api-url must be an http(s) address"));
        runner.withPropertyValues("tandem.graph.enabled=true").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("tandem.graph.tenant-id"));
    }
}

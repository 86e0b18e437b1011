package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tandem.core.settings.Settings;

/** {@code tandem.retention.closed-programmes} reaches the core's settings, in ISO or Spring's short form. */
class CorePropertiesTest {

    private static Settings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("tandem", CoreProperties.class)
                .orElseGet(() -> new CoreProperties(null, null, null, null, null)).settings();
    }

    @Test
    void theRetentionOfClosedProgrammesIsConfigurable() {
        assertThat(bind(Map.of()).retainClosedProgrammes()).isEqualTo(Period.ofMonths(12));
        assertThat(bind(Map.of("tandem.retention.closed-programmes", "P6M")).retainClosedProgrammes())
                .isEqualTo(Period.ofMonths(6));
        assertThat(bind(Map.of("tandem.retention.closed-programmes", "18m")).retainClosedProgrammes())
                .isEqualTo(Period.ofMonths(18));
        assertThat(bind(Map.of("tandem.retention.closed-programmes", "90d", "tandem.digest.zone", "Europe/Paris"))
                .digestZone().getId()).isEqualTo("Europe/Paris");
    }

    @Test
    void theWeeklyCapOfNudgesIsConfigurableWithinReason() {
        assertThat(bind(Map.of()).weeklyCap()).isEqualTo(3);
        assertThat(bind(Map.of("tandem.rhythm.weekly-cap", "2")).weeklyCap()).isEqualTo(2);
        assertThatThrownBy(() -> bind(Map.of("tandem.rhythm.weekly-cap", "0")))
                .hasMessageContaining("tandem.rhythm.weekly-cap must be from 1 to 20");
    }

    @Test
    void aZeroOrNegativePeriodStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("tandem.retention.closed-programmes", "P0D")))
                .hasMessageContaining("tandem.retention.closed-programmes must be a positive period");
    }
}

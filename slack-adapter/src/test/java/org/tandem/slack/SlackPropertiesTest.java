package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which configurations switch Slack on, and which are refused with what to set. */
class SlackPropertiesTest {

    static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private static SlackProperties props(String bot, String secret, String app, String clientId, String clientSecret) {
        return props(bot, secret, app, clientId, clientSecret, clientId == null ? null : KEY);
    }

    private static SlackProperties props(String bot, String secret, String app, String clientId, String clientSecret,
                                         String tokenKey, String... oldKeys) {
        return new SlackProperties(bot, secret, app, clientId, clientSecret, null, null, null, null, null, null,
                tokenKey, List.of(oldKeys), null, null);
    }

    @Test
    void completeConfigurationsWork() {
        assertThatCode(() -> props("xoxb", "s", null, null, null).check()).doesNotThrowAnyException();
        assertThatCode(() -> props("xoxb", null, "xapp", null, null).check()).doesNotThrowAnyException();
        assertThatCode(() -> props(null, "s", null, "1.2", "cs").check()).doesNotThrowAnyException();
        SlackProperties p = props("xoxb", "s", null, null, null);
        assertThat(p.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(new SlackProperties("b", "s", null, null, null, " ", null, "http://127.0.0.1:1/api", " ", 0,
                List.of(" U1 ", "", "W2"), " ", null, null, null).apiUrl()).isEqualTo("http://127.0.0.1:1/api/");
        assertThat(new SlackProperties("b", "s", null, null, null, null, null, null, null, 0, List.of(" U1 ", "", "W2"),
                " ", null, null, null).coordinators()).containsExactly("U1", "W2");
        assertThat(p.workers()).isEqualTo(4);
        assertThat(p.adminChannel()).isNull();
    }

    @Test
    void theWorkspaceBudgetIsSixHundredAMinuteUnlessSetAndAnOddOneStopsTheStart() {
        SlackProperties p = props("xoxb", "s", null, null, null);
        assertThat(p.pace().perWorkspace().interval()).isEqualTo(java.time.Duration.ofMillis(100));
        assertThat(p.pace().perDestination().interval()).isEqualTo(java.time.Duration.ofSeconds(1));
        SlackProperties slow = new SlackProperties("b", "s", null, null, null, null, null, null, null, null, null,
                null, List.of(), 120, null);
        assertThat(slow.pace().perWorkspace().interval()).isEqualTo(java.time.Duration.ofMillis(500));
        for (int odd : new int[] {0, -5, 6_001}) {
            assertThatThrownBy(new SlackProperties("b", "s", null, null, null, null, null, null, null, null, null,
                    null, List.of(), odd, null)::check).hasMessageContaining("tandem.slack.workspace-messages-per-minute")
                    .hasMessageContaining("not " + odd);
        }
    }

    private static SlackProperties withManagerField(String field) {
        return new SlackProperties("b", "s", null, null, null, null, null, null, null, null, null, null, List.of(),
                null, field);
    }

    @Test
    void theManagerFieldIsAProfileFieldIdOrNothingAndAnOddOneStopsTheStartNamingTheProperty() {
        assertThat(withManagerField(" ").managerField()).isNull();
        assertThatCode(() -> withManagerField(null).check()).doesNotThrowAnyException();
        assertThat(withManagerField(" Xf01ABC23D ").managerField()).isEqualTo("Xf01ABC23D");
        assertThatCode(() -> withManagerField("Xf01ABC23D").check()).doesNotThrowAnyException();
        for (String odd : new String[] {"manager", "U01ABC", "xf01abc", "Xf", "Xf01 ABC"}) {
            assertThatThrownBy(withManagerField(odd)::check).as(odd)
                    .hasMessageContaining("tandem.slack.manager-field").hasMessageContaining("Xf01ABC23D");
        }
    }

    @Test
    void halfDoneConfigurationsSayWhatIsMissing() {
        assertThatThrownBy(() -> props(null, "s", null, null, null).check()).hasMessageContaining("bot-token");
        assertThatThrownBy(() -> props("xoxb", null, null, null, null).check()).hasMessageContaining("signing-secret");
        assertThatThrownBy(() -> props(null, null, "xapp", null, null).check()).hasMessageContaining("bot-token");
        assertThatThrownBy(() -> props(null, "s", null, "1.2", null).check()).hasMessageContaining("client-secret");
        assertThatThrownBy(() -> props(null, null, "xapp", "1.2", "cs").check()).hasMessageContaining("signing-secret");
    }

    @Test
    void oauthInstallsNeedAWellFormedTokenKeyAndTheMessageNamesTheProperty() {
        assertThatThrownBy(() -> props(null, "s", null, "1.2", "cs", null).check())
                .hasMessageContaining("tandem.slack.token-key").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> props(null, "s", null, "1.2", "cs", "not base64!").check())
                .hasMessageContaining("tandem.slack.token-key is not base64").hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> props(null, "s", null, "1.2", "cs", "c2hvcnQ=").check())
                .hasMessageContaining("tandem.slack.token-key must be 32 bytes").hasMessageContaining("not 5 bytes");
        assertThatThrownBy(() -> props(null, "s", null, "1.2", "cs", KEY, "c2hvcnQ=").check())
                .hasMessageContaining("tandem.slack.token-keys-old[0]");
        assertThatCode(() -> props(null, "s", null, "1.2", "cs", KEY, KEY).check()).doesNotThrowAnyException();
        assertThatCode(() -> props("xoxb", "s", null, null, null, null).check()).as("one workspace keeps no token")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> props("xoxb", "s", null, null, null, "c2hvcnQ=").check())
                .as("a key that is set is checked anyway").hasMessageContaining("tandem.slack.token-key");
    }

    @Test
    void anySlackCredentialSwitchesTheAdapterOn() {
        assertThat(SlackEnabledCondition.enabled(new MockEnvironment())).isFalse();
        assertThat(SlackEnabledCondition.enabled(new MockEnvironment().withProperty("tandem.slack.bot-token", " ")))
                .isFalse();
        for (String key : SlackEnabledCondition.CREDENTIALS) {
            assertThat(SlackEnabledCondition.enabled(new MockEnvironment().withProperty(key, "x"))).as(key).isTrue();
        }
    }
}

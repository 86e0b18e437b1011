package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which configurations switch Slack on, and which are refused with what to set. */
class SlackPropertiesTest {

    private static SlackProperties props(String bot, String secret, String app, String clientId, String clientSecret) {
        return new SlackProperties(bot, secret, app, clientId, clientSecret, null, null, null, null, null);
    }

    @Test
    void completeConfigurationsWork() {
        assertThatCode(() -> props("xoxb", "s", null, null, null).check()).doesNotThrowAnyException();
        assertThatCode(() -> props("xoxb", null, "xapp", null, null).check()).doesNotThrowAnyException();
        assertThatCode(() -> props(null, "s", null, "1.2", "cs").check()).doesNotThrowAnyException();
        SlackProperties p = props("xoxb", "s", null, null, null);
        assertThat(p.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(new SlackProperties("b", "s", null, null, null, " ", null, "http://127.0.0.1:1/api", " ", 0)
                .apiUrl()).isEqualTo("http://127.0.0.1:1/api/");
        assertThat(p.workers()).isEqualTo(4);
        assertThat(p.adminChannel()).isNull();
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
    void anySlackCredentialSwitchesTheAdapterOn() {
        assertThat(SlackEnabledCondition.enabled(new MockEnvironment())).isFalse();
        assertThat(SlackEnabledCondition.enabled(new MockEnvironment().withProperty("tandem.slack.bot-token", " ")))
                .isFalse();
        for (String key : SlackEnabledCondition.CREDENTIALS) {
            assertThat(SlackEnabledCondition.enabled(new MockEnvironment().withProperty(key, "x"))).as(key).isTrue();
        }
    }
}

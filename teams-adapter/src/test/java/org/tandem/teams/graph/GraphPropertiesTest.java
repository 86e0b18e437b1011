package org.tandem.teams.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code tandem.graph.*}: its defaults, and the sentences that stop a start with a configuration that cannot work. */
class GraphPropertiesTest {

    private static final String TENANT = "9F1C2D3E-4A5B-4C6D-8E7F-0A1B2C3D4E5F";

    private static GraphProperties of(String tenant, String client, String secret, String authority, String api,
                                      Duration timeout) {
        return new GraphProperties(null, tenant, client, secret, authority, api, timeout);
    }

    @Test
    void theDefaultsAreMicrosoftsOwnAddresses() {
        GraphProperties p = of(" " + TENANT + " ", "app", "secret", " ", null, null);
        p.check();

        assertThat(p.tenantId()).isEqualTo(TENANT.toLowerCase());
        assertThat(p.apiUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(p.tokenUrl()).hasToString("https://login.microsoftonline.com/" + TENANT.toLowerCase()
                + "/oauth2/v2.0/token");
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(of(TENANT, "app", "s", "https://login.microsoftonline.us/", "https://graph.microsoft.us/v1.0/",
                null).tokenUrl()).hasToString("https://login.microsoftonline.us/" + TENANT.toLowerCase()
                + "/oauth2/v2.0/token");
    }

    @Test
    void aHalfFilledSetSaysWhatIsMissing() {
        assertThatThrownBy(() -> of(TENANT, "app", null, null, null, null).check())
                .hasMessageContaining("set tandem.graph.client-secret (or none of them)");
        assertThatThrownBy(() -> of(null, null, "secret", null, null, null).check())
                .hasMessageContaining("set tandem.graph.tenant-id, tandem.graph.client-id");
    }

    @Test
    void aTenantByItsDomainAnAddressThatIsNoneAndNoTimeAreRefused() {
        assertThatThrownBy(() -> of("contoso.onmicrosoft.com", "app", "s", null, null, null).check())
                .hasMessageContaining("tandem.graph.tenant-id must be the tenant's id (a GUID");
        assertThatThrownBy(() -> of(TENANT, "app", "s", null, "graph.microsoft.com/v1.0", null).check())
                .hasMessageContaining("tandem.graph.api-url must be an http(s) address");
        assertThatThrownBy(() -> of(TENANT, "app", "s", "https://login microsoftonline.com", null, null).check())
                .hasMessageContaining("tandem.graph.authority-url must be an http(s) address");
        assertThatThrownBy(() -> of(TENANT, "app", "s", null, "ftp://graph.example/v1.0", null).check())
                .hasMessageContaining("tandem.graph.api-url");
        assertThatThrownBy(() -> of(TENANT, "app", "s", null, null, Duration.ZERO).check())
                .hasMessageContaining("tandem.graph.timeout must be positive");
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(of(TENANT, "app", "hunter2~secret", null, null, null).toString())
                .doesNotContain("hunter2").contains("clientSecret=(set)");
    }
}

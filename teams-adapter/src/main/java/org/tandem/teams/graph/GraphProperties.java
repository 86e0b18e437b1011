package org.tandem.teams.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tandem.graph.*}: an Entra app registration with application permissions on the tenant's calendars, and
 * {@code User.Read.All} for people's managers (it may be the bot's own, with a secret of its own).
 *
 * @param enabled      {@code false} keeps Graph off although the credentials are set
 * @param tenantId     the Teams tenant whose people's calendars are used (its id, a GUID, as Teams names it)
 * @param clientId     the app's client id
 * @param clientSecret the app's client secret
 * @param authorityUrl the Microsoft identity platform (tokens come from {@code {authority}/{tenant}/oauth2/v2.0/token})
 * @param apiUrl       Microsoft Graph, with its version
 * @param timeout      the longest one HTTP exchange with either may take
 */
@ConfigurationProperties("tandem.graph")
public record GraphProperties(Boolean enabled, String tenantId, String clientId, String clientSecret,
                              String authorityUrl, String apiUrl, Duration timeout) {

    static final String AUTHORITY = "https://login.microsoftonline.com";
    static final String API = "https://graph.microsoft.com/v1.0";
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public GraphProperties {
        tenantId = blankToNull(tenantId);
        tenantId = tenantId == null ? null : tenantId.toLowerCase(Locale.ROOT);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        authorityUrl = withoutSlash(blankToNull(authorityUrl) == null ? AUTHORITY : authorityUrl.strip());
        apiUrl = withoutSlash(blankToNull(apiUrl) == null ? API : apiUrl.strip());
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** Refuses a configuration that cannot work, with a sentence that says what to set. */
    void check() {
        List<String> missing = new ArrayList<>();
        if (tenantId == null) {
            missing.add("tandem.graph.tenant-id");
        }
        if (clientId == null) {
            missing.add("tandem.graph.client-id");
        }
        if (clientSecret == null) {
            missing.add("tandem.graph.client-secret");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Microsoft Graph needs tandem.graph.tenant-id, client-id and client-secret "
                    + "together: set " + String.join(", ", missing) + " (or none of them)");
        }
        if (!GUID.matcher(tenantId).matches()) {
            throw new IllegalStateException("tandem.graph.tenant-id must be the tenant's id (a GUID, as Teams names "
                    + "the tenant), not '" + tenantId + "'");
        }
        url("tandem.graph.authority-url", authorityUrl);
        url("tandem.graph.api-url", apiUrl);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("tandem.graph.timeout must be positive, not " + timeout);
        }
    }

    URI tokenUrl() {
        return URI.create(authorityUrl + "/" + tenantId + "/oauth2/v2.0/token");
    }

    /** Never the secret: a record's own {@code toString} would print it wherever the properties are logged. */
    @Override
    public String toString() {
        return "GraphProperties[enabled=" + enabled + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? null : "(set)") + ", authorityUrl=" + authorityUrl
                + ", apiUrl=" + apiUrl + ", timeout=" + timeout + "]";
    }

    private static void url(String property, String value) {
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value, "not an http(s) address with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(property + " must be an http(s) address such as " + (property.endsWith(
                    "api-url") ? API : AUTHORITY) + ", not '" + value + "'");
        }
    }

    private static String withoutSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

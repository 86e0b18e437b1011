package org.tandem.teams.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.tandem.core.meetings.OnlineCalendar.Unavailable;
import org.tandem.core.meetings.OnlineCalendar.Unavailable.Reason;

/**
 * The app's access token to Graph, by the OAuth 2.0 client-credentials grant, kept until shortly before it expires
 * (or until Graph refuses it: {@link #refused}). One fetch at a time: callers that need a token meanwhile wait for
 * it rather than each asking for one. Neither the secret nor a token is ever put in a message or a log.
 */
final class GraphTokens {

    static final String SCOPE = "https://graph.microsoft.com/.default";
    /** How long before its expiry a token is fetched anew (at most half its life). */
    private static final Duration EARLY = Duration.ofMinutes(2);

    private final HttpClient http;
    private final URI endpoint;
    private final String form;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    GraphTokens(HttpClient http, GraphProperties properties, Clock clock) {
        this.http = http;
        this.endpoint = properties.tokenUrl();
        this.form = "client_id=" + encode(properties.clientId()) + "&client_secret="
                + encode(properties.clientSecret()) + "&scope=" + encode(SCOPE) + "&grant_type=client_credentials";
        this.timeout = properties.timeout();
        this.clock = clock;
    }

    /** A token that is still good for a while: the kept one, or a new one. */
    synchronized String current() throws Unavailable {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Graph answered 401 to {@code used}: the next {@link #current} fetches another (unless one came meanwhile). */
    synchronized void refused(String used) {
        if (used.equals(token)) {
            token = null;
        }
    }

    private void fetch() throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(Reason.FAILED, "no token from the identity platform: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Reason.FAILED, "interrupted while fetching a token");
        }
        JsonNode body = GraphClient.json(r.body());
        if (r.statusCode() == 429) {
            throw new Unavailable(Reason.THROTTLED, "the identity platform throttles the app's token requests");
        }
        if (r.statusCode() >= 400 && r.statusCode() < 500) {
            // a wrong secret, client id or tenant, an app not consented in the tenant: no retry helps
            throw new Unavailable(Reason.FORBIDDEN, "the identity platform refused the app's credentials (HTTP "
                    + r.statusCode() + " " + GraphClient.safe(body.path("error").asText("")) + ")");
        }
        String issued = body.path("access_token").asText("");
        long life = body.path("expires_in").asLong(0);
        if (r.statusCode() != 200 || issued.isBlank() || life <= 0) {
            throw new Unavailable(Reason.FAILED, "no token from the identity platform (HTTP " + r.statusCode() + ")");
        }
        Duration lifetime = Duration.ofSeconds(life);
        Duration early = EARLY.compareTo(lifetime.dividedBy(2)) < 0 ? EARLY : lifetime.dividedBy(2);
        token = issued;
        renewAt = clock.instant().plus(lifetime).minus(early);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

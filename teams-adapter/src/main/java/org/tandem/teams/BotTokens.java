package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;

/**
 * Checks the Bot Framework's token on a request, as the SDK's {@code ChannelValidation} does (signature and
 * endorsement by the SDK's own {@link JwtTokenExtractor}; issuer, audience = our app id, and the {@code serviceurl}
 * claim), but with keys from {@link SigningKeys}, so that a slow key server costs seconds, not every request.
 * Only Bot Framework channel tokens are taken: the Emulator is used without an app id (authentication off).
 */
final class BotTokens {

    private static final String REFUSED = "missing or invalid Bot Framework token";

    private final SigningKeys keys;
    private final JwtTokenExtractor extractor;
    private final String appId;
    private final Duration timeout;

    BotTokens(SigningKeys keys, TeamsKeysProperties properties, TeamsProperties teams) {
        this.keys = keys;
        TokenValidationParameters parameters = ChannelValidation.getTokenValidationParameters();
        parameters.issuerSigningKeyResolver = keys;
        this.extractor = new JwtTokenExtractor(parameters, properties.metadataUrl(),
                AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
        this.appId = teams.appId();
        this.timeout = properties.timeout();
    }

    /**
     * The caller's identity. {@code channelId} and {@code serviceUrl} are the activity's, read before its shape is
     * checked (null when they are not strings): a token is only good for the service URL it names.
     *
     * @throws TeamsController.Refused 401 for a missing, malformed or forged token
     * @throws SigningKeys.Unavailable when no keys can be had to check it
     */
    ClaimsIdentity authenticate(String header, String channelId, String serviceUrl) {
        if (header == null || header.isBlank()) {
            if (appId == null) {
                return new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
            }
            throw refused("no Authorization header");
        }
        if (appId == null) {
            // without an app id no token can be ours, and there is nothing to check it against
            throw refused("a token, but this bot has no app id");
        }
        String keyId = keyId(header);
        keys.ready(keyId);
        ClaimsIdentity identity;
        try {
            identity = extractor.getIdentity(header, channelId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TeamsController.Refused(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw refused(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        if (identity == null || !identity.isAuthenticated()) {
            throw refused("the token is not signed by a Bot Framework key, or not issued by it");
        }
        if (!AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equalsIgnoreCase(identity.getIssuer())) {
            throw refused("wrong issuer");
        }
        if (!appId.equals(identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM))) {
            throw refused("the token is for another app");
        }
        if (serviceUrl != null && !serviceUrl.equalsIgnoreCase(
                identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM))) {
            throw refused("the token is for another service URL");
        }
        return identity;
    }

    /** The {@code kid} of a {@code Bearer} JWT's header, read without trusting anything else in it. */
    private static String keyId(String header) {
        String[] scheme = header.strip().split(" ");
        if (scheme.length != 2 || !scheme[0].equalsIgnoreCase("Bearer")) {
            throw refused("not a Bearer token");
        }
        String[] parts = scheme[1].split("\\.", -1);
        if (parts.length != 3) {
            throw refused("not a JWT");
        }
        try {
            JsonNode h = Serialization.jsonToTree(new String(Base64.getUrlDecoder().decode(parts[0]),
                    StandardCharsets.UTF_8));
            JsonNode kid = h == null ? null : h.get("kid");
            if (kid == null || !kid.isTextual() || kid.asText().isBlank()) {
                throw refused("the token names no signing key");
            }
            return kid.asText();
        } catch (IOException | IllegalArgumentException e) {
            throw refused("not a JWT");
        }
    }

    /** The reason goes to the log only: the caller learns nothing but that it was refused. */
    private static TeamsController.Refused refused(String reason) {
        return new TeamsController.Refused(HttpStatus.UNAUTHORIZED, REFUSED, reason);
    }
}

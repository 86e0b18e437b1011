package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bounded fetch of the signing keys: the OpenID metadata document, then the key set it names ({@code jwks_uri}),
 * both within one deadline. The SDK read them with no timeout at all, so a key server that accepted and never
 * answered held every request.
 */
final class KeyFetch {

    private final HttpClient http;
    private final URI metadata;
    private final Duration timeout;

    KeyFetch(String metadataUrl, Duration timeout) {
        this.metadata = URI.create(metadataUrl);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The keys by id; throws when they cannot be had within the deadline or none is usable. */
    Map<String, OpenIdMetadataKey> load() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode meta = get(metadata, deadline);
        String jwks = meta.path("jwks_uri").asText("");
        if (jwks.isBlank()) {
            throw new IOException("the OpenID metadata names no jwks_uri");
        }
        Map<String, OpenIdMetadataKey> keys = parse(get(URI.create(jwks), deadline));
        if (keys.isEmpty()) {
            throw new IOException("the key set has no usable RSA key");
        }
        return keys;
    }

    private JsonNode get(URI uri, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IOException("no time left to read " + uri);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
                .header("Accept", "application/json").GET().build();
        // the request's own timeout stops at the headers: the whole exchange, body included, is bounded here
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> r = call.get(left, TimeUnit.NANOSECONDS);
            if (r.statusCode() != 200) {
                throw new IOException(uri + " answered " + r.statusCode());
            }
            JsonNode tree = Serialization.jsonToTree(r.body());
            if (tree == null || !tree.isObject()) {
                throw new IOException(uri + " did not answer a JSON object");
            }
            return tree;
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException(uri + " did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IOException(uri + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new IOException("interrupted while reading " + uri);
        }
    }

    /** The RSA keys of a JWK set, with the Bot Framework's endorsements (the channels a key may sign for). */
    static Map<String, OpenIdMetadataKey> parse(JsonNode jwks) {
        Map<String, OpenIdMetadataKey> keys = new HashMap<>();
        for (JsonNode k : jwks.path("keys")) {
            String kid = k.path("kid").asText("");
            if (kid.isBlank() || !"RSA".equals(k.path("kty").asText()) || !k.path("n").isTextual()
                    || !k.path("e").isTextual()) {
                continue;
            }
            try {
                OpenIdMetadataKey key = new OpenIdMetadataKey();
                key.key = rsa(k.get("n").asText(), k.get("e").asText());
                key.endorsements = strings(k.get("endorsements"));
                key.certificateChain = strings(k.get("x5c"));
                keys.put(kid, key);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // one unreadable key does not spoil the others
            }
        }
        return keys;
    }

    private static RSAPublicKey rsa(String n, String e) throws GeneralSecurityException {
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode(n)), new BigInteger(1, b64.decode(e))));
    }

    /** A list of strings, or null when absent (the SDK's extractor skips the check of a null list). */
    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}

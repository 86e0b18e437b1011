package org.tandem.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the Bot Framework's token signing: the OpenID metadata document and the key set (JWKS) as
 * {@code login.botframework.com} serves them, and tokens signed the way the Bot Connector signs its requests to a
 * bot. It can be told to hang (accept and never answer), as the key server did when Teams authentication stalled.
 */
final class TeamsKeyServerStub implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "stub-key-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "key-server-stub");
        t.setDaemon(true);
        return t;
    });
    private final KeyPair key;
    private final KeyPair stranger;
    private final AtomicReference<CountDownLatch> hang = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    TeamsKeyServerStub() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            stranger = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/v1/.well-known/openidconfiguration", x -> answer(x, "{\"issuer\":\"" + ISSUER
                + "\",\"jwks_uri\":\"" + base() + "/v1/.well-known/keys\",\"id_token_signing_alg_values_supported\":"
                + "[\"RS256\"]}"));
        server.createContext("/v1/.well-known/keys", x -> answer(x, jwks()));
        server.start();
    }

    /** What {@code tandem.teams.signing-keys.metadata-url} points at. */
    String metadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    /** From now on every request is accepted and never answered (until {@link #answer()}). */
    void hang() {
        hang.compareAndSet(null, new CountDownLatch(1));
    }

    /** Answers again (the hanging requests stay unanswered: their callers gave up long ago). */
    void answer() {
        CountDownLatch latch = hang.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many requests reached the stub. */
    int requests() {
        return requests.get();
    }

    /** {@code Bearer <jwt>} as the Bot Connector sends it to the bot {@code appId} for {@code serviceUrl}. */
    String bearer(String appId, String serviceUrl) {
        return bearer(KEY_ID, ISSUER, appId, serviceUrl, Instant.now().plusSeconds(3600), true);
    }

    /** A token with any of its parts changed; {@code ourKey} false signs it with a key the key set does not hold. */
    String bearer(String kid, String issuer, String appId, String serviceUrl, Instant expires, boolean ourKey) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid)
                .put("x5t", kid);
        ObjectNode claims = JSON.createObjectNode().put("iss", issuer).put("aud", appId)
                .put("serviceurl", serviceUrl).put("nbf", Instant.now().minusSeconds(60).getEpochSecond())
                .put("exp", expires.getEpochSecond());
        String signed = B64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign((ourKey ? key : stranger).getPrivate());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + signed + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String jwks() {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").addObject().put("kty", "RSA").put("use", "sig").put("kid", KEY_ID).put("x5t", KEY_ID)
                .put("n", unsigned(pub.getModulus())).put("e", unsigned(pub.getPublicExponent()))
                .putArray("endorsements").add("msteams").add("emulator");
        return jwks.toString();
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] out = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, out, 0, out.length);
        return B64.encodeToString(out);
    }

    private void answer(HttpExchange x, String body) throws IOException {
        requests.incrementAndGet();
        CountDownLatch latch = hang.get();
        if (latch != null) {
            try {
                // accepted, never answered: the connection stays open until the caller gives up
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
            return;
        }
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
        threads.shutdownNow();
    }
}

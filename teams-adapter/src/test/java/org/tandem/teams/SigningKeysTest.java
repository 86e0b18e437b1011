package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.MutableClock;

/**
 * The signing-key cache against a real local HTTP key server that can hang: bounded waits, the last good keys kept,
 * old keys refreshed without making anyone wait, unknown key ids refreshing at most every few minutes.
 */
class SigningKeysTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private HttpServer server;
    private final AtomicReference<CountDownLatch> hang = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> kid = new AtomicReference<>("k1");
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private SigningKeys keys;

    @BeforeEach
    void start() throws Exception {
        RSAPublicKey pub = (RSAPublicKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/meta", x -> answer(x, "{\"jwks_uri\":\"" + base + "/keys\"}"));
        server.createContext("/keys", x -> {
            fetches.incrementAndGet();
            answer(x, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid.get() + "\",\"n\":\"" + b64(pub.getModulus())
                    + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"msteams\"]},"
                    + "{\"kty\":\"EC\",\"kid\":\"ec\"}]}");
        });
        server.start();
        // a cold JVM's first HTTP exchange can take seconds on a busy machine: not what is measured here
        new KeyFetch(base + "/meta", Duration.ofSeconds(60)).load();
        fetches.set(0);
        TeamsKeysProperties properties = new TeamsKeysProperties(base + "/meta", TIMEOUT, Duration.ofHours(24));
        keys = new SigningKeys(new KeyFetch(properties.metadataUrl(), TIMEOUT), properties, clock,
                Executors.newSingleThreadExecutor());
    }

    @AfterEach
    void stop() {
        release();
        server.stop(0);
    }

    @Test
    void aHangingKeyServerCostsOneBoundedWaitAndThenAnImmediateRefusal() {
        hang.set(new CountDownLatch(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> keys.ready("k1")).isInstanceOf(SigningKeys.Unavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));

        start = System.nanoTime();
        assertThatThrownBy(() -> keys.ready("k1")).isInstanceOf(SigningKeys.Unavailable.class)
                .satisfies(e -> assertThat(((SigningKeys.Unavailable) e).retryAfter).isPositive());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no second wait right away")
                .isLessThan(Duration.ofMillis(300));
        assertThat(keys.getKey("k1")).isNull();

        release();
        clock.advance(TIMEOUT);
        keys.ready("k1");
        assertThat(keys.getKey("k1").key).isNotNull();
        assertThat(keys.getKey("k1").endorsements).containsExactly("msteams");
        assertThat(keys.getKey("ec")).as("only RSA keys sign Bot Framework tokens").isNull();
    }

    @Test
    void theLastGoodKeysStayAndOldOnesAreRefreshedWithoutWaiting() throws Exception {
        keys.ready("k1");
        hang.set(new CountDownLatch(1));
        clock.advance(Duration.ofHours(25));
        long start = System.nanoTime();
        keys.ready("k1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        Thread.sleep(TIMEOUT.toMillis() * 2);
        assertThat(keys.getKey("k1")).as("a failed refresh keeps what worked").isNotNull();

        release();
        kid.set("k2");
        clock.advance(TIMEOUT.multipliedBy(2));
        keys.ready("k1");
        for (int i = 0; i < 100 && keys.getKey("k2") == null; i++) {
            Thread.sleep(20);
        }
        assertThat(keys.getKey("k2")).as("the background refresh brought the new key").isNotNull();
    }

    @Test
    void anUnknownKeyIdRefreshesTheKeysAtMostEveryFewMinutes() {
        keys.ready("k1");
        int after = fetches.get();
        keys.ready("forged");
        keys.ready("forged");
        assertThat(keys.getKey("forged")).isNull();
        assertThat(fetches.get()).as("just fetched: an unknown key is simply unknown").isEqualTo(after);

        kid.set("rotated");
        clock.advance(SigningKeys.UNKNOWN_KEY_INTERVAL);
        keys.ready("rotated");
        assertThat(keys.getKey("rotated")).isNotNull();
        assertThat(fetches.get()).isEqualTo(after + 1);
    }

    private void release() {
        CountDownLatch latch = hang.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    private void answer(HttpExchange x, String body) throws IOException {
        CountDownLatch latch = hang.get();
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
            return;
        }
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private static String b64(BigInteger n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(n.toByteArray());
    }
}

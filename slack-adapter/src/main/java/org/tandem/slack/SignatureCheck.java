package org.tandem.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature ({@code v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}), checked before
 * anything reads the body. Stricter than Bolt's own check: the timestamp must be within five minutes either
 * way (Bolt accepts any future time), and the comparison takes the same time whatever the input. It logs
 * nothing, so a body never reaches the logs.
 */
final class SignatureCheck {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Clock clock;

    /** Without a signing secret nothing is valid (the HTTP endpoint is then not registered anyway). */
    SignatureCheck(String signingSecret, Clock clock) {
        this.key = signingSecret == null || signingSecret.isEmpty() ? null
                : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    boolean valid(String timestamp, String signature, byte[] body) {
        if (key == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature Slack would send for this timestamp and body. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

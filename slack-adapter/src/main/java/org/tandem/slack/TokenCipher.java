package org.tandem.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * Workspaces' bot and refresh tokens as they are kept at rest: AES-256-GCM with a random 12-byte IV per value, the
 * id of the key beside the ciphertext ({@code {kid, iv, ct}}), and the document and field it belongs to as
 * associated data, so a ciphertext copied to another workspace's document does not open. The key comes from
 * {@code tandem.slack.token-key}; earlier keys ({@code tandem.slack.token-keys-old}) still open what they sealed,
 * for a rotation. A key's id is derived from it (a hash), so nothing but the key itself is configured.
 */
final class TokenCipher {

    static final String CURRENT = "tandem.slack.token-key";
    static final String OLD = "tandem.slack.token-keys-old";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** No key configured (one workspace, no OAuth): nothing is sealed, and only values from before open. */
    static final TokenCipher NONE = new TokenCipher(null, Map.of());

    /** A sealed value whose key is not configured (any more). */
    static final class UnknownKey extends RuntimeException {
        final String keyId;

        UnknownKey(String keyId) {
            super("a token is sealed with key " + keyId + ", which is not in " + CURRENT + " nor " + OLD);
            this.keyId = keyId;
        }
    }

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private TokenCipher(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * The cipher of these keys (base64 of 32 bytes each); a malformed one stops the start with the property to fix,
     * never with the value.
     */
    static TokenCipher of(String current, List<String> old) {
        if (current == null) {
            return NONE;
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        SecretKey key = key(current, CURRENT);
        String id = id(key);
        keys.put(id, key);
        for (int i = 0; old != null && i < old.size(); i++) {
            if (old.get(i) != null && !old.get(i).isBlank()) {
                SecretKey k = key(old.get(i), OLD + "[" + i + "]");
                keys.putIfAbsent(id(k), k);
            }
        }
        return new TokenCipher(id, Map.copyOf(keys));
    }

    boolean sealing() {
        return currentId != null;
    }

    /** The id of the key that seals; empty without a key. */
    Optional<String> currentKeyId() {
        return Optional.ofNullable(currentId);
    }

    /** Seals a token for the field {@code where} (e.g. {@code T:T123|botAccessToken}); null stays null. */
    Document seal(String token, String where) {
        if (token == null) {
            return null;
        }
        if (currentId == null) {
            throw new IllegalStateException("no key to encrypt a Slack token with: set " + CURRENT);
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, where,
                token.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return new Document("kid", currentId).append("iv", b64.encodeToString(iv)).append("ct", b64.encodeToString(sealed));
    }

    /**
     * The token kept in a field: a sealed document, or a string kept in clear before tokens were encrypted.
     *
     * @throws UnknownKey when it was sealed with a key that is not configured
     */
    String open(Object stored, String where) {
        if (stored == null || stored instanceof String) {
            return (String) stored;
        }
        Document d = (Document) stored;
        SecretKey key = keys.get(d.getString("kid"));
        if (key == null) {
            throw new UnknownKey(d.getString("kid"));
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new String(run(Cipher.DECRYPT_MODE, key, b64.decode(d.getString("iv")), where,
                b64.decode(d.getString("ct"))), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed with the current key (else it is sealed again when read). */
    boolean current(Object stored) {
        return stored == null || stored instanceof Document d && d.getString("kid").equals(currentId);
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, String where, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a wrong tag: the value was changed, or belongs to another field
            throw new IllegalStateException("a stored Slack token does not open (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private static SecretKey key(String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64: set it to 32 random bytes in base64 "
                    + "(openssl rand -base64 32)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must be 32 bytes in base64 (openssl rand -base64 32), not "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The first 8 bytes of the key's SHA-256, in hex: names the key without giving it away. */
    private static String id(SecretKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** AES-GCM at rest: a fresh IV per value, the key's id beside it, bound to its field, and old keys still open. */
class TokenCipherTest {

    static final String KEY_A = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    static final String KEY_B = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String TOKEN = "xoxb-1234-5678-secret";

    @Test
    void aSealedTokenOpensAndHoldsNothingOfItInClear() {
        TokenCipher a = TokenCipher.of(KEY_A, List.of());
        Document sealed = a.seal(TOKEN, "T:T1|botAccessToken");
        assertThat(sealed.toJson()).doesNotContain("xoxb", "secret", KEY_A);
        assertThat(sealed.keySet()).containsExactly("kid", "iv", "ct");
        assertThat(sealed.getString("kid")).hasSize(16).isEqualTo(a.currentKeyId().orElseThrow());
        assertThat(a.open(sealed, "T:T1|botAccessToken")).isEqualTo(TOKEN);
        assertThat(a.current(sealed)).isTrue();
        assertThat(a.seal(null, "x")).isNull();
        assertThat(a.open(null, "x")).isNull();
    }

    @Test
    void everyValueHasItsOwnIv() {
        TokenCipher a = TokenCipher.of(KEY_A, List.of());
        Document one = a.seal(TOKEN, "T:T1|botAccessToken");
        Document two = a.seal(TOKEN, "T:T1|botAccessToken");
        assertThat(one.getString("iv")).isNotEqualTo(two.getString("iv"));
        assertThat(one.getString("ct")).isNotEqualTo(two.getString("ct"));
    }

    @Test
    void aValueCopiedToAnotherWorkspaceOrFieldDoesNotOpen() {
        TokenCipher a = TokenCipher.of(KEY_A, List.of());
        Document sealed = a.seal(TOKEN, "T:T1|botAccessToken");
        assertThatThrownBy(() -> a.open(sealed, "T:T2|botAccessToken")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> a.open(sealed, "T:T1|botRefreshToken")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOldKeyStillOpensAndTheValueIsNotCurrent() {
        Document sealedWithA = TokenCipher.of(KEY_A, List.of()).seal(TOKEN, "w");
        TokenCipher b = TokenCipher.of(KEY_B, List.of(KEY_A));
        assertThat(b.open(sealedWithA, "w")).isEqualTo(TOKEN);
        assertThat(b.current(sealedWithA)).isFalse();
        assertThat(b.current(b.seal(TOKEN, "w"))).isTrue();
        assertThat(b.current("xoxb-in-clear")).as("a token kept before encryption").isFalse();
        assertThat(b.open("xoxb-in-clear", "w")).isEqualTo("xoxb-in-clear");
    }

    @Test
    void aValueOfAKeyNotConfiguredSaysWhichKey() {
        Document sealedWithA = TokenCipher.of(KEY_A, List.of()).seal(TOKEN, "w");
        assertThatThrownBy(() -> TokenCipher.of(KEY_B, List.of()).open(sealedWithA, "w"))
                .isInstanceOf(TokenCipher.UnknownKey.class)
                .hasMessageContaining(sealedWithA.getString("kid")).hasMessageContaining("tandem.slack.token-keys-old");
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        assertThat(TokenCipher.of(null, List.of()).sealing()).isFalse();
        assertThatThrownBy(() -> TokenCipher.NONE.seal(TOKEN, "w")).hasMessageContaining("tandem.slack.token-key");
    }
}

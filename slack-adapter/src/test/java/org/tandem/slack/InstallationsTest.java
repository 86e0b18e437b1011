package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.builtin.DefaultBot;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/** {@code slack_installations} on the embedded MongoDB: tokens sealed at rest, read back, and moved to a new key. */
class InstallationsTest {

    static final String KEY_A = TokenCipherTest.KEY_A;
    static final String KEY_B = TokenCipherTest.KEY_B;
    static final String KEY_C = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");

    private Installations with(String key, String... old) {
        return new Installations(db, clock, TokenCipher.of(key, List.of(old)));
    }

    private static Bot bot(String team, String token, String refresh) {
        DefaultBot b = new DefaultBot();
        b.setTeamId(team);
        b.setBotUserId("UBOT");
        b.setBotAccessToken(token);
        b.setBotRefreshToken(refresh);
        return b;
    }

    private Document stored(String team) {
        return db.getCollection("slack_installations").find(new Document("_id", "T:" + team)).first();
    }

    @Test
    void theStoredDocumentHoldsNoTokenInClear() {
        Installations a = with(KEY_A);
        a.saveBot(bot("T1", "xoxb-planted-access", "xoxe-planted-refresh"));
        assertThat(stored("T1").toJson()).doesNotContain("planted", "xoxb", "xoxe");
        assertThat(a.findBot(null, "T1").getBotAccessToken()).isEqualTo("xoxb-planted-access");
        assertThat(a.findBot(null, "T1").getBotRefreshToken()).isEqualTo("xoxe-planted-refresh");
        assertThat(a.botToken("T1")).hasValue("xoxb-planted-access");
    }

    @Test
    void aRotationReadsWithTheOldKeyAndSealsAgainWithTheNew() {
        with(KEY_A).saveBot(bot("T1", "xoxb-one", null));
        with(KEY_A).saveBot(bot("T2", "xoxb-two", "xoxe-two"));
        String kidA = stored("T1").get("botAccessToken", Document.class).getString("kid");

        Installations b = with(KEY_B, KEY_A);
        assertThat(b.findBot(null, "T1").getBotAccessToken()).as("read with the old key").isEqualTo("xoxb-one");
        String kidB = stored("T1").get("botAccessToken", Document.class).getString("kid");
        assertThat(kidB).as("sealed again when read").isNotEqualTo(kidA);
        assertThat(b.resealAll()).as("the other one, at start").isOne();
        assertThat(stored("T2").get("botRefreshToken", Document.class).getString("kid")).isEqualTo(kidB);

        Installations onlyB = with(KEY_B);
        assertThat(onlyB.botToken("T2")).hasValue("xoxb-two");
        assertThat(onlyB.findBot(null, "T2").getBotRefreshToken()).isEqualTo("xoxe-two");
        assertThat(onlyB.resealAll()).isZero();
    }

    @Test
    void tokensOfAKeyNotConfiguredStopTheStartWithWhatToSet() {
        with(KEY_A).saveBot(bot("T1", "xoxb-one", null));
        Installations c = with(KEY_C);
        assertThatThrownBy(c::resealAll).hasMessageContaining("1 Slack workspace(s)")
                .hasMessageContaining("tandem.slack.token-keys-old").hasMessageNotContaining(KEY_A);
        assertThat(c.findBot(null, "T1")).as("Bolt finds no usable installation").isNull();
        assertThatThrownBy(() -> c.botToken("T1")).isInstanceOf(TokenCipher.UnknownKey.class);
    }

    @Test
    void tokensKeptInClearBeforeAreEncryptedAtStart() {
        db.getCollection("slack_installations").insertOne(new Document("_id", "T:T1").append("teamId", "T1")
                .append("botAccessToken", "xoxb-from-before").append("botRefreshToken", null));
        Installations a = with(KEY_A);
        assertThat(a.resealAll()).isOne();
        assertThat(stored("T1").toJson()).doesNotContain("xoxb-from-before");
        assertThat(a.botToken("T1")).hasValue("xoxb-from-before");
    }

    @Test
    void anUninstallDropsTheSealedTokens() {
        Installations a = with(KEY_A);
        a.saveBot(bot("T1", "xoxb-one", "xoxe-one"));
        a.deleteAll(null, "T1");
        assertThat(stored("T1")).doesNotContainKeys("botAccessToken", "botRefreshToken").containsKey("uninstalledAt");
        assertThat(a.botToken("T1")).isEmpty();
    }
}

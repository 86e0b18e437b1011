package org.tandem.slack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's installation store in MongoDB ({@code slack_installations}), one document per workspace (or per
 * Enterprise Grid organisation for org-wide installs). Uninstalling or revoking removes the token and keeps a
 * tombstone with {@code uninstalledAt}, from which the workspace's data can be purged after the retention period.
 * Only the bot token (and its refresh token) is kept, sealed by the {@link TokenCipher}: Tandem asks for no user
 * scopes. A token sealed with an older key is sealed again with the current one when it is read, and at start.
 */
final class Installations implements InstallationService {

    private static final Logger log = LoggerFactory.getLogger(Installations.class);
    private static final String TOKEN = "botAccessToken";
    private static final String REFRESH = "botRefreshToken";
    private static final String[] TOKEN_FIELDS = {TOKEN, REFRESH, "botTokenExpiresAt"};

    /** Told when a workspace removes Tandem or installs it again (its data is erased after the retention). */
    interface Lifecycle {
        Lifecycle NONE = new Lifecycle() {
            public void gone(String team) { }

            public void back(String team) { }
        };

        void gone(String team);

        void back(String team);
    }

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final TokenCipher cipher;
    private final Lifecycle lifecycle;

    Installations(MongoDatabase db, Clock clock, TokenCipher cipher) {
        this(db, clock, cipher, Lifecycle.NONE);
    }

    Installations(MongoDatabase db, Clock clock, TokenCipher cipher, Lifecycle lifecycle) {
        this.collection = db.getCollection("slack_installations");
        this.clock = clock;
        this.cipher = cipher;
        this.lifecycle = lifecycle;
    }

    /**
     * Seals with the current key every token kept in clear (from before) or with an older key, and returns how
     * many; called at start, so that an old key can be dropped once every replica has started with the new one.
     *
     * @throws IllegalStateException when tokens are sealed with a key that is not configured (they could not be
     *                               read: every workspace concerned would stop working)
     */
    int resealAll() {
        if (!cipher.sealing()) {
            long clear = 0;
            for (Document d : collection.find(exists(TOKEN))) {
                clear += d.get(TOKEN) instanceof String ? 1 : 0;
            }
            if (clear > 0) {
                log.warn("slack_installations keeps {} bot token(s) in clear: set {} to encrypt them", clear,
                        TokenCipher.CURRENT);
            }
            return 0;
        }
        int resealed = 0;
        Set<String> unknown = new TreeSet<>();
        int unreadable = 0;
        for (Document d : collection.find(exists(TOKEN))) {
            try {
                resealed += reseal(d) ? 1 : 0;
            } catch (TokenCipher.UnknownKey e) {
                unknown.add(e.keyId);
                unreadable++;
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the bot tokens of " + unreadable + " Slack workspace(s) are encrypted with "
                    + "key id(s) " + unknown + ", which are not configured: add that key to " + TokenCipher.OLD
                    + " (or set it again as " + TokenCipher.CURRENT + ")");
        }
        if (resealed > 0) {
            log.info("encrypted {} Slack token(s) again with the current {}", resealed, TokenCipher.CURRENT);
        }
        return resealed;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("Tandem keeps the current installation only");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        String id = id(i.getEnterpriseId(), Boolean.TRUE.equals(i.getIsEnterpriseInstall()) ? null : i.getTeamId());
        save(id, i.getAppId(), i.getEnterpriseId(), i.getTeamId(), i.getIsEnterpriseInstall(), i.getBotId(),
                i.getBotUserId(), i.getBotScope(), i.getBotAccessToken(), i.getBotRefreshToken(),
                i.getBotTokenExpiresAt(), i.getInstallerUserId());
    }

    @Override
    public void saveBot(Bot b) {
        String id = id(b.getEnterpriseId(), Boolean.TRUE.equals(b.getIsEnterpriseInstall()) ? null : b.getTeamId());
        save(id, b.getAppId(), b.getEnterpriseId(), b.getTeamId(), b.getIsEnterpriseInstall(), b.getBotId(),
                b.getBotUserId(), b.getBotScope(), b.getBotAccessToken(), b.getBotRefreshToken(),
                b.getBotTokenExpiresAt(), null);
    }

    @Override
    public void deleteBot(Bot bot) {
        forget(bot.getEnterpriseId(), bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // no user tokens are kept: nothing to delete
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        forget(enterpriseId, teamId);
    }

    /** Bolt asks for each request; a token that cannot be opened is logged and the workspace is not served. */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        Document d = teamId == null ? null : collection.find(and(eq("_id", id(null, teamId)), exists(TOKEN))).first();
        if (d == null && enterpriseId != null) {
            d = collection.find(and(eq("_id", id(enterpriseId, null)), exists(TOKEN))).first();
        }
        try {
            return d == null ? null : toBot(d);
        } catch (TokenCipher.UnknownKey e) {
            log.error("the bot token of Slack {} cannot be read: {}", d.getString("_id"), e.getMessage());
            return null;
        }
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    /**
     * The bot token of a workspace while it is installed.
     *
     * @throws TokenCipher.UnknownKey when it is kept, but sealed with a key that is not configured
     */
    Optional<String> botToken(String teamId) {
        Document d = collection.find(and(eq("_id", id(null, teamId)), exists(TOKEN))).first();
        return d == null ? Optional.empty() : Optional.ofNullable(toBot(d).getBotAccessToken());
    }

    /** A person who erased their data is no longer named as who installed Tandem. */
    void forgetInstaller(String teamId, String userId) {
        collection.updateMany(and(eq("teamId", teamId), eq("installerUserId", userId)), Updates.unset("installerUserId"));
    }

    /** Seals a document's tokens with the current key if they are not yet (guard: they are still those read). */
    private boolean reseal(Document d) {
        String id = d.getString("_id");
        Object token = d.get(TOKEN);
        Object refresh = d.get(REFRESH);
        if (cipher.current(token) && cipher.current(refresh)) {
            return false;
        }
        Bson guard = and(eq("_id", id), eq(TOKEN, token), eq(REFRESH, refresh));
        return collection.updateOne(guard, Updates.combine(
                Updates.set(TOKEN, cipher.seal(cipher.open(token, id + "|" + TOKEN), id + "|" + TOKEN)),
                Updates.set(REFRESH, cipher.seal(cipher.open(refresh, id + "|" + REFRESH), id + "|" + REFRESH))))
                .getModifiedCount() == 1;
    }

    private void save(String id, String appId, String enterpriseId, String teamId, Boolean enterpriseInstall,
                      String botId, String botUserId, String botScope, String token, String refreshToken,
                      Long expiresAt, String installerUserId) {
        Bson update = Updates.combine(
                Updates.set("appId", appId), Updates.set("enterpriseId", enterpriseId),
                Updates.set("teamId", teamId), Updates.set("enterpriseInstall", Boolean.TRUE.equals(enterpriseInstall)),
                Updates.set("botId", botId), Updates.set("botUserId", botUserId), Updates.set("botScope", botScope),
                Updates.set(TOKEN, cipher.seal(token, id + "|" + TOKEN)),
                Updates.set(REFRESH, cipher.seal(refreshToken, id + "|" + REFRESH)),
                Updates.set("botTokenExpiresAt", expiresAt),
                Updates.set("installerUserId", installerUserId),
                Updates.set("installedAt", Date.from(clock.instant())),
                Updates.unset("uninstalledAt"));
        collection.updateOne(eq("_id", id), update, new UpdateOptions().upsert(true));
        if (teamId != null) {
            lifecycle.back(teamId);
        }
    }

    private void forget(String enterpriseId, String teamId) {
        Bson[] unset = new Bson[TOKEN_FIELDS.length + 1];
        for (int i = 0; i < TOKEN_FIELDS.length; i++) {
            unset[i] = Updates.unset(TOKEN_FIELDS[i]);
        }
        unset[TOKEN_FIELDS.length] = Updates.set("uninstalledAt", Date.from(clock.instant()));
        collection.updateOne(eq("_id", id(enterpriseId, teamId)), Updates.combine(unset),
                new UpdateOptions().upsert(true));
        if (teamId != null) {
            lifecycle.gone(teamId);
        }
    }

    /** {@code T:<team>} for a workspace, {@code E:<enterprise>} for an org-wide install. */
    private static String id(String enterpriseId, String teamId) {
        return teamId != null ? "T:" + teamId : "E:" + enterpriseId;
    }

    /** The installation with its tokens opened; one sealed with an older key is sealed again with the current. */
    private Bot toBot(Document d) {
        String id = d.getString("_id");
        DefaultBot bot = new DefaultBot();
        bot.setAppId(d.getString("appId"));
        bot.setEnterpriseId(d.getString("enterpriseId"));
        bot.setTeamId(d.getString("teamId"));
        bot.setIsEnterpriseInstall(d.getBoolean("enterpriseInstall", false));
        bot.setBotId(d.getString("botId"));
        bot.setBotUserId(d.getString("botUserId"));
        bot.setBotScope(d.getString("botScope"));
        bot.setBotAccessToken(cipher.open(d.get(TOKEN), id + "|" + TOKEN));
        bot.setBotRefreshToken(cipher.open(d.get(REFRESH), id + "|" + REFRESH));
        bot.setBotTokenExpiresAt(d.get("botTokenExpiresAt") instanceof Number n ? n.longValue() : null);
        bot.setInstalledAt(d.getDate("installedAt") == null ? null : d.getDate("installedAt").getTime());
        if (cipher.sealing()) {
            reseal(d);
        }
        return bot;
    }
}

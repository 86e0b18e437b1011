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
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Bolt's installation store in MongoDB ({@code slack_installations}), one document per workspace (or per
 * Enterprise Grid organisation for org-wide installs). Uninstalling or revoking removes the token and keeps a
 * tombstone with {@code uninstalledAt}, from which the workspace's data can be purged after the retention period.
 * Only the bot token is kept: Tandem asks for no user scopes.
 */
final class Installations implements InstallationService {

    private static final String[] TOKEN_FIELDS = {"botAccessToken", "botRefreshToken", "botTokenExpiresAt"};

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
    private final Lifecycle lifecycle;

    Installations(MongoDatabase db, Clock clock) {
        this(db, clock, Lifecycle.NONE);
    }

    Installations(MongoDatabase db, Clock clock, Lifecycle lifecycle) {
        this.collection = db.getCollection("slack_installations");
        this.clock = clock;
        this.lifecycle = lifecycle;
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

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        Document d = teamId == null ? null : collection.find(and(eq("_id", id(null, teamId)),
                exists("botAccessToken"))).first();
        if (d == null && enterpriseId != null) {
            d = collection.find(and(eq("_id", id(enterpriseId, null)), exists("botAccessToken"))).first();
        }
        return d == null ? null : toBot(d);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    /** The bot token of a workspace while it is installed. */
    Optional<String> botToken(String teamId) {
        return Optional.ofNullable(findBot(null, teamId)).map(Bot::getBotAccessToken);
    }

    private void save(String id, String appId, String enterpriseId, String teamId, Boolean enterpriseInstall,
                      String botId, String botUserId, String botScope, String token, String refreshToken,
                      Long expiresAt, String installerUserId) {
        Bson update = Updates.combine(
                Updates.set("appId", appId), Updates.set("enterpriseId", enterpriseId),
                Updates.set("teamId", teamId), Updates.set("enterpriseInstall", Boolean.TRUE.equals(enterpriseInstall)),
                Updates.set("botId", botId), Updates.set("botUserId", botUserId), Updates.set("botScope", botScope),
                Updates.set("botAccessToken", token), Updates.set("botRefreshToken", refreshToken),
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

    private static Bot toBot(Document d) {
        DefaultBot bot = new DefaultBot();
        bot.setAppId(d.getString("appId"));
        bot.setEnterpriseId(d.getString("enterpriseId"));
        bot.setTeamId(d.getString("teamId"));
        bot.setIsEnterpriseInstall(d.getBoolean("enterpriseInstall", false));
        bot.setBotId(d.getString("botId"));
        bot.setBotUserId(d.getString("botUserId"));
        bot.setBotScope(d.getString("botScope"));
        bot.setBotAccessToken(d.getString("botAccessToken"));
        bot.setBotRefreshToken(d.getString("botRefreshToken"));
        bot.setBotTokenExpiresAt(d.get("botTokenExpiresAt") instanceof Number n ? n.longValue() : null);
        bot.setInstalledAt(d.getDate("installedAt") == null ? null : d.getDate("installedAt").getTime());
        return bot;
    }
}

package org.tandem.slack;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * A {@link SlackMessenger} over a fresh database and a local {@link WebApiStub}, for tests of what the messenger asks
 * Slack: the stub, the SDK client pointed at it, the database, the clock, and the waits the Web API made (recorded,
 * not slept). Close it after each test.
 */
final class StubbedSlack implements AutoCloseable {

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final MongoDatabase db = TestMongo.freshDatabase();
    final WebApiStub slack = new WebApiStub();
    final Slack client = Slack.getInstance(config(slack.url()));
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    /** A messenger of one workspace (T1, admin channel CADMIN), without a manager field. */
    SlackMessenger messenger() {
        return messenger(null);
    }

    /** The same, reading managers from {@code managerField} ({@code tandem.slack.manager-field}). */
    SlackMessenger messenger(String managerField) {
        return new SlackMessenger(new WebApi(client, t -> Optional.of("xoxb-1"), pauses::add),
                new SlackStores(new PendingForms(db, clock), new Undelivered(db, clock),
                        new AdminChannels(db, "CADMIN"), new Installations(db, clock, TokenCipher.NONE)),
                p -> Locale.ENGLISH, t -> Messenger.Presence.UNKNOWN, new ResponseUrls(client, slack.url()),
                managerField);
    }

    /** The SDK's configuration for a Web API at {@code url}, without its statistics. */
    static SlackConfig config(String url) {
        SlackConfig c = new SlackConfig();
        c.setMethodsEndpointUrlPrefix(url);
        c.setStatsEnabled(false);
        return c;
    }

    @Override
    public void close() throws Exception {
        slack.close();
        client.close();
    }
}

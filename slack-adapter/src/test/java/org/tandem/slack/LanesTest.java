package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.TestMongo;

/**
 * One lane per conversation: a turn's answer that Slack makes wait ({@code Retry-After}) is not overtaken by what
 * another turn sends to the same person meanwhile, and other conversations are not held up. Real Slack client, real
 * HTTP, real waits.
 */
class LanesTest {

    private static final PersonRef ALICE = new PersonRef("slack", "T1", "UALICE");
    private static final PersonRef BOB = new PersonRef("slack", "T1", "UBOB");

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final WebApiStub slack = new WebApiStub();
    private final Slack client = Slack.getInstance(config(slack.url()));
    private final SlackMessenger messenger = new SlackMessenger(
            new WebApi(client, t -> Optional.of("xoxb-1"), d -> Thread.sleep(d.toMillis())),
            new SlackStores(new PendingForms(db, Clock.systemUTC()), new Undelivered(db, Clock.systemUTC()),
                    new AdminChannels(db, "CADMIN"), new Installations(db, Clock.systemUTC(), TokenCipher.NONE)),
            p -> Locale.ENGLISH, t -> Messenger.Presence.UNKNOWN, new ResponseUrls(client, slack.url()));

    private static SlackConfig config(String url) {
        SlackConfig c = new SlackConfig();
        c.setMethodsEndpointUrlPrefix(url);
        c.setStatsEnabled(false);
        return c;
    }

    @AfterEach
    void close() throws Exception {
        slack.close();
        client.close();
    }

    @Test
    void aLaterMessageToTheSamePersonWaitsForTheOneSlackMadeWait() throws Exception {
        slack.next("429:1");
        SlackReplies alicesTurn = messenger.replies(Interaction.plain(ALICE, Place.DIRECT, Clock.systemUTC()));
        CompletableFuture<?> answer = CompletableFuture.runAsync(() ->
                alicesTurn.reply(Message.text(Rich.literal("Thank you, noted"))));
        awaitCalls(1);
        // meanwhile Bob's turn tells both: Bob at once, Alice only after her own answer
        CompletableFuture<?> news = CompletableFuture.runAsync(() -> {
            messenger.send(Address.person(BOB), Message.text(Rich.literal("it clicked for both of you")));
            messenger.send(Address.person(ALICE), Message.text(Rich.literal("it clicked for both of you")));
        });
        news.get(10, TimeUnit.SECONDS);
        answer.get(10, TimeUnit.SECONDS);

        assertThat(slack.posted("UALICE")).extracting(WebApiStub.Call::text)
                .containsExactly("Thank you, noted", "it clicked for both of you");
        assertThat(slack.posted("UBOB")).hasSize(1);
        assertThat(slack.calls().indexOf(slack.posted("UBOB").get(0)))
                .as("Bob was not held up by Alice's wait").isLessThan(slack.calls().indexOf(slack.posted("UALICE")
                        .get(0)));
    }

    private void awaitCalls(int n) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (slack.calls().size() < n && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(slack.calls()).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void aLaneIsGoneOnceNothingUsesIt() {
        Lanes lanes = new Lanes();
        assertThat(lanes.in("T1", "dm:U1", () -> lanes.in("T1", "dm:U1", () -> lanes.open()))).isEqualTo(1);
        assertThat(lanes.open()).isZero();
    }
}

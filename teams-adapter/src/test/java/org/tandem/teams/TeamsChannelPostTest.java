package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.teams.TeamsDirectoryTest.ANN;
import static org.tandem.teams.TeamsDirectoryTest.KUDOS_A;
import static org.tandem.teams.TeamsDirectoryTest.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * What Tandem posts in a team's channel is a new thread there (the Bot Connector's createConversation, the channel in
 * its channel data), through the same outbox as every send of its own: retried when throttled, parked and posted
 * later when Teams cannot take it, updated in place. A picture (a report's chart) shows on its card by its address,
 * with its download link kept under it, and the card stays far within Teams' 28 KB. Real SDK, HTTP and MongoDB.
 */
class TeamsChannelPostTest {

    private static final Address KUDOS = Address.channel(new ChannelRef("teams", TENANT, KUDOS_A, "Kudos"));
    private static final int CARD_LIMIT = 28 * 1024;

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private ConnectorStub stub;
    private MongoDatabase db;
    private TeamsCards cards;
    private TeamsFiles files;
    private TeamsMessenger messenger;

    @BeforeEach
    void start() {
        stub = new ConnectorStub();
        db = TestMongo.freshDatabase();
        // two tries inline, then parked
        TeamsProperties properties = new TeamsProperties(true, null, null, null, List.of(), null, 2,
                Duration.ofMillis(5), Duration.ofMillis(20), null, null, null, null);
        ConnectorClients clients = new ConnectorClients(properties);
        TeamsConversations conversations = new TeamsConversations(db);
        cards = new TeamsCards(db);
        Delivery delivery = new Delivery(clients, new Pacer(new Pacing(new SendBudgets(db), "teams", Pacer.pace(30))),
                new Backoff(properties.retryDelay(), properties.retryMaxDelay(), RandomGenerator.getDefault()),
                properties.retryAttempts(), clock);
        messenger = new TeamsMessenger(conversations, delivery, new Undelivered(db), cards,
                new MemberLookup(TeamsBotAdapter.create(clients, properties), conversations, properties, clock),
                properties, clock);
        files = new TeamsFiles(db, new TeamsFilesProperties("https://tandem.example.com", null), clock);
        messenger.files(files);
        TeamsDirectoryTest.teams(stub, conversations, clock);
        conversations.rememberPerson(TENANT, ANN, TeamsDirectoryTest.reference(stub, "a:ann", "29:ann", "personal"),
                "Ann", Locale.ENGLISH, clock.instant(), false);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private TeamsCards.Card card(MessageRef ref) {
        return cards.find(TeamsRefs.cardIds(ref).get(0)).orElseThrow();
    }

    private List<Integer> statuses(String conversation) {
        return stub.calls().stream().filter(c -> c.conversation().equals(conversation))
                .map(ConnectorStub.Call::status).toList();
    }

    @Test
    void aPostInAChannelIsANewThreadThereAndIsUpdatedInPlace() {
        MessageRef ref = messenger.send(KUDOS, Message.text(Rich.literal("Thank you, Bo, from Ann")));

        JsonNode thread = stub.threads().get(0);
        assertThat(thread.path("isGroup").asBoolean()).isTrue();
        assertThat(thread.at("/channelData/channel/id").asText()).isEqualTo(KUDOS_A);
        assertThat(thread.at("/channelData/tenant/id").asText()).isEqualTo(TENANT);
        assertThat(thread.at("/bot/id").asText()).isEqualTo("28:bot");
        assertThat(stub.posted(KUDOS_A)).singleElement().satisfies(s -> assertThat(s.text())
                .contains("Thank you, Bo, from Ann"));
        TeamsCards.Card card = card(ref);
        assertThat(card.conversationId()).isEqualTo(KUDOS_A);
        assertThat(card.activityId()).isEqualTo(stub.posted(KUDOS_A).get(0).id());

        assertThat(messenger.update(ref, Message.text(Rich.literal("Thank you, Bo, from Ann and Cy")))).isTrue();
        assertThat(stub.puts()).containsExactly(KUDOS_A + "/" + card.activityId());
        assertThat(stub.posted(KUDOS_A).get(0).text()).contains("from Ann and Cy");
    }

    @Test
    void aThrottledPostIsTriedAgainAndPostedOnce() {
        stub.failNextSends("0", 429);
        MessageRef ref = messenger.send(KUDOS, Message.text(Rich.literal("Welcome to the spring programme")));
        assertThat(statuses(KUDOS_A)).containsExactly(429, 200);
        assertThat(stub.posted(KUDOS_A)).hasSize(1);
        assertThat(card(ref).delivered()).isTrue();
    }

    @Test
    void aPostTeamsCannotTakeNowIsParkedAndPostedLaterAsANewThread() {
        stub.failNextSends("0", 503, 503);
        MessageRef ref = messenger.send(KUDOS, Message.text(Rich.literal("Welcome to the spring programme")));
        assertThat(card(ref).delivered()).isFalse();
        assertThat(stub.posted(KUDOS_A)).isEmpty();
        assertThat(new Undelivered(db).count()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(messenger.redeliverDue(10)).isEqualTo(1);
        assertThat(stub.posted(KUDOS_A)).singleElement().satisfies(s -> assertThat(s.text())
                .contains("spring programme"));
        assertThat(stub.threads()).hasSize(3).allSatisfy(t -> assertThat(t.at("/channelData/channel/id").asText())
                .isEqualTo(KUDOS_A));
        assertThat(card(ref).delivered()).isTrue();
        assertThat(messenger.redeliverDue(10)).as("posted once").isZero();
    }

    @Test
    void aChannelTandemIsNotInIsGoneNotRetried() {
        ChannelRef elsewhere = new ChannelRef("teams", TENANT, "19:elsewhere@thread.tacv2", "Elsewhere");
        MessageRef ref = messenger.send(Address.channel(elsewhere), Message.text(Rich.literal("Hello")));
        assertThat(statuses("19:elsewhere@thread.tacv2")).containsExactly(404);
        assertThat(card(ref).delivered()).isFalse();
        assertThat(new Undelivered(db).count()).isZero();
    }

    @Test
    void aChartShowsOnItsCardAboveItsDownloadLinkByItsAddressNeverInlined() throws Exception {
        byte[] png = new byte[1024 * 1024];
        Arrays.fill(png, (byte) 7);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 0, png, 0, 4);
        FileAttachment chart = new FileAttachment("pairs-by-month.png", "image/png", png);

        messenger.sendFile(Address.person(new PersonRef("teams", TENANT, ANN)), chart,
                Message.text(Rich.literal("Pairs that met, month by month")));

        ConnectorStub.Shown shown = stub.posted("a:ann").get(0);
        JsonNode body = shown.body().at("/attachments/0/content/body");
        List<String> types = new ArrayList<>();
        body.forEach(b -> types.add(b.path("type").asText()));
        int image = types.indexOf("Image");
        assertThat(image).as("an Image element").isNotNegative();
        assertThat(types.lastIndexOf("ActionSet")).as("the link under it").isGreaterThan(image);
        JsonNode img = body.get(image);
        String url = img.path("url").asText();
        assertThat(url).matches("https://tandem\\.example\\.com/api/teams/files/[0-9a-f]{32}");
        assertThat(img.path("altText").asText()).isEqualTo("Pairs that met, month by month");
        assertThat(img.path("size").asText()).isEqualTo("Auto");
        JsonNode link = body.get(types.lastIndexOf("ActionSet")).at("/actions/0");
        assertThat(link.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(link.path("url").asText()).isEqualTo(url);
        assertThat(link.path("title").asText()).isEqualTo("Download pairs-by-month.png");

        String card = shown.body().at("/attachments/0/content").toString();
        assertThat(card.getBytes(StandardCharsets.UTF_8).length).isLessThan(CARD_LIMIT);
        assertThat(card).doesNotContain("data:image").doesNotContain("base64");
        TeamsFiles.Stored stored = files.find(url.substring(url.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(stored.mediaType()).isEqualTo("image/png");
        assertThat(stored.bytes()).isEqualTo(png);
    }

    @Test
    void aChartGoesToAChannelTooAndAnExportStaysALinkAlone() {
        FileAttachment chart = new FileAttachment("chart.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        messenger.sendFile(KUDOS, chart, Message.text(Rich.literal("This quarter's thanks")));
        JsonNode inChannel = stub.posted(KUDOS_A).get(0).body().at("/attachments/0/content/body");
        assertThat(inChannel.findValuesAsText("type")).contains("Image", "Action.OpenUrl");

        FileAttachment csv = new FileAttachment("pairs.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        messenger.sendFile(Address.person(new PersonRef("teams", TENANT, ANN)), csv,
                Message.text(Rich.literal("Your export")));
        JsonNode export = stub.posted("a:ann").get(0).body().at("/attachments/0/content/body");
        assertThat(export.findValuesAsText("type")).doesNotContain("Image").contains("Action.OpenUrl");
    }
}

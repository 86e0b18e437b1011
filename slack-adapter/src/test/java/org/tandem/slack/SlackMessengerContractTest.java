package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.ReplyChannel;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.EveryBlock;
import org.tandem.core.testing.MessengerContract;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * The Slack messenger keeps the messengers' contract over real HTTP (the real Slack client, a stand-in for the Web
 * API that keeps what it was given), and Slack's own part of it: what Slack refuses to update, messages kept for
 * later that are updated before and after they go out, and a click on one of those.
 */
class SlackMessengerContractTest extends MessengerContract {

    private static final PersonRef ALICE = new PersonRef("slack", "T1", "UALICE");
    private static final PersonRef BOB = new PersonRef("slack", "T1", "UBOB");

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final MongoDatabase db = TestMongo.freshDatabase();
    private final WebApiStub slack = new WebApiStub();
    private final Slack client = Slack.getInstance(config(slack.url()));
    private final AdminChannels admins = new AdminChannels(db, "CADMIN");
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final SlackMessenger messenger = new SlackMessenger(new WebApi(client, t -> Optional.of("xoxb-1"), pauses::add),
            new SlackStores(new PendingForms(db, clock), new Undelivered(db, clock), admins,
                    new Installations(db, clock, TokenCipher.NONE)),
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

    @Override
    protected PlatformMessenger messenger() {
        return messenger;
    }

    @Override
    protected PersonRef person() {
        return ALICE;
    }

    @Override
    protected PersonRef partner() {
        return BOB;
    }

    @Override
    protected Optional<Shown> shown(MessageRef ref) {
        Optional<SlackRef> r = SlackRef.of(ref);
        if (r.isPresent() && r.get() instanceof SlackRef.Posted p) {
            return slack.message(p.channel(), p.ts()).map(s -> new Shown(s.text() + " " + s.blocks(),
                    actionable(s.blocks())));
        }
        return Optional.empty();
    }

    /** Whether Block Kit has anything to act on: a row of buttons, a select beside a text. */
    static boolean actionable(String blocks) {
        return blocks.contains("\"type\":\"actions\"") || blocks.contains("\"accessory\"");
    }

    @Override
    protected List<String> delivered(Address to) {
        String channel = Destination.of(to).channel(admins).orElseThrow();
        return slack.posted(channel).stream().map(c -> c.text() + " " + c.blocks()).toList();
    }

    @Override
    protected ReplyChannel replyChannel(PersonRef who, Place place) {
        return messenger.replies(Interaction.plain(who, place, clock));
    }

    @Override
    protected void platformRefuses(boolean refuses) {
        slack.otherwise(refuses ? "500" : "ok");
    }

    @Override
    protected boolean keepsAnythingAbout(PersonRef person) {
        String dm = "dm:" + person.userId();
        return db.getCollection("slack_undelivered").countDocuments(new Document("to", dm)) > 0
                || db.getCollection("slack_late").countDocuments(new Document("to", dm)) > 0
                || db.getCollection("slack_forms").countDocuments(new Document("user", person.userId())) > 0;
    }

    private static Message question(String text) {
        return Message.builder().text(Rich.literal(text))
                .buttons(List.of(new Block.Button("demo.go", "Go", "v"))).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"message_not_found", "cant_update_message", "edit_window_closed"})
    void whatSlackRefusesToUpdateIsAFalseAndTheMessageStaysAsItWas(String error) {
        MessageRef ref = messenger.send(Address.person(ALICE), question("Still here?"));
        slack.error("chat.update", error);
        assertThat(messenger.update(ref, question("Still here?").answered(Rich.markup("Done")))).isFalse();
        assertThat(shown(ref)).hasValueSatisfying(s -> assertThat(s.actionable()).isTrue());
    }

    @Test
    void anUpdateSlackRateLimitsIsMadeAfterTheWaitItAsksFor() {
        MessageRef ref = messenger.send(Address.person(ALICE), question("Still here?"));
        slack.next("429:7");
        assertThat(messenger.update(ref, question("Still here?").answered(Rich.markup("Done")))).isTrue();
        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
        assertThat(shown(ref)).hasValueSatisfying(s -> assertThat(s.actionable()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"400", "403", "404"})
    void anUpdateSlackAnswersWithAClientErrorIsAFalseAndNotTriedAgain(String status) {
        MessageRef ref = messenger.send(Address.person(ALICE), question("Still here?"));
        slack.next(status);
        assertThat(messenger.update(ref, question("Still here?").answered(Rich.markup("Done")))).isFalse();
        assertThat(slack.calls()).extracting(WebApiStub.Call::method).containsExactly("chat.postMessage",
                "chat.update");
        assertThat(shown(ref)).hasValueSatisfying(s -> assertThat(s.actionable()).isTrue());
    }

    @Test
    void everyBlockGoesOutAndAFormComesWithAButtonToOpenItAndItsCancel() {
        MessageRef all = messenger.send(Address.person(ALICE), EveryBlock.message());
        assertThat(shown(all)).hasValueSatisfying(s -> assertThat(s.text()).contains("demo.choice", "demo.many"));
        MessageRef form = messenger.send(Address.admin(ALICE.scope()), EveryBlock.form());
        assertThat(shown(form)).hasValueSatisfying(s -> assertThat(s.text())
                .contains("A form", BlockKit.OPEN_FORM, Block.Form.CANCEL, "\"value\":\"demo.form\""));
        assertThat(db.getCollection("slack_forms").find().first().getString("view"))
                .contains("\"private_metadata\":\"admin\"", "\"notify_on_close\":true");
    }

    @Test
    void aMessageKeptForLaterGoesOutAsItsLatestVersionAndIsUpdatedInPlaceOnceItWent() {
        slack.otherwise("500");
        MessageRef ref = messenger.send(Address.person(ALICE), question("Shall we?"));
        assertThat(SlackRef.of(ref)).get().isInstanceOf(SlackRef.Parked.class);
        assertThat(messenger.update(ref, question("Shall we, really?"))).as("updated in the store").isTrue();
        slack.otherwise("ok");
        assertThat(messenger.redeliver(10)).isEqualTo(1);
        assertThat(slack.posted("UALICE")).singleElement().satisfies(c ->
                assertThat(c.blocks()).contains("Shall we, really?"));

        WebApiStub.Call went = slack.posted("UALICE").get(0);
        assertThat(messenger.clicked("T1", "DALICE", went.ts())).as("a click on it names the kept reference")
                .isEqualTo(ref);
        assertThat(messenger.update(ref, question("Shall we, really?").answered(Rich.markup("Done")))).isTrue();
        assertThat(slack.message("DALICE", went.ts())).hasValueSatisfying(s -> {
            assertThat(s.blocks()).contains("Done");
            assertThat(actionable(s.blocks())).isFalse();
        });
        assertThat(messenger.clicked("T1", "DALICE", "1700000000.999999"))
                .isEqualTo(new SlackRef.Posted("T1", "DALICE", "1700000000.999999").ref());
    }

    @Test
    void aMessageForAConversationWithOneKeptWaitsBehindItAndTheyGoOutInOrder() {
        // the first one's inline tries, then the one try it is given before the second
        slack.next("500", "500", "500", "500", "500");
        messenger.send(Address.person(ALICE), Message.text(Rich.literal("first")));
        MessageRef second = messenger.send(Address.person(ALICE), Message.text(Rich.literal("second")));
        messenger.send(Address.person(BOB), Message.text(Rich.literal("for someone else")));
        assertThat(SlackRef.of(second)).get().as("not tried before the first went").isInstanceOf(SlackRef.Parked.class);
        assertThat(slack.calls()).filteredOn(c -> "UALICE".equals(c.channel())).extracting(WebApiStub.Call::text)
                .as("the second was never tried").containsOnly("first");
        assertThat(slack.posted("UALICE")).isEmpty();
        assertThat(slack.posted("UBOB")).as("other conversations are not held up").hasSize(1);

        // once the first one's back-off is over and Slack takes messages again, the next send takes both along
        clock.advance(Undelivered.FIRST_WAIT);
        MessageRef third = messenger.send(Address.person(ALICE), Message.text(Rich.literal("third")));
        assertThat(SlackRef.of(third)).get().isInstanceOf(SlackRef.Posted.class);
        assertThat(slack.posted("UALICE")).extracting(WebApiStub.Call::text).containsExactly("first", "second",
                "third");
        assertThat(messenger.redeliver(10)).as("nothing was left for the sweep").isZero();
    }

    @Test
    void aSendWhileTheKeptOnesBackOffWaitsBehindThemAndTheSweepSendsAllInOrder() {
        slack.next("500", "500", "500", "500", "500");
        messenger.send(Address.person(ALICE), Message.text(Rich.literal("first")));
        messenger.send(Address.person(ALICE), Message.text(Rich.literal("second")));
        MessageRef third = messenger.send(Address.person(ALICE), Message.text(Rich.literal("third")));
        assertThat(SlackRef.of(third)).get().as("the first is backing off: not tried again")
                .isInstanceOf(SlackRef.Parked.class);
        assertThat(slack.calls()).hasSize(5);
        clock.advance(Undelivered.FIRST_WAIT);
        assertThat(messenger.redeliver(10)).isEqualTo(3);
        assertThat(slack.posted("UALICE")).extracting(WebApiStub.Call::text).containsExactly("first", "second",
                "third");
    }

    @Test
    void anOpenModalIsUpdatedAndOneThePersonClosedIsAFalse() {
        Message form = EveryBlock.form();
        Optional<MessageRef> opened = messenger.openModal(new Destination.Person(ALICE), form,
                BlockKit.formOf(form).orElseThrow(), "trigger-1");
        assertThat(opened).isPresent();
        SlackRef.Modal modal = (SlackRef.Modal) SlackRef.of(opened.get()).orElseThrow();
        assertThat(modal.formId()).isEqualTo("demo.form");
        assertThat(modal.placeKey()).isEqualTo("dm");
        assertThat(messenger.update(opened.get(), form.answered(Rich.markup("Cancelled.")))).isTrue();
        assertThat(slack.view(modal.viewId())).hasValueSatisfying(v -> assertThat(v.blocks())
                .contains("Cancelled.").doesNotContain("\"submit\""));
        slack.closeView(modal.viewId());
        assertThat(messenger.update(opened.get(), form.answered(Rich.markup("Sent.")))).isFalse();
    }

    @Test
    void aMessageShownToOnePersonIsReplacedOnlyThroughTheResponseUrlOfAClickOnIt() {
        Place group = Place.group("GPAIR");
        MessageRef shown = replyChannel(ALICE, group).whisper(question("Only for you"));
        SlackRef.Ephemeral ephemeral = (SlackRef.Ephemeral) SlackRef.of(shown).orElseThrow();
        assertThat(ephemeral.channel()).isEqualTo("GPAIR");
        assertThat(slack.calls()).extracting(WebApiStub.Call::method).containsExactly("chat.postEphemeral");
        assertThat(messenger.update(shown, question("Only for you").answered(Rich.markup("Done"))))
                .as("Slack has no call for it").isFalse();

        String url = slack.hook("actions/T1/1/x");
        ReplyChannel click = messenger.replies(Interaction.onEphemeral(ALICE, group, "trigger-2", clock.instant(),
                clock, ephemeral, url));
        assertThat(click.update(new SlackRef.Ephemeral("T1", "GPAIR", "1700000000.999999").ref(),
                Message.text(Rich.markup("Done")))).as("another one than clicked").isFalse();
        assertThat(click.update(shown, question("Only for you").answered(Rich.markup("Done")))).isTrue();
        assertThat(slack.hooked()).singleElement().satisfies(body -> {
            assertThat(body.get("replace_original").getAsBoolean()).isTrue();
            assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
            assertThat(body.get("blocks").toString()).contains("Done");
            assertThat(actionable(body.get("blocks").toString())).isFalse();
        });
    }

    @Test
    void theAppHomeIsUpdatedByPublishingIt() {
        MessageRef home = new SlackRef.Home("T1", "UALICE").ref();
        assertThat(messenger.update(home, Message.text(Rich.markup("*Home*")))).isTrue();
        assertThat(slack.calls()).extracting(WebApiStub.Call::method).containsExactly("views.publish");
    }
}

package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.MutableClock;

/**
 * The channels coordinators name, as they type them, found with the real Slack client against a stand-in for the
 * Web API that knows the workspace's channels: Tandem joins a public one it is not in, and none is a private one it
 * is not in, an archived one or an unknown name; a message to a named channel Tandem was taken out of joins it again
 * and goes, or is kept for later when it cannot (private), or refused for good (archived).
 */
class SlackChannelsTest {

    private static final Scope T1 = new Scope("slack", "T1");
    private static final ChannelRef KUDOS = new ChannelRef("slack", "T1", "CKUDOS", "kudos");

    private final StubbedSlack stubbed = new StubbedSlack();
    private final WebApiStub slack = stubbed.slack;
    private final MutableClock clock = stubbed.clock;
    private final MongoDatabase db = stubbed.db;
    private final List<Duration> pauses = stubbed.pauses;
    private final SlackMessenger messenger = stubbed.messenger();

    SlackChannelsTest() {
        slack.channel("CGENERAL", "general", false, false, true);
        slack.channel("CKUDOS", "kudos", false, false, false);
        slack.channel("GSECRET", "secret", true, false, false);
        slack.channel("GMENTORS", "mentors", true, false, true);
        slack.channel("COLD", "old-kudos", false, true, false);
    }

    @AfterEach
    void close() throws Exception {
        stubbed.close();
    }

    private List<String> methods() {
        return slack.calls().stream().map(WebApiStub.Call::method).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<#CKUDOS|kudos>", "<#CKUDOS>", "CKUDOS", "#kudos", "kudos", "  #Kudos "})
    void whatACoordinatorTypesNamesThePublicChannelAndTandemJoinsIt(String typed) {
        assertThat(messenger.channel(T1, typed)).contains(KUDOS);
        assertThat(slack.member("CKUDOS")).isTrue();
        assertThat(slack.params("conversations.join")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("channel", "CKUDOS"));
    }

    @Test
    void aChannelTandemIsInIsNotJoinedAgainAndAPrivateOneItIsInIsFoundByName() {
        assertThat(messenger.channel(T1, "#general")).contains(new ChannelRef("slack", "T1", "CGENERAL", "general"));
        assertThat(messenger.channel(T1, "mentors")).contains(new ChannelRef("slack", "T1", "GMENTORS", "mentors"));
        assertThat(messenger.channel(T1, "<#GMENTORS|mentors>")).isPresent();
        assertThat(methods()).doesNotContain("conversations.join");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<#GSECRET|secret>", "GSECRET", "#secret", "<#COLD|old-kudos>", "#old-kudos", "#nowhere",
        "CNOWHERE", "<#CNOWHERE>"})
    void aPrivateChannelTandemIsNotInAnArchivedOneOrAnUnknownOneIsNone(String typed) {
        assertThat(messenger.channel(T1, typed)).isEmpty();
        assertThat(slack.member("GSECRET")).isFalse();
        assertThat(slack.member("COLD")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "#", "two words", "<@UALICE>", "#kudos!", "<#ckudos>"})
    void whatCannotBeAChannelIsNoneWithoutAskingSlack(String typed) {
        assertThat(messenger.channel(T1, typed)).isEmpty();
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void aNameIsLookedForPageAfterPageOfThePublicChannelsLeavingOutTheArchivedOnes() {
        for (int i = 0; i < 5; i++) {
            slack.channel("CX" + i, "team-" + i, false, false, true);
        }
        slack.pageSize(2);
        assertThat(messenger.channel(T1, "#team-3")).map(ChannelRef::id).contains("CX3");
        List<Map<String, String>> pages = slack.params("conversations.list");
        assertThat(pages).hasSize(4).allSatisfy(p -> assertThat(p).containsEntry("limit", "200")
                .hasEntrySatisfying("exclude_archived", v -> assertThat(v).isIn("1", "true")).hasEntrySatisfying("types", t -> assertThat(t)
                        .contains("public_channel")));
        assertThat(pages.get(0)).doesNotContainKey("cursor");
        assertThat(pages.subList(1, pages.size())).allSatisfy(p -> assertThat(p).containsKey("cursor"));
        assertThat(pages.get(3).get("cursor")).isEqualTo("next_6");

        assertThat(messenger.channel(T1, "#team-9")).as("every page read, then none").isEmpty();
        assertThat(slack.params("conversations.list")).hasSize(8);
    }

    @Test
    void aRateLimitedLookUpWaitsForTheRetryAfterAndAnswersAndOneThatStaysLimitedIsThrownNotTakenForNone() {
        slack.next("429:7");
        assertThat(messenger.channel(T1, "#general")).isPresent();
        assertThat(pauses).containsExactly(Duration.ofSeconds(7));

        slack.otherwise("429:1");
        assertThatThrownBy(() -> messenger.channel(T1, "#general")).isInstanceOf(WebApi.Failed.class);
    }

    @Test
    void aMessageToANamedChannelTandemWasTakenOutOfJoinsItAgainAndGoesOnce() {
        MessageRef ref = messenger.send(Address.channel(KUDOS), Message.text(Rich.literal("Thank you, Bob!")));
        assertThat(SlackRef.of(ref)).get().isInstanceOf(SlackRef.Posted.class);
        assertThat(methods()).containsExactly("chat.postMessage", "conversations.join", "chat.postMessage");
        assertThat(slack.posted("CKUDOS")).singleElement().satisfies(c -> assertThat(c.text())
                .isEqualTo("Thank you, Bob!"));
        messenger.send(Address.channel(KUDOS), Message.text(Rich.literal("And Carol!")));
        assertThat(methods()).as("in it now").endsWith("conversations.join", "chat.postMessage", "chat.postMessage");
    }

    @Test
    void aMessageToAPrivateChannelTandemCannotJoinIsKeptAndGoesOnceTandemIsInvitedBack() {
        ChannelRef secret = new ChannelRef("slack", "T1", "GSECRET", "secret");
        MessageRef ref = messenger.send(Address.channel(secret), Message.text(Rich.literal("Thank you, Bob!")));
        assertThat(SlackRef.of(ref)).get().isInstanceOf(SlackRef.Parked.class);
        assertThat(db.getCollection("slack_undelivered").find().first()).containsEntry("to", "channel:GSECRET")
                .containsEntry("status", "waiting").containsEntry("reason", "channel_not_found");
        assertThat(slack.posted("GSECRET")).isEmpty();

        slack.invite("GSECRET");
        clock.advance(Undelivered.FIRST_WAIT);
        assertThat(messenger.redeliver(10)).isEqualTo(1);
        assertThat(slack.posted("GSECRET")).singleElement().satisfies(c -> assertThat(c.text())
                .isEqualTo("Thank you, Bob!"));
    }

    @Test
    void aMessageToAnArchivedChannelIsRefusedForGoodWithoutTryingToJoin() {
        ChannelRef old = new ChannelRef("slack", "T1", "COLD", "old-kudos");
        messenger.send(Address.channel(old), Message.text(Rich.literal("Thank you, Bob!")));
        assertThat(methods()).containsExactly("chat.postMessage");
        assertThat(db.getCollection("slack_undelivered").find().first()).containsEntry("to", "channel:COLD")
                .containsEntry("status", "dead").containsEntry("reason", "is_archived");
    }

    @Test
    void aGroupTandemIsNotInIsNeverJoined() {
        messenger.send(Address.group(new GroupRef("slack", "T1", "CKUDOS")), Message.text(Rich.literal("Hello")));
        assertThat(methods()).containsExactly("chat.postMessage");
        assertThat(slack.member("CKUDOS")).isFalse();
        assertThat(db.getCollection("slack_undelivered").countDocuments(new Document("to", "group:CKUDOS")))
                .isEqualTo(1);
    }
}

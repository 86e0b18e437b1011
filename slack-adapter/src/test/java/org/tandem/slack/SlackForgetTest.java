package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.Pacing;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.SendBudgets;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.TestMongo;

/**
 * A person who erased their data leaves nothing in the Slack adapter's collections: what waited for them, the
 * copies kept for others that show their name or what they wrote (however Block Kit escaped it), and their id.
 */
class SlackForgetTest {

    static final String HOPE = "Speak at the <all-hands> & be heard";
    static final PersonRef UNA = new PersonRef("slack", "T1", "UUNA");

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final PendingForms forms = new PendingForms(db, clock);
    private final Undelivered undelivered = new Undelivered(db, clock);
    private final AdminChannels admins = new AdminChannels(db, null);
    private final Installations installations = new Installations(db, clock,
            TokenCipher.of(TokenCipherTest.KEY_A, List.of()));
    private final Pacing pacing = new Pacing(new SendBudgets(db, clock), "slack",
            new Pace(Pace.Rate.perSecond(1, 4), Pace.Rate.perMinute(600, 20)));
    private final SlackMessenger messenger = new SlackMessenger(
            new WebApi(Slack.getInstance(new SlackConfig()), t -> Optional.empty(), d -> { }, pacing),
            new SlackStores(forms, undelivered, admins, installations), p -> Locale.ENGLISH,
            t -> Messenger.Presence.UNKNOWN, null);

    /** Kept as the messenger keeps it: mrkdwn-escaped, inside Block Kit JSON written by Gson (HTML-safe). */
    static String blocks(String text) {
        return "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\""
                + BlockKit.escape(text).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                + "\"}}]";
    }

    @Test
    void everyCopyThatShowsThePersonGoesAndOthersStay() {
        String mine = forms.keep("T1", "UUNA", "{\"private_metadata\":\"dm\",\"blocks\":[]}");
        String aboutHer = forms.keep("T1", null, "{\"private_metadata\":\"admin\",\"blocks\":[{\"element\":"
                + "{\"initial_value\":\"SPEAK AT THE <ALL-HANDS> &   be heard\"}}]}");
        String unrelated = forms.keep("T1", "UBOB", "{\"private_metadata\":\"dm\",\"blocks\":[]}");
        undelivered.park("T1", "dm:UUNA", List.of(new Undelivered.Part("for Una", blocks("for Una"))), "HTTP 500",
                Duration.ZERO);
        undelivered.dead("T1", "dm:UUNA", "channel_not_found");
        undelivered.park("T1", "dm:UBOB", List.of(new Undelivered.Part("Una would like you as a mentor",
                blocks("Una Planted hopes: " + HOPE))), "HTTP 500", Duration.ZERO);
        undelivered.hold("T1", "admin", List.of(new Undelivered.Part("new", blocks("New: Una Planted"))));
        undelivered.park("T1", "dm:UBOB", List.of(new Undelivered.Part("your check-in", blocks("Have you met?"))),
                "HTTP 500", Duration.ZERO);
        admins.set("T1", "CADM", "UUNA", clock.instant());
        DefaultInstaller installer = new DefaultInstaller();
        installer.setTeamId("T1");
        installer.setInstallerUserId("UUNA");
        installer.setBotAccessToken("xoxb-1");
        installations.saveInstallerAndBot(installer);

        // what Slack's pace keeps of her: the budget of her DM (posted to her user id) and of Bob's
        pacing.reserve("T1", "UUNA");
        pacing.reserve("T1", "UBOB");

        messenger.forget(new Messenger.Forgotten(UNA, "Una Planted", Set.of(HOPE)));

        assertThat(forms.find(mine, "T1", "UUNA")).isEmpty();
        assertThat(forms.find(aboutHer, "T1", "UCAROL")).as("a coordinators' form quoting her").isEmpty();
        assertThat(forms.find(unrelated, "T1", "UBOB")).isPresent();
        assertThat(db.getCollection("slack_undelivered").find().into(new ArrayList<>()))
                .singleElement().satisfies(d -> assertThat(d.toJson()).contains("Have you met?"));
        for (String collection : db.listCollectionNames().into(new ArrayList<>())) {
            for (Document d : db.getCollection(collection).find()) {
                assertThat(Needles.readable(d.toJson())).as(collection).doesNotContain("UUNA", "Una Planted")
                        .doesNotContainIgnoringCase("all-hands");
            }
        }
        assertThat(db.getCollection("send_budgets").countDocuments()).as("the workspace's and Bob's budgets")
                .isEqualTo(2);
        pacing.forget("T1", "UBOB");
        assertThat(db.getCollection("send_budgets").countDocuments()).isEqualTo(1);
        assertThat(admins.of("T1")).as("the channel stays the admin channel").hasValue("CADM");
        assertThat(installations.botToken("T1")).hasValue("xoxb-1");
    }

    @Test
    void needlesAreFoundHoweverTheCopyWasEscapedOrCut() {
        Needles n = new Needles(Set.of(HOPE, "x".repeat(500), "  "));
        assertThat(n.foundIn(blocks("she wrote: " + HOPE))).isTrue();
        assertThat(n.foundIn(blocks("x".repeat(Needles.PREFIX) + "…"))).as("cut by the renderer").isTrue();
        assertThat(n.foundIn("plain text: speak at the <ALL-HANDS>\n&  be   heard")).isTrue();
        assertThat(n.foundIn(blocks("Speak at the all-hands"), null)).isFalse();
        assertThat(new Needles(Set.of()).none()).isTrue();
    }
}

package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What is sent to a conversation while a turn runs there follows the turn's replies; nobody waits for a lane. */
class LanesTest {

    private final Lanes lanes = new Lanes();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    private Lanes.Pending pending(String card, String text) {
        Activity a = Activity.createMessageActivity();
        a.setText(text);
        return new Lanes.Pending(card, a, activity -> {
            sent.add(activity.getText());
            return Optional.of("id-" + card);
        }, (id, later) -> sent.add("update " + id + ": " + later.getText()));
    }

    @Test
    void aFreeLaneSendsAtOnce() {
        lanes.send("t|a:ann", pending("c1", "hello"));
        assertThat(sent).containsExactly("hello");
        assertThat(lanes.waiting()).isZero();
    }

    @Test
    void whatIsSentDuringATurnFollowsItsRepliesInOrder() {
        try (Lanes.Hold turn = lanes.hold("t|a:bob")) {
            lanes.send("t|a:bob", pending("c1", "it clicked for both of you"));
            lanes.send("t|a:bob", pending("c2", "draft your agreement"));
            lanes.send("t|a:ann", pending("c3", "to someone else"));
            sent.add("thank you, noted (the turn's reply)");
            assertThat(lanes.waiting()).isEqualTo(2);
        }
        assertThat(sent).containsExactly("to someone else", "thank you, noted (the turn's reply)",
                "it clicked for both of you", "draft your agreement");
        assertThat(lanes.waiting()).isZero();
    }

    @Test
    void twoTurnsInOneConversationReleaseWhatWaitedWhenBothEnd() {
        Lanes.Hold first = lanes.hold("t|19:admin");
        Lanes.Hold second = lanes.hold("t|19:admin");
        lanes.send("t|19:admin", pending("c1", "notice"));
        first.close();
        assertThat(sent).isEmpty();
        second.close();
        assertThat(sent).containsExactly("notice");
    }

    @Test
    void aMessageUpdatedBeforeItWentOutGoesOutUpdated() {
        try (Lanes.Hold turn = lanes.hold("t|a:bob")) {
            lanes.send("t|a:bob", pending("c1", "a question"));
            Activity answered = Activity.createMessageActivity();
            answered.setText("a question, answered");
            assertThat(lanes.replace("c1", answered)).isTrue();
        }
        assertThat(sent).containsExactly("a question, answered");
        assertThat(lanes.replace("c1", Activity.createMessageActivity())).as("delivered: updated as any").isFalse();
    }

    @Test
    void turnsSendingToEachOthersConversationsDoNotWaitForEachOther() throws Exception {
        CountDownLatch bothHold = new CountDownLatch(2);
        CountDownLatch done = new CountDownLatch(2);
        for (String[] pair : new String[][] {{"t|a:ann", "t|a:bob"}, {"t|a:bob", "t|a:ann"}}) {
            new Thread(() -> {
                try (Lanes.Hold turn = lanes.hold(pair[0])) {
                    bothHold.countDown();
                    bothHold.await(5, TimeUnit.SECONDS);
                    lanes.send(pair[1], pending("to-" + pair[1], "to " + pair[1]));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            }).start();
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sent).containsExactlyInAnyOrder("to t|a:ann", "to t|a:bob");
    }
}

package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Pace;
import org.tandem.core.testing.Chat;

/** A coordinator's message reaches each participant once, through one due item each, spread over time. */
class BroadcastTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);
    private final List<Chat.Person> participants = List.of(seeded.alice, seeded.bob, seeded.frank, seeded.hugo,
            seeded.gina, seeded.eve, seeded.dan, seeded.ivy);

    private void compose(String text) {
        assertThat(seeded.carol.says("broadcast lead").form().formId()).isEqualTo("broadcast.form");
        String confirm = seeded.carol.submits("broadcast.form", Map.of("message", text)).text();
        assertThat(confirm).contains("Send this message to *8* participants of *Leadership*?", text,
                "[Send to 8] [Cancel]");
    }

    @Test
    void sentOncePerRecipientEvenWithTwoSweepersAndADoubleClick() {
        // a platform that takes one message a second from a workspace
        chat.outbox().pace(new Pace(Pace.Rate.perSecond(1, 1), Pace.Rate.perSecond(1, 1)));
        compose("Kick-off *drinks* on Friday at 5!");
        int mark = chat.mark();
        Chat.Pressable send = seeded.carol.button("Send to 8");
        assertThat(seeded.carol.press(send).text())
                .contains("On its way to 8 participants of *Leadership*", "spread over about 1 minute, at the pace");
        assertThat(seeded.carol.press(send).text()).as("a double click shows it was sent")
                .contains("✓ You chose: Send to 8");
        assertThat(seeded.carol.clicks(send.actionId(), send.value()).text()).contains("already sent or cancelled");

        assertThat(chat.core().sweep()).as("only the first is due at once: sends are spread").isEqualTo(1);
        chat.clock().advance(Duration.ofSeconds(10));
        TandemCore replica = new TandemCore(chat.db(), chat.outbox(), chat.clock());
        int swept = chat.core().sweep() + replica.sweep();
        chat.core().sweep();
        replica.sweep();
        assertThat(swept).isEqualTo(7);
        for (Chat.Person p : participants) {
            assertThat(p.dmsSince(mark).text()).as(p.ref().userId())
                    .containsOnlyOnce("*Message from the coordinators of Leadership*")
                    .contains("Kick-off *drinks* on Friday at 5!", "replies to me do not reach them");
        }
        assertThat(seeded.kim.dmsSince(mark).text()).as("Kim left the programme").isEmpty();
        assertThat(seeded.carol.says("audit").text()).contains("carol: sent a message to 8 participants of *Leadership*");
    }

    @Test
    void theSpreadIsTheWorkspacesPaceAndNoneWhereThePlatformHasNoLimit() {
        seeded.carol.says("broadcast lead");
        assertThat(seeded.carol.submits("broadcast.form", Map.of("message", "Hello")).text())
                .as("the confirmation says how long it takes").contains("It reaches everyone at once.");
        assertThat(seeded.carol.clicksButton("Send to 8").text()).as("no limit declared")
                .contains("On its way to 8 participants of *Leadership*. It goes out right away.");
        assertThat(chat.core().sweep()).as("all due at once").isEqualTo(8);

        chat.outbox().pace(new Pace(Pace.Rate.perSecond(1, 1), Pace.Rate.perMinute(4, 1)));
        seeded.carol.says("broadcast lead");
        assertThat(seeded.carol.submits("broadcast.form", Map.of("message", "Hello again")).text())
                .contains("It takes about 2 minutes to reach everyone, at the pace the platform takes messages.");
        assertThat(seeded.carol.clicksButton("Send to 8").text()).as("4 a minute: the 8th goes 7 × 15 s later")
                .contains("spread over about 2 minutes");
        assertThat(chat.core().sweep()).isEqualTo(1);
        chat.clock().advance(Duration.ofSeconds(15));
        assertThat(chat.core().sweep()).isEqualTo(1);
        chat.clock().advance(Duration.ofSeconds(90));
        assertThat(chat.core().sweep()).isEqualTo(6);
    }

    @Test
    void someoneWhoLeavesBeforeTheirTurnGetsNothing() {
        compose("See you at the workshop");
        seeded.carol.clicksButton("Send to 8");
        seeded.ivy.says("leave");
        seeded.ivy.clicksButton("Yes, leave");
        int mark = chat.mark();
        chat.clock().advance(Duration.ofMinutes(1));
        chat.core().sweep();
        assertThat(seeded.ivy.dmsSince(mark).text()).isEmpty();
        assertThat(seeded.dan.dmsSince(mark).text()).contains("See you at the workshop");
    }

    @Test
    void cancellingSendsNothingAndAnEmptyMessageIsAskedAgain() {
        seeded.carol.says("broadcast Leadership");
        assertThat(seeded.carol.submits("broadcast.form", Map.of("message", " ")).text()).contains("Please answer");
        seeded.carol.submits("broadcast.form", Map.of("message", "Never mind"));
        int mark = chat.mark();
        Chat.Pressable send = seeded.carol.button("Send to 8");
        assertThat(seeded.carol.clicksButton("Cancel").text()).contains("Not sent");
        assertThat(seeded.carol.press(send).text()).contains("✓ You chose: Cancel");
        assertThat(seeded.carol.clicks(send.actionId(), send.value()).text()).contains("already sent or cancelled");
        chat.clock().advance(Duration.ofMinutes(1));
        assertThat(chat.core().sweep()).isZero();
        assertThat(seeded.alice.dmsSince(mark).text()).isEmpty();
        assertThat(seeded.carol.says("broadcast").text()).contains("Which programme?");
    }
}

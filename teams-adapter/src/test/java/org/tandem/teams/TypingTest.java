package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A typing indicator shows only for a slow answer, and never after it. */
class TypingTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aQuickAnswerShowsNoTyping() throws InterruptedException {
        Typing typing = Typing.after(timer, Duration.ofMillis(200), () -> sent.add("typing"));
        typing.stop();
        sent.add("answer");
        Thread.sleep(400);
        assertThat(sent).containsExactly("answer");
    }

    @Test
    void aSlowAnswerShowsTypingFirstAndNothingAfterIt() throws InterruptedException {
        CountDownLatch typed = new CountDownLatch(1);
        Typing typing = Typing.after(timer, Duration.ofMillis(20), () -> {
            sent.add("typing");
            typed.countDown();
        });
        assertThat(typed.await(5, TimeUnit.SECONDS)).isTrue();
        typing.stop();
        sent.add("answer");
        typing.stop();
        Thread.sleep(100);
        assertThat(sent).containsExactly("typing", "answer");
    }

    @Test
    void withNoWaitTheFirstIndicatorGoesBeforeTheTurnGoesOn() {
        Typing typing = Typing.after(timer, Duration.ZERO, () -> sent.add("typing"));
        sent.add("answer");
        typing.stop();
        assertThat(sent).containsExactly("typing", "answer");
    }

    @Test
    void stoppingWaitsForAnIndicatorBeingSent() throws InterruptedException {
        CountDownLatch sending = new CountDownLatch(1);
        Typing typing = Typing.after(timer, Duration.ofMillis(10), () -> {
            sending.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add("typing");
        });
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
        typing.stop();
        sent.add("answer");
        assertThat(sent).as("the indicator Teams was sent arrives before the answer").containsExactly("typing",
                "answer");
    }
}

package org.tandem.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one retry policy: a doubling, capped, jittered wait, what the platform asked at least, and when to stop. */
class RetryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final Retry retry = new Retry(Duration.ofMinutes(1), Duration.ofHours(1), 5, Duration.ofDays(1));

    @Test
    void theWaitDoublesUpToTheLongestWithHalfOfItAtRandom() {
        for (int attempts = 1; attempts <= 10; attempts++) {
            Duration full = Duration.ofMinutes(Math.min(1L << (attempts - 1), 60));
            assertThat(retry.wait(attempts, Duration.ZERO)).as("after " + attempts)
                    .isBetween(full.dividedBy(2), full);
        }
    }

    @Test
    void whatThePlatformAskedForIsWaitedAtLeast() {
        assertThat(retry.wait(1, Duration.ofMinutes(7))).isEqualTo(Duration.ofMinutes(7));
        assertThat(retry.after(1, NOW, NOW, Duration.ofMinutes(7), true))
                .isEqualTo(new Retry.Next.Again(NOW.plus(Duration.ofMinutes(7))));
    }

    @Test
    void itGivesUpOnARefusalForGoodAfterTheLastAttemptOrOnceTooOld() {
        assertThat(retry.after(1, NOW, NOW, Duration.ZERO, false)).isInstanceOf(Retry.Next.GiveUp.class);
        assertThat(retry.after(4, NOW, NOW, Duration.ZERO, true)).isInstanceOf(Retry.Next.Again.class);
        assertThat(retry.after(5, NOW, NOW, Duration.ZERO, true)).isInstanceOf(Retry.Next.GiveUp.class);
        assertThat(retry.after(2, NOW, NOW.plus(Duration.ofDays(1)), Duration.ZERO, true))
                .isInstanceOf(Retry.Next.GiveUp.class);
        assertThat(new Retry(Duration.ofMinutes(1), Duration.ofHours(1), 5, Duration.ZERO)
                .after(2, NOW, NOW.plus(Duration.ofDays(400)), Duration.ZERO, true))
                .as("no age limit").isInstanceOf(Retry.Next.Again.class);
    }

    @Test
    void aPolicyThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new Retry(Duration.ZERO, Duration.ofHours(1), 5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retry(Duration.ofHours(2), Duration.ofHours(1), 5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retry(Duration.ofMinutes(1), Duration.ofHours(1), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));

    @Test
    void doublesWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long full = Math.min(1000L << (attempt - 1), 30_000);
            assertThat(backoff.delay(attempt, Optional.empty()).toMillis()).as("attempt %d", attempt)
                    .isBetween(full / 2, full);
        }
    }

    @Test
    void retryAfterWinsWithinTheCap() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(Delivery.retryAfter("2")).contains(Duration.ofSeconds(2));
        assertThat(Delivery.retryAfter("soon")).isEmpty();
    }
}

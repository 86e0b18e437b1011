package org.tandem.teams;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next try: what Teams asked for ({@code Retry-After}), else an exponential delay
 * with "equal jitter" (half fixed, half random) so that many senders throttled together do not retry together.
 */
record Backoff(Duration first, Duration max, RandomGenerator random) {

    Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(max) > 0 ? max : asked;
        }
        long base = first.toMillis();
        long exp = base << Math.min(Math.max(failedAttempts - 1, 0), 20);
        long capped = Math.min(exp, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}

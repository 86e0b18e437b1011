package org.tandem.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again what failed, and when to give up: the one policy of the core's due items and of what the
 * adapters could not deliver (Slack's and Teams' kept messages). A wait doubles from {@code first} up to
 * {@code longest}, with "equal jitter" (half of it fixed, half at random) so that many things that failed together
 * are not tried again together, and never shorter than what the platform asked for (its {@code Retry-After}).
 * After {@code maxAttempts} tries, or once the first try is {@code maxAge} old, it is given up.
 *
 * @param maxAge how long after its first try something is still worth trying; {@link Duration#ZERO} for no limit
 */
public record Retry(Duration first, Duration longest, int maxAttempts, Duration maxAge) {

    public Retry {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(maxAge, "maxAge");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 < first <= longest, not " + first + " and "
                    + longest);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("a maximum age cannot be negative");
        }
    }

    /** What to do after a failed try. */
    public sealed interface Next {
        /** Try again at this instant. */
        record Again(Instant at) implements Next {}

        /** Give it up, for this reason. */
        record GiveUp(String why) implements Next {}
    }

    /**
     * What follows the {@code attempts}-th failed try of something first tried at {@code since}: again after the
     * back-off (at least {@code atLeast}), or given up when the failure is for good, the tries are used up or it is
     * too old.
     */
    public Next after(int attempts, Instant since, Instant now, Duration atLeast, boolean retryable) {
        if (!retryable) {
            return new Next.GiveUp("refused for good");
        }
        if (attempts >= maxAttempts) {
            return new Next.GiveUp("gave up after " + attempts + " attempts");
        }
        if (!maxAge.isZero() && !now.isBefore(since.plus(maxAge))) {
            return new Next.GiveUp("still not done after " + maxAge);
        }
        return new Next.Again(now.plus(wait(attempts, atLeast)));
    }

    /**
     * The wait after {@code attempts} failed tries: doubled from {@code first}, capped, jittered, and at least
     * {@code atLeast}.
     */
    public Duration wait(int attempts, Duration atLeast) {
        long cap = longest.toMillis();
        long wait = first.toMillis();
        for (int i = 1; i < attempts && wait < cap; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, cap);
        Duration jittered = Duration.ofMillis(wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
        return atLeast.compareTo(jittered) > 0 ? atLeast : jittered;
    }
}

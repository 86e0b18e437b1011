package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tandem.core.store.Retry;
import org.tandem.core.testing.TestMongo;

/** Parked messages are claimed once at a time, and a given-up one is never claimed again and keeps no text. */
class UndeliveredTest {

    private final Undelivered store = new Undelivered(TestMongo.freshDatabase());
    private final Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aClaimLeasesTheMessageAndAGivenUpOneIsNeverClaimedAgain() {
        store.park("t1", "person:u1", Activity.createMessageActivity(), "503", now, Duration.ZERO);
        Undelivered.Parked p = store.claimDue(now).orElseThrow();
        assertThat(p.at()).isEqualTo(now);
        assertThat(store.claimDue(now)).as("leased").isEmpty();
        store.dead(p, "too old");
        assertThat(store.claimDue(now.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(store.count()).as("the fact is kept, for counting").isEqualTo(1);
    }

    @Test
    void aSweepThatLostItsClaimChangesNothing() {
        store.park("t1", "person:u1", Activity.createMessageActivity(), "503", now, Duration.ZERO);
        Undelivered.Parked first = store.claimDue(now).orElseThrow();
        // the first sweep hung past its lease: another replica took the message over
        Undelivered.Parked second = store.claimDue(now.plus(Undelivered.LEASE)).orElseThrow();

        store.delivered(first);
        store.dead(first, "too old");
        store.retryLater(first, now.plus(Duration.ofDays(1)), "late");
        assertThat(store.count()).as("the first sweep neither forgot nor gave it up").isEqualTo(1);

        store.retryLater(second, now.plus(Undelivered.LEASE), "503 again");
        assertThat(store.claimDue(now.plus(Undelivered.LEASE))).as("the second sweep's retry holds").isPresent();
    }

    @Test
    void aParkedMessageWaitsLongerAfterEachTryAndNoLongerThanAnHour() {
        for (int attempts = 1; attempts <= 12; attempts++) {
            Retry.Next next = Redelivery.RETRY.after(attempts, now, now, Duration.ZERO, true);
            Duration wait = Duration.between(now, ((Retry.Next.Again) next).at());
            Duration full = Duration.ofMinutes(1L << Math.min(attempts - 1, 6));
            Duration cap = full.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : full;
            assertThat(wait).as("after " + attempts).isBetween(cap.dividedBy(2), cap);
        }
        assertThat(Redelivery.RETRY.after(3, now, now.plus(Undelivered.MAX_AGE), Duration.ZERO, true))
                .as("a week old").isInstanceOf(Retry.Next.GiveUp.class);
    }
}

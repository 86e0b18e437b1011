package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.schema.Activity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
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
        store.dead(p.id(), "too old");
        assertThat(store.claimDue(now.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(store.count()).as("the fact is kept, for counting").isEqualTo(1);
    }
}

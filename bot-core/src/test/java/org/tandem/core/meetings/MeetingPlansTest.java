package org.tandem.core.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.testing.TestMongo;

/** One guarded document per pair: whatever the clicks and races, one meeting, with the invite's identity kept. */
class MeetingPlansTest {

    private static final Instant NOW = Instant.parse("2027-01-11T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final PersonRef ALICE = new PersonRef("webchat", "local", "alice");
    private static final PersonRef BOB = new PersonRef("webchat", "local", "bob");
    private static final PersonRef EVE = new PersonRef("webchat", "local", "eve");
    private static final List<Instant> TIMES = List.of(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)),
            NOW.plus(Duration.ofDays(3)));

    private final MeetingPlans plans = new MeetingPlans(TestMongo.freshDatabase());

    private static final MeetingPlans.Parties P1 = new MeetingPlans.Parties("p1", "local", "prog", ALICE, BOB);

    private MeetingPlan propose(PersonRef by) {
        return plans.propose(P1, by, TIMES, HOUR, NOW);
    }

    @Test
    void theOtherPicksATimeOnceAndOnlyTheyCan() {
        MeetingPlan proposed = propose(ALICE);
        assertThat(plans.agree("p1", proposed.version(), 0, ALICE, NOW)).as("not one's own proposal").isEmpty();
        assertThat(plans.agree("p1", proposed.version(), 0, EVE, NOW)).as("not someone else's pair").isEmpty();
        assertThat(plans.agree("p1", proposed.version(), 7, BOB, NOW)).as("no such time").isEmpty();

        MeetingPlan agreed = plans.agree("p1", proposed.version(), 1, BOB, NOW).orElseThrow();
        assertThat(agreed.status()).isEqualTo(MeetingPlan.Status.AGREED);
        assertThat(agreed.start()).contains(TIMES.get(1));
        assertThat(agreed.sequence()).isZero();
        assertThat(agreed.uid()).isNotEmpty();
        assertThat(plans.agree("p1", proposed.version(), 2, BOB, NOW)).as("a double click").isEmpty();
        assertThat(plans.find("p1").orElseThrow().start()).contains(TIMES.get(1));
    }

    @Test
    void twoAnswersAtOnceMakeOneMeeting() throws Exception {
        MeetingPlan proposed = propose(ALICE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Boolean>> answers = List.of(
                () -> { go.await(); return plans.agree("p1", proposed.version(), 0, BOB, NOW).isPresent(); },
                () -> { go.await(); return plans.agree("p1", proposed.version(), 2, BOB, NOW).isPresent(); },
                () -> { go.await(); return plans.decline("p1", proposed.version(), BOB, NOW).isPresent(); },
                () -> { go.await(); return plans.agree("p1", proposed.version(), 1, BOB, NOW).isPresent(); });
        List<Future<Boolean>> results = answers.stream().map(pool::submit).toList();
        go.countDown();
        long won = 0;
        for (Future<Boolean> r : results) {
            won += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void aRescheduleKeepsTheMeetingsIdentityAndACancelEndsIt() {
        MeetingPlan first = plans.agree("p1", propose(ALICE).version(), 0, BOB, NOW).orElseThrow();

        MeetingPlan moved = plans.propose(P1, BOB, List.of(TIMES.get(2)), HOUR, NOW);
        assertThat(plans.agree("p1", first.version(), 0, ALICE, NOW)).as("an answer to the replaced one").isEmpty();
        MeetingPlan again = plans.agree("p1", moved.version(), 0, ALICE, NOW).orElseThrow();
        assertThat(again.uid()).isEqualTo(first.uid());
        assertThat(again.sequence()).isEqualTo(1);
        assertThat(again.start()).contains(TIMES.get(2));

        assertThat(plans.cancel("p1", first.uid(), first.sequence(), BOB, NOW)).as("an old button").isEmpty();
        assertThat(plans.cancel("p1", again.uid(), again.sequence(), EVE, NOW)).as("not theirs").isEmpty();
        MeetingPlan cancelled = plans.cancel("p1", again.uid(), again.sequence(), BOB, NOW).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(MeetingPlan.Status.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(plans.cancel("p1", again.uid(), again.sequence(), BOB, NOW)).as("once").isEmpty();

        MeetingPlan next = plans.agree("p1", propose(ALICE).version(), 1, BOB, NOW).orElseThrow();
        assertThat(next.uid()).as("a new meeting after a cancelled one").isNotEqualTo(first.uid());
        assertThat(next.sequence()).isZero();
    }

    @Test
    void noneOfTheseWorksAndForgetMe() {
        MeetingPlan proposed = propose(BOB);
        assertThat(plans.decline("p1", proposed.version(), BOB, NOW)).as("not one's own").isEmpty();
        assertThat(plans.decline("p1", proposed.version(), ALICE, NOW).orElseThrow().status())
                .isEqualTo(MeetingPlan.Status.DECLINED);
        assertThat(plans.of(ALICE)).hasSize(1);

        plans.forget(ALICE);
        assertThat(plans.find("p1")).isEmpty();
        assertThat(plans.of(BOB)).isEmpty();
    }

    @Test
    void newTimesNobodyCanMakeLeaveTheAgreedMeetingAsItWas() {
        MeetingPlan agreed = plans.agree("p1", propose(ALICE).version(), 0, BOB, NOW).orElseThrow();
        MeetingPlan moving = plans.propose(P1, ALICE, List.of(TIMES.get(2)), HOUR, NOW);
        assertThat(moving.reschedule()).isTrue();
        assertThat(moving.booked()).as("the agreed time stands meanwhile").isTrue();
        MeetingPlan kept = plans.decline("p1", moving.version(), BOB, NOW).orElseThrow();
        assertThat(kept.status()).isEqualTo(MeetingPlan.Status.AGREED);
        assertThat(kept.start()).contains(TIMES.get(0));
        assertThat(kept.uid()).isEqualTo(agreed.uid());
        assertThat(kept.sequence()).as("no new invite for an unchanged meeting").isEqualTo(agreed.sequence());
    }

    @Test
    void whetherItHappenedIsSaidOnceAndTheNextMeetingIsANewOne() {
        MeetingPlan agreed = plans.agree("p1", propose(ALICE).version(), 0, BOB, NOW).orElseThrow();
        assertThat(plans.happened("p1", agreed.uid(), agreed.sequence(), true, NOW).orElseThrow().status())
                .isEqualTo(MeetingPlan.Status.HELD);
        assertThat(plans.happened("p1", agreed.uid(), agreed.sequence(), false, NOW)).as("once").isEmpty();
        assertThat(plans.statuses("prog")).containsEntry(MeetingPlan.Status.HELD, 1);
        MeetingPlan next = plans.agree("p1", propose(BOB).version(), 0, ALICE, NOW).orElseThrow();
        assertThat(next.uid()).isNotEqualTo(agreed.uid());
        assertThat(next.sequence()).isZero();
        plans.booked("p1", next.uid(), "event-1", BOB);
        assertThat(plans.find("p1").orElseThrow().eventId()).contains("event-1");
        assertThat(plans.eraseProgram("prog")).isEqualTo(1);
    }
}

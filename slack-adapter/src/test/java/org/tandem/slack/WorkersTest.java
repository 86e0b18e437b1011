package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One person's events in the order they came, other people in parallel, a failure not stopping the lane. */
class WorkersTest {

    @Test
    void aPersonsWorkRunsInOrderAndSurvivesAFailure() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        try (Workers workers = new Workers(3)) {
            assertThat(workers.submit("T1|U1", "boom", () -> {
                throw new IllegalStateException("boom");
            })).isTrue();
            IntStream.range(0, 200).forEach(i -> workers.submit("T1|U1", "n" + i, () -> done.add(i)));
        }
        assertThat(done).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void otherPeopleAreNotHeldUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        try (Workers workers = new Workers(4)) {
            String blocked = "T1|UA";
            String free = IntStream.range(0, 100).mapToObj(i -> "T1|U" + i)
                    .filter(k -> Math.floorMod(k.hashCode(), 4) != Math.floorMod(blocked.hashCode(), 4))
                    .findFirst().orElseThrow();
            workers.submit(blocked, "slow", () -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.submit(free, "quick", other::countDown);
            assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
        }
    }
}

package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.TestMongo;

/** The capacity and one-pair-per-mentee guards hold under concurrency, on a real MongoDB wire server. */
class PairsTest {

    private static final Scope SCOPE = new Scope("test", "t1");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Pairs pairs = new Pairs(TestMongo.freshDatabase());

    @Test
    void twoMenteesRacingForTheLastSlotOneWins() throws Exception {
        PersonRef mentor = person("mentor");
        pairs.open(SCOPE, "p1", person("early"), mentor, 2, PairStatus.REQUESTED, 10, List.of(), Optional.empty(), NOW);
        for (int round = 0; round < 20; round++) {
            String program = "race" + round;
            List<Pairs.Opened> results = race(16, i -> pairs.open(SCOPE, program, person("m" + i), mentor, 1,
                    PairStatus.REQUESTED, 10, List.of(), Optional.empty(), NOW));
            assertThat(results.stream().filter(r -> r.pair().isPresent())).hasSize(1);
            assertThat(results.stream().filter(r -> r.refusal().equals(Optional.of(Pairs.Refusal.MENTOR_FULL))))
                    .hasSize(15);
            assertThat(pairs.load(program, mentor)).isEqualTo(1);
        }
    }

    @Test
    void aMenteeDoubleClickingTwoMentorsGetsOnePair() throws Exception {
        PersonRef mentee = person("alice");
        List<Pairs.Opened> results = race(8, i -> pairs.open(SCOPE, "p1", mentee, person("mentor" + i), 3,
                PairStatus.REQUESTED, 10, List.of(), Optional.empty(), NOW));
        assertThat(results.stream().filter(r -> r.pair().isPresent())).hasSize(1);
        assertThat(results.stream().filter(r -> r.refusal().equals(Optional.of(Pairs.Refusal.MENTEE_ALREADY_PAIRED))))
                .hasSize(7);
        assertThat(pairs.of(mentee, PairStatus.OPEN)).hasSize(1);
    }

    @Test
    void closingAPairFreesTheSlotAndTheMentee() {
        PersonRef mentor = person("bob");
        PersonRef alice = person("alice");
        Pair p = pairs.open(SCOPE, "p1", alice, mentor, 1, PairStatus.REQUESTED, 10, List.of(), Optional.empty(), NOW)
                .pair().orElseThrow();
        assertThat(pairs.open(SCOPE, "p1", person("carl"), mentor, 1, PairStatus.REQUESTED, 10, List.of(),
                Optional.empty(), NOW).refusal()).contains(Pairs.Refusal.MENTOR_FULL);

        assertThat(pairs.move(p.id(), EnumSet.of(PairStatus.REQUESTED), PairStatus.DECLINED, NOW)).isPresent();
        assertThat(pairs.move(p.id(), EnumSet.of(PairStatus.REQUESTED), PairStatus.DECLINED, NOW))
                .as("a second decline finds nothing to move").isEmpty();
        assertThat(pairs.open(SCOPE, "p1", person("carl"), mentor, 1, PairStatus.REQUESTED, 10, List.of(),
                Optional.empty(), NOW).pair()).isPresent();
        assertThat(pairs.open(SCOPE, "p1", alice, person("dan"), 1, PairStatus.REQUESTED, 10, List.of(),
                Optional.empty(), NOW).pair()).isPresent();
    }

    @Test
    void eachSideAnswersTheClickCheckOncePerRound() {
        Pair p = pairs.open(SCOPE, "p1", person("a"), person("b"), 1, PairStatus.INTRODUCED, 10, List.of(),
                Optional.empty(), NOW).pair().orElseThrow();
        assertThat(pairs.answerClick(p.id(), "mentee", "unsure", 0)).isPresent();
        assertThat(pairs.answerClick(p.id(), "mentee", "yes", 0)).isEmpty();
        assertThat(pairs.newClickRound(p.id(), 0)).isPresent();
        assertThat(pairs.answerClick(p.id(), "mentee", "yes", 1).orElseThrow().clicks()).containsEntry("mentee", "yes");
    }

    private static PersonRef person(String id) {
        return new PersonRef("test", "t1", id);
    }

    private interface Attempt {
        Pairs.Opened run(int i);
    }

    private static List<Pairs.Opened> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Pairs.Opened>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<Pairs.Opened>) () -> {
                    start.await();
                    return attempt.run(k);
                }));
            }
            start.countDown();
            List<Pairs.Opened> out = new ArrayList<>();
            for (Future<Pairs.Opened> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

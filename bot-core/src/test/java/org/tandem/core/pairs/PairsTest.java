package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
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

        assertThat(pairs.decline(p.id(), "time", NOW)).isPresent();
        assertThat(pairs.decline(p.id(), "time", NOW))
                .as("a second decline finds nothing to move").isEmpty();
        assertThat(pairs.open(SCOPE, "p1", person("carl"), mentor, 1, PairStatus.REQUESTED, 10, List.of(),
                Optional.empty(), NOW).pair()).isPresent();
        assertThat(pairs.open(SCOPE, "p1", alice, person("dan"), 1, PairStatus.REQUESTED, 10, List.of(),
                Optional.empty(), NOW).pair()).isPresent();
    }

    @Test
    void everyMoveStartsOnlyFromItsStatusesAndAClosedPairMovesNoMore() {
        for (PairStatus.Transition move : PairStatus.Transition.values()) {
            // a pair is opened in an open status; the table below says no move starts from a closed one
            for (PairStatus from : PairStatus.OPEN) {
                Pair p = pairs.open(SCOPE, "p-" + move + "-" + from, person("m-" + move + from),
                        person("t-" + move + from), 1, from, 10, List.of(), Optional.empty(), NOW).pair().orElseThrow();
                Optional<Pair> moved = make(move, p.id());
                if (move.allows(from)) {
                    assertThat(moved).as(move + " from " + from).map(Pair::status).contains(move.to());
                } else {
                    assertThat(moved).as(move + " from " + from + " changes nothing").isEmpty();
                    assertThat(pairs.find(p.id()).orElseThrow().status()).isEqualTo(from);
                }
            }
        }
        for (PairStatus.Transition move : PairStatus.Transition.values()) {
            assertThat(move.from()).as(move + " never starts from a closed pair").allMatch(PairStatus::open);
        }
    }

    @Test
    void endingFromOutsideWithdrawsAProposalAndEndsAPairTheTwoKnewOf() {
        Pair proposed = pairs.open(SCOPE, "p1", person("a"), person("b"), 1, PairStatus.PROPOSED, 10, List.of(),
                Optional.empty(), NOW).pair().orElseThrow();
        Pair active = pairs.open(SCOPE, "p2", person("c"), person("d"), 1, PairStatus.ACTIVE, 10, List.of(),
                Optional.empty(), NOW).pair().orElseThrow();

        assertThat(pairs.end(proposed.id(), Pairs.EndedBy.COORDINATOR, NOW)).map(Pair::status)
                .contains(PairStatus.WITHDRAWN);
        assertThat(pairs.end(active.id(), Pairs.EndedBy.ERASURE, NOW)).map(Pair::status).contains(PairStatus.ENDED);
        assertThat(pairs.end(active.id(), Pairs.EndedBy.ERASURE, NOW)).as("already closed").isEmpty();
    }

    @Test
    void aPairThatClosesIsPublishedOnceAndAnOpenMoveIsNot() {
        org.tandem.core.module.Events events = new org.tandem.core.module.Events();
        List<Pair> closed = new java.util.ArrayList<>();
        events.on(PairClosed.class, e -> closed.add(e.pair()));
        Pairs told = new Pairs(TestMongo.freshDatabase(), events);
        Pair p = told.open(SCOPE, "p1", person("a"), person("b"), 1, PairStatus.REQUESTED, 10, List.of(),
                Optional.empty(), NOW).pair().orElseThrow();

        told.accept(p.id(), NOW);
        assertThat(closed).isEmpty();
        told.introduce(p.id(), "g1", NOW);
        told.missClick(p.id(), NOW);
        told.missClick(p.id(), NOW);
        assertThat(closed).extracting(Pair::status).containsExactly(PairStatus.NO_CLICK);
    }

    private Optional<Pair> make(PairStatus.Transition move, String id) {
        return pairs.move(move, id, NOW);
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

package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Objective;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Shortlist;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.testing.TestMongo;

/**
 * Stored rounds: a plan of any size is written as small documents and read back exactly; a newer preview
 * supersedes the older, whose proposals go; forget-me and a programme's erasure leave nothing behind.
 */
class MatchRunsTest {

    private static final String TENANT = "t1";
    private static final int MIB = 1024 * 1024;
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final MongoDatabase db = TestMongo.freshDatabase();
    private final MatchRuns runs = new MatchRuns(db);

    private static String key(String user) {
        return new PersonRef("test", TENANT, user).key();
    }

    private static Score score(int i) {
        int topics = i % 7;
        List<Reason> reasons = new ArrayList<>(List.of(
                new Reason(Criterion.SENIORITY, 4, "match.reason.seniority.one-ahead", List.of()),
                new Reason(Criterion.TIME_ZONE, 3, "match.reason.time-zone.same", List.of("Europe/Paris"))));
        reasons.add(topics == 0 ? new Reason(Criterion.TOPICS, 0, "match.reason.topics.none", List.of())
                : new Reason(Criterion.TOPICS, topics, "match.reason.topics", List.of("leadership, public speaking")));
        return new Score(7 + topics, reasons);
    }

    /** {@code matched} mentees with a mentor and a shortlist of {@code options}, then {@code pool} left unmatched. */
    private static Plan plan(int matched, int options, int pool) {
        List<Assignment> assignments = new ArrayList<>();
        Map<String, Shortlist> shortlists = new LinkedHashMap<>();
        for (int i = 0; i < matched; i++) {
            String mentee = key("mentee" + i);
            assignments.add(new Assignment(mentee, key("mentor" + (i % 5000)), score(i)));
            List<Shortlist.Option> list = new ArrayList<>();
            for (int o = 0; o < options; o++) {
                list.add(new Shortlist.Option(key("mentor" + ((i + o) % 5000)), score(i + o), o == 0));
            }
            shortlists.put(mentee, options == 3 ? new Shortlist(mentee, list)
                    : new Shortlist(mentee, list, Shortlist.FEW, List.of(String.valueOf(options))));
        }
        List<Unmatched> unmatched = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            unmatched.add(new Unmatched(key("waiting" + i), "match.unmatched.topics", List.of("negotiation")));
        }
        return new Plan(assignments, unmatched, new Objective(matched, 12, 123_456_789_012L, 345), shortlists,
                List.of(192, 150, 98, 55), List.of(new Plan.Wanted("negotiation", 12, 3)));
    }

    private List<RawBsonDocument> stored(String collection) {
        return db.getCollection(collection, RawBsonDocument.class).find().into(new ArrayList<>());
    }

    @Test
    void aPlanOfAnySizeIsStoredInSmallDocumentsAndReadBackExactly() {
        Plan plan = plan(20_000, 3, 5_000);
        MatchRuns.Run run = runs.preview("p1", TENANT, "carol", plan, NOW);

        List<RawBsonDocument> all = new ArrayList<>(stored("match_runs"));
        all.addAll(stored("match_proposals"));
        assertThat(all).hasSizeGreaterThan(40);
        assertThat(all).allSatisfy(d -> assertThat(d.getByteBuffer().remaining())
                .as("bytes of %s", d.get("_id")).isLessThan(MIB));
        assertThat(stored("match_runs")).singleElement()
                .satisfies(d -> assertThat(d.getByteBuffer().remaining()).isLessThan(16 * 1024));

        MatchRuns.Run back = runs.find(run.id()).orElseThrow();
        assertThat(back.assignments()).isEqualTo(plan.assignments());
        assertThat(List.copyOf(back.shortlists().keySet())).isEqualTo(List.copyOf(plan.shortlists().keySet()));
        assertThat(back.shortlists()).isEqualTo(plan.shortlists());
        assertThat(back.unmatched()).isEqualTo(plan.unmatched());
        assertThat(back.status()).isEqualTo("preview");
        assertThat(back.at()).isEqualTo(NOW);
        assertThat(back.head().objective()).isEqualTo(plan.objective());
        assertThat(back.head().loads()).containsExactly(192, 150, 98, 55);
        assertThat(back.head().wanted()).containsExactly(new Plan.Wanted("negotiation", 12, 3));
        assertThat(back.head().counts()).isEqualTo(new MatchRuns.Counts(20_000, 20_000, 5_000,
                (int) plan.compromises()));

        // a page is the preview's order, read from the chunks that hold it
        List<Assignment> ordered = Preview.ordered(plan.assignments());
        MatchRuns.Head head = runs.head(run.id()).orElseThrow();
        assertThat(runs.proposals(head, 0, 40)).isEqualTo(ordered.subList(0, 40));
        assertThat(runs.proposals(head, 490, 40)).isEqualTo(ordered.subList(490, 530));
        assertThat(runs.proposals(head, 19_990, 40)).isEqualTo(ordered.subList(19_990, 20_000));
    }

    @Test
    void aShortlistTooShortKeepsWhyAndAnEmptyPlanStoresNothingButItsNumbers() {
        Plan plan = plan(3, 1, 0);
        MatchRuns.Run run = runs.preview("p1", TENANT, "carol", plan, NOW);
        assertThat(runs.find(run.id()).orElseThrow().shortlists().values()).extracting(Shortlist::why)
                .containsOnly(Shortlist.FEW);

        Plan empty = new Plan(List.of(), List.of(), new Objective(0, 0), Map.of(), List.of(), List.of());
        MatchRuns.Run none = runs.preview("p2", TENANT, "carol", empty, NOW);
        MatchRuns.Run back = runs.find(none.id()).orElseThrow();
        assertThat(back.assignments()).isEmpty();
        assertThat(back.shortlists()).isEmpty();
        assertThat(runs.proposals(back.head(), 0, 40)).isEmpty();
    }

    @Test
    void aNewerPreviewSupersedesTheOlderWhoseProposalsGoAndAConfirmedRoundStays() {
        MatchRuns.Run first = runs.preview("p1", TENANT, "carol", plan(600, 3, 10), NOW);
        assertThat(runs.confirm(first.id())).isTrue();
        assertThat(runs.confirm(first.id())).as("once").isFalse();
        MatchRuns.Run second = runs.preview("p1", TENANT, "carol", plan(600, 3, 10), NOW);
        MatchRuns.Run third = runs.preview("p1", TENANT, "carol", plan(5, 3, 1), NOW.plusSeconds(60));

        assertThat(runs.find(second.id()).orElseThrow().status()).isEqualTo("superseded");
        assertThat(runs.confirm(second.id())).isFalse();
        assertThat(runs.pending("p1").orElseThrow().id()).isEqualTo(third.id());
        assertThat(runs.latestConfirmed("p1").orElseThrow().assignments()).hasSize(600);
        assertThat(db.getCollection("match_proposals").countDocuments(new Document("run", second.id())))
                .as("a superseded preview can never be confirmed: its proposals are deleted").isZero();
        assertThat(db.getCollection("match_proposals").countDocuments(new Document("run", first.id())))
                .isPositive();
        // a swap reads one mentee's list of the confirmed round, from the one chunk that holds it
        String late = first.assignments().get(599).mentee();
        assertThat(runs.confirmedShortlist("p1", late)).get().isEqualTo(first.shortlists().get(late));
        assertThat(runs.confirmedShortlist("p1", "nobody")).isEmpty();
        assertThat(runs.confirmedShortlist("p9", late)).as("no confirmed round there").isEmpty();
    }

    @Test
    void forgetMeTakesThePersonOutOfEveryKindOfEveryRoundOfTheirWorkspace() {
        // mentor7 is the mentor of mentee7 and an option on three shortlists; mentee3 has a pair and a shortlist;
        // waiting2 is in the pool; carol ran the first round
        Plan plan = plan(1200, 3, 10);
        MatchRuns.Run first = runs.preview("p1", TENANT, "carol", plan, NOW);
        runs.confirm(first.id());
        MatchRuns.Run second = runs.preview("p2", TENANT, "dana", plan, NOW);
        MatchRuns.Run elsewhere = runs.preview("p3", "t2", "carol", plan, NOW);

        for (String gone : List.of("mentor7", "mentee3", "waiting2", "carol")) {
            runs.forget(new PersonRef("test", TENANT, gone));
        }

        for (String id : List.of(first.id(), second.id())) {
            MatchRuns.Run back = runs.find(id).orElseThrow();
            assertThat(back.assignments()).hasSize(plan.assignments().size() - 2)
                    .noneMatch(a -> a.mentor().equals(key("mentor7")) || a.mentee().equals(key("mentee3")));
            assertThat(back.shortlists()).hasSize(plan.shortlists().size() - 1).doesNotContainKey(key("mentee3"));
            assertThat(back.shortlists().values()).flatExtracting(Shortlist::options)
                    .extracting(Shortlist.Option::mentor)
                    .doesNotContain(key("mentor7")).contains(key("mentor8"));
            assertThat(back.unmatched()).hasSize(9).extracting(Unmatched::mentee).doesNotContain(key("waiting2"));
        }
        List<String> json = new ArrayList<>();
        for (String collection : List.of("match_runs", "match_proposals")) {
            for (Document d : db.getCollection(collection).find(new Document("tenant", TENANT))) {
                json.add(d.toJson());
            }
        }
        assertThat(json).noneMatch(j -> j.contains(key("mentor7") + "\"") || j.contains(key("mentee3") + "\"")
                || j.contains(key("waiting2") + "\"") || j.contains("\"carol\""));
        assertThat(runs.find(elsewhere.id()).orElseThrow().assignments()).as("another workspace's people are others")
                .hasSize(plan.assignments().size());

        // the pages stay where they were, one line shorter where a proposal went
        MatchRuns.Head head = runs.head(second.id()).orElseThrow();
        List<Assignment> ordered = Preview.ordered(plan.assignments()).stream()
                .filter(a -> !a.mentor().equals(key("mentor7")) && !a.mentee().equals(key("mentee3"))).toList();
        List<Assignment> pages = new ArrayList<>();
        for (int from = 0; from < head.counts().assignments(); from += 40) {
            pages.addAll(runs.proposals(head, from, 40));
        }
        assertThat(pages).isEqualTo(ordered);
    }

    @Test
    void erasingAProgrammeLeavesNothingOfItsRounds() {
        runs.preview("p1", TENANT, "carol", plan(1200, 3, 10), NOW);
        runs.confirm(runs.pending("p1").orElseThrow().id());
        runs.preview("p1", TENANT, "carol", plan(700, 3, 10), NOW);
        MatchRuns.Run other = runs.preview("p2", TENANT, "carol", plan(10, 3, 1), NOW);

        runs.eraseProgram("p1");

        assertThat(db.getCollection("match_runs").countDocuments(new Document("program", "p1"))).isZero();
        assertThat(db.getCollection("match_proposals").countDocuments(new Document("program", "p1"))).isZero();
        assertThat(runs.pending("p1")).isEmpty();
        assertThat(runs.find(other.id()).orElseThrow().assignments()).hasSize(10);
    }

    @Test
    void aRoundStoredBeforeProposalsWereChunkedStillReadsAndIsForgotten() {
        Plan plan = plan(3, 2, 1);
        Document legacy = new Document("_id", "rold").append("tenant", TENANT).append("program", "p1")
                .append("by", "carol").append("at", Date.from(NOW)).append("status", "confirmed")
                .append("assignments", plan.assignments().stream().map(ProposalDocs::assignment).toList())
                .append("shortlists", plan.shortlists().values().stream().map(s -> {
                    Document d = ProposalDocs.shortlist(s);
                    d.remove("why");
                    d.remove("whyArgs");
                    return d;
                }).toList())
                .append("unmatched", plan.unmatched().stream().map(ProposalDocs::unmatched).toList());
        db.getCollection("match_runs").insertOne(legacy);

        MatchRuns.Run back = runs.latestConfirmed("p1").orElseThrow();
        assertThat(back.assignments()).isEqualTo(plan.assignments());
        assertThat(back.unmatched()).isEqualTo(plan.unmatched());
        assertThat(back.shortlists().get(key("mentee1")).options()).hasSize(2);

        runs.forget(new PersonRef("test", TENANT, "mentor1"));
        runs.forget(new PersonRef("test", TENANT, "waiting0"));
        assertThat(db.getCollection("match_runs").find().first().toJson()).doesNotContain(key("mentor1") + "\"",
                key("waiting0") + "\"");
    }
}

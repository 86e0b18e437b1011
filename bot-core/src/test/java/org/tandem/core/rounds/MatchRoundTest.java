package org.tandem.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Objective;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Score;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.people.People;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** Matching rounds end to end, through the neutral model on the embedded MongoDB. */
class MatchRoundTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Pairs pairs = new Pairs(chat.db());

    private void programme(String mode) {
        Map<String, Object> p = Forms.with(Forms.with(Forms.program("Leadership"), "matching", mode),
                "languages", List.of("en", "fr", "pt"));
        carol.submits("program.create", p);
        carol.says("program open Leadership");
    }

    private Chat.Person mentee(String id, Map<String, Object> answers) {
        Chat.Person p = chat.person(id);
        Seed.enrolMentee(p, answers);
        return p;
    }

    private Chat.Person mentor(String id, Map<String, Object> answers) {
        Chat.Person p = chat.person(id);
        Seed.enrolMentor(p, answers);
        return p;
    }

    @Test
    void aCommandThatNeedsAProgrammeOffersThemAsButtons() {
        programme("mentee-chooses");
        carol.submits("program.create", Forms.program("Career"));
        mentee("alice", Forms.mentee());
        mentor("bob", Forms.mentor());

        Chat.Replies which = carol.says("match");
        assertThat(which.text()).contains("Which programme?");
        assertThat(which.buttonLabels()).containsExactly("Leadership", "Career");
        assertThat(carol.clicksButton("Leadership").text()).contains("*Matching preview* for *Leadership*");

        assertThat(carol.says("match weights Lead").text()).doesNotContain("Which programme");
        assertThat(carol.says("status Nowhere").buttonLabels()).containsExactly("Leadership", "Career");
        assertThat(carol.clicksButton("Career").text()).contains("Career");
    }

    @Test
    void previewConfirmChooseAcceptMeetClick() {
        programme("mentee-chooses");
        Chat.Person alice = mentee("alice", Forms.mentee());
        Chat.Person tess = mentee("tess", Forms.with(Forms.mentee(), "languages", List.of("pt")));
        Chat.Person bob = mentor("bob", Forms.mentor());
        mentor("dora", Forms.with(Forms.with(Forms.mentor(), "topics", List.of("negotiation")), "department", "Finance"));

        String preview = carol.says("match").text();
        assertThat(preview).contains("*Matching preview* for *Leadership*: 1 of 2 mentees matched",
                "• Alice → Bob (score", "Topics", "*Staying in the pool* (1)",
                "• Tess: No mentor speaks Portuguese yet", "[Confirm]");
        // the proposals page on from the stored preview, while it can be confirmed
        String run = carol.button("Confirm").value();
        assertThat(carol.clicks("match.page", run + ":0").text()).contains("continued", "• Alice → Bob (score");
        assertThat(carol.clicks("match.page", run + ":7").text()).contains("no longer");

        int mark = chat.mark();
        assertThat(carol.clicksButton("Confirm").text()).contains("1 mentee received their shortlist",
                "1 stays in the pool and was told why");
        assertThat(tess.dmsSince(mark).text()).contains("No mentor speaks");
        String shortlist = alice.dmsSince(mark).text();
        assertThat(shortlist).contains("*Your mentor shortlist* for *Leadership*", "*Bob* — Engineering",
                "Why this mentor: Can help with public speaking, leadership", "“Someone did it for me.”", "[Ask Bob]", "[See their profiles]");
        assertThat(alice.clicksButton("See their profiles").text()).contains("Years of experience: 15");
        assertThat(carol.says("match confirm").text()).contains("no preview to confirm");

        alice.clicksButton("Ask Bob");
        bob.clicksButton("Accept");
        Pair pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        assertThat(pair.status()).isEqualTo(PairStatus.INTRODUCED);
        alice.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        alice.clicksButton("Yes");
        bob.clicksButton("Yes");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
        assertThat(carol.says("programs").text()).contains("Running");
    }

    @Test
    void aBigPreviewKeepsWithinFiftyBlocksSaysItsNumbersAndPagesFromTheStore() {
        programme("mentee-chooses");
        Program program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership")
                .orElseThrow();
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int topics = i % 9 == 0 ? 0 : 10;
            Reason why = topics == 0 ? new Reason(Criterion.TOPICS, 0, "match.reason.topics.none", List.of())
                    : new Reason(Criterion.TOPICS, topics, "match.reason.topics", List.of("leadership"));
            assignments.add(new Assignment(new PersonRef("test", Chat.TENANT, "mentee" + i).key(),
                    new PersonRef("test", Chat.TENANT, "mentor" + i).key(), new Score(topics + i, List.of(why,
                            new Reason(Criterion.SENIORITY, i, "match.reason.seniority.one-ahead", List.of())))));
        }
        List<Unmatched> pool = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            pool.add(new Unmatched(new PersonRef("test", Chat.TENANT, "waiting" + i).key(), "match.unmatched.topics",
                    List.of("negotiation")));
        }
        Plan plan = new Plan(assignments, pool, new Objective(100, 12, 5_000, 0), Map.of(), List.of(3, 40, 30),
                List.of(new Plan.Wanted("negotiation", 55, 0)));
        MatchRuns.Run run = new MatchRuns(chat.db()).preview(program.id(), Chat.TENANT, "carol", plan,
                chat.clock().instant());
        List<Assignment> ordered = Preview.ordered(assignments);

        Message preview = Preview.message(Texts.of(Locale.ENGLISH), program, run, plan, 155, new People(chat.db()));
        assertThat(preview.blocks()).hasSizeLessThan(20);
        assertThat(new Chat.Replies(List.of(preview)).text()).contains(
                "Mentors' load: 3 with none · 40 with one · 30 with two",
                "⚠ 12 proposals are compromises", "One more mentor in *negotiation* would help: 55 mentees",
                "• waiting39: No mentor covers negotiation yet", "… and 15 more, not shown here",
                "Proposals 1–40 of 100", "[Next 40 proposals]").doesNotContain("waiting40");

        Chat.Replies second = carol.clicks("match.page", run.id() + ":40");
        assertThat(second.text()).contains("continued", "Proposals 41–80 of 100",
                "• " + name(ordered.get(40)) + " (score", "• " + name(ordered.get(79)) + " (score")
                .doesNotContain(name(ordered.get(39)) + " (score", name(ordered.get(80)) + " (score");
        assertThat(second.blocks(Block.Buttons.class)).singleElement()
                .satisfies(b -> assertThat(b.buttons().get(0).value()).isEqualTo(run.id() + ":80"));
        Chat.Replies last = carol.clicks("match.page", run.id() + ":80");
        assertThat(last.text()).contains("Proposals 81–100 of 100", "• " + name(ordered.get(99)) + " (score")
                .doesNotContain("Next");
        assertThat(carol.clicks("match.page", run.id() + ":100").text()).contains("no longer");
        assertThat(carol.clicks("match.page", run.id() + ":x").text()).contains("no longer");
    }

    private static String name(Assignment a) {
        return PersonRef.fromKey(a.mentee()).userId() + " → " + PersonRef.fromKey(a.mentor()).userId();
    }

    @Test
    void theShortlistIsRankedAndACompromiseSaysWhatItLacks() {
        programme("mentee-chooses");
        // a mentor without her topic is offered only where the coordinators relaxed that need
        carol.says("match weights Leadership");
        carol.submits("match.weights", Map.of("topics", "5", "seniority", "2", "department", "2", "time-zone", "2",
                "format", "2", "needs", List.of("time-zone", "format"), "spread", "5", "shortlist", "3"));
        Chat.Person alice = mentee("alice", Forms.mentee());
        mentor("bob", Forms.mentor());
        mentor("dora", Forms.with(Forms.with(Forms.mentor(), "topics", List.of("negotiation")), "department", "Legal"));
        carol.says("match");
        int mark = chat.mark();
        carol.clicksButton("Confirm");

        Chat.Replies list = alice.dmsSince(mark);
        assertThat(list.text()).contains("1. *Bob* — Engineering · the best fit", "2. *Dora* — Legal",
                "⚠ A compromise: Covers none of your topics");
        assertThat(list.text().indexOf("*Bob*")).isLessThan(list.text().indexOf("*Dora*"));
        List<Block.Button> asks = list.blocks(Block.Buttons.class).stream().flatMap(b -> b.buttons().stream())
                .filter(b -> b.label().startsWith("Ask ")).toList();
        assertThat(asks).extracting(Block.Button::label, Block.Button::style)
                .containsExactly(tuple("Ask Bob", Block.Style.PRIMARY), tuple("Ask Dora", Block.Style.DEFAULT));
    }

    @Test
    void aDeclineOffersTheOtherOptionsAndANoClickIsNeverProposedAgain() {
        programme("mentee-chooses");
        Chat.Person alice = mentee("alice", Forms.mentee());
        Chat.Person bob = mentor("bob", Forms.mentor());
        Chat.Person cleo = mentor("cleo", Forms.with(Forms.mentor(), "department", "Legal"));
        carol.says("match");
        carol.clicksButton("Confirm");
        assertThat(alice.inbox().buttonLabels()).contains("Ask Bob", "Ask Cleo");
        alice.clicksButton("Ask Bob");
        bob.clicksButton("Decline");
        int mark = chat.mark();
        bob.submits("request.decline-form", Map.of("reason", ""));
        assertThat(alice.dmsSince(mark).text()).contains("Here are your other options", "[Ask Cleo]")
                .doesNotContain("[Ask Bob]");

        alice.clicksButton("Ask Cleo");
        cleo.clicksButton("Accept");
        Pair pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        alice.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        alice.clicksButton("No");
        cleo.clicksButton("Yes");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.NO_CLICK);

        String again = carol.says("match").text();
        assertThat(again).contains("0 of 1 mentee matched", "You have already met every mentor who could fit you");
    }

    @Test
    void automaticModeSendsRequestsStraightToTheMentors() {
        programme("automatic");
        Chat.Person alice = mentee("alice", Forms.mentee());
        Chat.Person bob = mentor("bob", Forms.mentor());
        carol.says("match");
        int mark = chat.mark();
        assertThat(carol.says("match confirm Leadership").text()).contains("1 request sent to mentors");
        assertThat(bob.dmsSince(mark).text()).contains("*Alice* would like you as their mentor");
        assertThat(alice.dmsSince(mark).text()).contains("I have asked *Bob*");
    }

    @Test
    void coordinatorsApproveRejectOrSwap() {
        programme("coordinator-approves");
        Chat.Person alice = mentee("alice", Forms.mentee());
        mentee("ahmed", Forms.with(Forms.mentee(), "department", "Sales"));
        mentor("bob", Forms.with(Forms.mentor(), "capacity", "1"));
        mentor("cleo", Forms.with(Forms.with(Forms.mentor(), "department", "Legal"), "capacity", "1"));
        mentor("eli", Forms.with(Forms.with(Forms.mentor(), "department", "Sales"), "capacity", "1"));
        carol.says("match");
        Chat.Replies proposals = carol.clicksButton("Confirm");
        assertThat(proposals.text()).contains("2 proposals to approve below");
        assertThat(pairs.inProgram(pairs.of(alice.ref(), PairStatus.OPEN).get(0).program(),
                List.of(PairStatus.PROPOSED))).hasSize(2);

        Pair alicePair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        int mark = chat.mark();
        assertThat(carol.clicks("match.approve", alicePair.id()).text()).contains("Approved");
        assertThat(chat.person(alicePair.mentor().userId()).dmsSince(mark).text())
                .contains("*Alice* would like you as their mentor");
        assertThat(carol.clicks("match.approve", alicePair.id()).text()).contains("already handled");

        Pair ahmedPair = pairs.of(chat.person("ahmed").ref(), PairStatus.OPEN).get(0);
        Chat.Replies options = carol.clicks("match.swap", ahmedPair.id());
        assertThat(options.text()).contains("Choose another mentor for *Ahmed*");
        org.tandem.core.conversation.Block.Button other = options.blocks(
                org.tandem.core.conversation.Block.Buttons.class).get(0).buttons().get(0);
        assertThat(carol.clicks(other.actionId(), other.value()).text()).contains("Proposed in *Leadership*: *Ahmed* with");
        assertThat(pairs.find(ahmedPair.id()).orElseThrow().status()).isEqualTo(PairStatus.WITHDRAWN);
        Pair swapped = pairs.of(chat.person("ahmed").ref(), PairStatus.OPEN).get(0);
        assertThat(swapped.mentor()).isNotEqualTo(ahmedPair.mentor());
        assertThat(carol.clicks("match.reject", swapped.id()).text()).contains("will not be proposed together again");
        assertThat(pairs.find(swapped.id()).orElseThrow().status()).isEqualTo(PairStatus.REJECTED);
    }

    @Test
    void weightsAreTheCoordinatorsToSetAndAMustIsAHardConstraint() {
        programme("mentee-chooses");
        mentee("alice", Forms.mentee());
        mentor("dora", Forms.with(Forms.mentor(), "topics", List.of("negotiation")));
        assertThat(carol.says("match").text()).contains("1 of 1 mentee matched");

        assertThat(carol.says("match weights Leadership").form().formId()).isEqualTo("match.weights");
        assertThat(carol.submits("match.weights", Map.of("topics", "11", "seniority", "2", "department", "2",
                "time-zone", "2", "format", "2", "spread", "5", "shortlist", "3")).form().inputs().get(0).error())
                .contains("from 0 to 10");
        assertThat(carol.submits("match.weights", Map.of("topics", "8", "seniority", "0", "department", "2",
                "time-zone", "2", "format", "2", "musts", List.of("topics"), "spread", "5", "shortlist", "3")).text())
                .contains("Topics: 8 (must)", "Seniority: 0");
        assertThat(carol.says("match").text()).contains("0 of 1 mentee matched");
    }

    @Test
    void timeZonesAreComparedInTheProgrammesWorkingWeek() {
        // Monday 2 March 2026: Paris and New York are 6 hours apart, and a must asks for 3 hours in common
        programme("mentee-chooses");
        mentee("alice", Forms.mentee());
        mentor("bob", Forms.with(Forms.mentor(), "timeZone", "America/New_York"));
        carol.says("match weights Leadership");
        carol.submits("match.weights", Map.of("topics", "5", "seniority", "2", "department", "2", "time-zone", "2",
                "format", "2", "musts", List.of("time-zone"), "spread", "5", "shortlist", "3"));
        // 9:30 to 17:00: an hour and a half in common
        assertThat(carol.says("match").text()).contains("0 of 1 mentee matched");
        assertThat(carol.says("pending Leadership").text()).contains("No mentor shares enough of your working hours");

        // 8:00 to 17:00: three hours, 3 points of time zone at weight 2
        carol.says("program edit Leadership");
        carol.submits("program.edit", Forms.with(Forms.with(Forms.with(Forms.program("Leadership"), "languages",
                List.of("en", "fr", "pt")), "workStart", "08:00"), "workEnd", "17:00"));
        assertThat(carol.says("match").text()).contains("1 of 1 mentee matched", "Time zone 6");
        assertThat(carol.says("pending Leadership").text()).contains("a mentor fits now");
    }

    @Test
    void twoMenteesRacingForTheLastPlaceExactlyOneWins() throws Exception {
        programme("mentee-chooses");
        Chat.Person alice = mentee("alice", Forms.mentee());
        Chat.Person ahmed = mentee("ahmed", Forms.mentee());
        Chat.Person bob = mentor("bob", Forms.with(Forms.mentor(), "capacity", "1"));
        // an optimal plan never shortlists a full mentor twice, so both shortlists are laid out by hand: the
        // race is between two mentees who saw a free place at the same moment
        String program = chat.core().programs().findByName(new org.tandem.core.conversation.Scope("test",
                Chat.TENANT), "Leadership").orElseThrow().id();
        org.tandem.core.pairs.Shortlists lists = new org.tandem.core.pairs.Shortlists(chat.db());
        for (Chat.Person p : List.of(alice, ahmed)) {
            lists.put(new org.tandem.core.pairs.Shortlist(program, p.ref(), List.of(
                    new org.tandem.core.pairs.Shortlist.Candidate(bob.ref(), 10, List.of())), List.of(),
                    chat.clock().instant()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Chat.Replies>> both = new ArrayList<>();
        for (Chat.Person p : List.of(alice, ahmed)) {
            both.add(pool.submit((Callable<Chat.Replies>) () -> {
                go.await();
                return p.clicks("shortlist.choose", program + "|" + bob.ref().key());
            }));
        }
        go.countDown();
        for (Future<Chat.Replies> f : both) {
            f.get();
        }
        pool.shutdown();
        assertThat(pairs.inProgram(program, PairStatus.OPEN)).hasSize(1);
        assertThat(alice.inbox().text() + ahmed.inbox().text()).contains("has just become unavailable");
    }
}

package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** What happens when nobody acts, with the clock moved and the sweep run as the scheduler would. */
class PairTimersTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Pairs pairs = new Pairs(chat.db());
    private Chat.Person alice;
    private Chat.Person bob;
    private Chat.Person cleo;

    @BeforeEach
    void twoMentorsForOneMentee() {
        Seed.openProgramme(chat, "Leadership");
        alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.mentee());
        bob = chat.person("bob");
        Seed.enrolMentor(bob, Forms.mentor());
        cleo = chat.person("cleo");
        Seed.enrolMentor(cleo, Forms.with(Forms.mentor(), "department", "Legal"));
        carol.says("match");
        carol.clicksButton("Confirm");
    }

    /** The first "Ask …" button of Alice's shortlist. */
    private String firstAsk() {
        return alice.inbox().buttonLabels().stream().filter(l -> l.startsWith("Ask ")).findFirst().orElseThrow();
    }

    private void later(Duration d) {
        chat.clock().advance(d);
        chat.core().sweep();
    }

    @Test
    void anUnansweredRequestMovesToTheNextCandidateAfterThreeDays() {
        String first = firstAsk().substring("Ask ".length());
        alice.clicksButton("Ask " + first);
        Chat.Person asked = first.equals("Bob") ? bob : cleo;
        Chat.Person next = first.equals("Bob") ? cleo : bob;
        later(Duration.ofDays(2));
        assertThat(pairs.of(alice.ref(), PairStatus.OPEN).get(0).mentor()).isEqualTo(asked.ref());

        int mark = chat.mark();
        later(Duration.ofDays(1).plusMinutes(1));
        assertThat(asked.dmsSince(mark).text()).contains("has expired");
        assertThat(alice.dmsSince(mark).text()).contains("has not answered in time", "I have asked *" + next.ref().userId()
                .substring(0, 1).toUpperCase() + next.ref().userId().substring(1) + "*");
        assertThat(next.dmsSince(mark).text()).contains("*Alice* would like you as their mentor");
        assertThat(pairs.of(alice.ref(), PairStatus.OPEN)).singleElement()
                .satisfies(p -> assertThat(p.mentor()).isEqualTo(next.ref()));
        assertThat(asked.clicks("request.accept", pairs.of(alice.ref(), List.of(PairStatus.EXPIRED)).get(0).id())
                .text()).contains("already answered or has expired");
    }

    @Test
    void theClickCheckIsAskedAFewDaysAfterTheIntroductionIfNobodySaidTheyMet() {
        alice.clicksButton(firstAsk());
        Pair pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        chat.person(pair.mentor().userId()).clicksButton("Accept");
        int mark = chat.mark();
        later(Duration.ofDays(4));
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Did it click?");
        later(Duration.ofDays(1).plusMinutes(1));
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("Did it click?");

        alice.clicksButton("Not sure");
        chat.person(pair.mentor().userId()).clicksButton("Yes");
        mark = chat.mark();
        later(Duration.ofDays(7).plusMinutes(1));
        assertThat(alice.dmsSince(mark).text()).contains("After your last conversation with");
        alice.clicksButton("Yes");
        chat.person(pair.mentor().userId()).clicksButton("Yes");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
    }

    @Test
    void afterWeHaveMetTheLaterReminderSendsNothingMore() {
        alice.clicksButton(firstAsk());
        Pair pair = pairs.of(alice.ref(), PairStatus.OPEN).get(0);
        chat.person(pair.mentor().userId()).clicksButton("Accept");
        alice.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        int mark = chat.mark();
        later(Duration.ofDays(6));
        assertThat(alice.dmsSince(mark).text()).doesNotContain("Did it click?");
    }
}

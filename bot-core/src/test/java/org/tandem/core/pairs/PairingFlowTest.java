package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** From a request to an active pair, a decline, and a no-click: transcripts over the real core and MongoDB. */
class PairingFlowTest {

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Pairs pairs = new Pairs(chat.db());
    private Program program;

    @BeforeEach
    void enrol() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(bob, Forms.mentor());
        program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership").orElseThrow();
    }

    private Pair request() {
        int mark = chat.mark();
        assertThat(chat.core().pairing().request(program, alice.ref(), bob.ref(), 42,
                List.of(new Pair.Reason("match.reason.topics", List.of("public speaking"), 10)))).isEmpty();
        assertThat(bob.dmsSince(mark).text()).contains("*Alice* would like you as their mentor in *Leadership*",
                "Speak with confidence", "[Accept] [Decline]", "within 3 days", "What brought you together: Topics",
                "Hopes for this mentoring").doesNotContain("ahead of you", "What do you hope to achieve?");
        assertThat(alice.dmsSince(mark).text()).contains("I have asked *Bob* to be your mentor");
        return pairs.of(alice.ref(), PairStatus.OPEN).get(0);
    }

    @Test
    void acceptIntroduceMeetAndBothClickYes() {
        Pair pair = request();
        int mark = chat.mark();
        assertThat(bob.clicksButton("Accept").text()).contains("introducing you to each other");
        String group = chat.lastGroup();
        String intro = chat.groupSince(group, mark).text();
        assertThat(intro).contains("Meet your mentoring pair", "Alice, meet Bob, your mentor", "You share: public speaking, leadership",
                "Alice hopes: “", "For your first, exploratory conversation", "stays between you",
                "[See each other's profile]", "[Find a time] [We have met]");
        // short enough for a phone: the profiles are a button away, not in the introduction
        assertThat(intro).doesNotContain("Hopes for this mentoring", "Why they mentor");
        // each sees the other's answers, privately, as words about them, not as the questions they answered
        String bobsProfile = alice.in(Place.group(group)).clicksButton("See each other's profile").text();
        assertThat(bobsProfile).contains("*Bob's profile*", "Can help with", "Why they mentor")
                .doesNotContain("Why you mentor", "How many mentees at once", "Topics you can help with",
                        "Languages you can mentor", "Hopes for this mentoring");
        assertThat(bob.in(Place.group(group)).clicksButton("See each other's profile").text())
                .contains("*Alice's profile*", "Hopes for this mentoring").doesNotContain("What do you hope to achieve?");
        assertThat(bob.inbox().text()).as("the request shows its outcome, without its buttons")
                .contains("You accepted on").doesNotContain("[Accept] [Decline]");
        assertThat(chat.adminSince(mark).text()).contains("Alice and Bob have been introduced in *Leadership*");
        assertThat(alice.dmsSince(mark).text()).as("the mentee hears the answer she was promised, in her own DM")
                .containsOnlyOnce("Good news: *Bob* accepted to be your mentor");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.INTRODUCED);

        Chat.Person aliceInGroup = alice.in(Place.group(group));
        assertThat(aliceInGroup.clicks("intro.met", pair.id()).text()).contains("asking each of you privately");
        bob.in(Place.group(group)).clicks("intro.met", pair.id());
        assertThat(alice.inbox().text()).containsOnlyOnce("Did it click?");

        alice.clicksButton("Yes");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.INTRODUCED);
        mark = chat.mark();
        Chat.Pressable no = bob.button("No");
        assertThat(bob.clicksButton("Yes").text()).contains("Your answer stays between us");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
        assertThat(alice.dmsSince(mark).text()).contains("it clicked for both of you");
        assertThat(chat.adminSince(mark).text()).contains("A new pair is active in *Leadership*: Alice and Bob");
        // his answer turned the question into what he chose; the old button changes nothing and shows it again
        assertThat(bob.inbox().text()).contains("✓ You chose: Yes").doesNotContain("[Yes] [Not sure] [No]");
        int updates = chat.outbox().updates().size();
        int before = chat.mark();
        assertThat(bob.press(no).text()).contains("✓ You chose: Yes");
        assertThat(chat.mark()).as("no new message").isEqualTo(before);
        assertThat(chat.outbox().updates()).hasSize(updates + 1).last().isEqualTo(no.on());
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACTIVE);
    }

    @Test
    void aDeclineStaysPrivateAndFreesTheMentee() {
        Pair pair = request();
        assertThat(bob.clicksButton("Decline").form().formId()).isEqualTo("request.decline-form");
        int mark = chat.mark();
        assertThat(bob.submits("request.decline-form", java.util.Map.of("reason", "Too busy this quarter")).text())
                .contains("without your reason");
        assertThat(alice.dmsSince(mark).text()).contains("cannot take on a new mentee right now")
                .doesNotContain("Too busy");
        assertThat(chat.adminSince(mark).text()).contains("Reason (for coordinators only): Too busy this quarter");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.DECLINED);
        assertThat(bob.clicks("request.accept", pair.id()).text()).contains("already answered or has expired");
        assertThat(pairs.of(alice.ref(), PairStatus.OPEN)).isEmpty();
    }

    @Test
    void anyNoEndsThePairWithoutSayingWhoSaidNo() {
        Pair pair = request();
        bob.clicksButton("Accept");
        alice.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        alice.clicksButton("Yes");
        int mark = chat.mark();
        bob.clicksButton("No");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.NO_CLICK);
        String toAlice = alice.dmsSince(mark).text();
        assertThat(toAlice).contains("Not every pair clicks", "another mentor for you").doesNotContain("Bob said");
        assertThat(chat.adminSince(mark).text()).contains("ended after the first conversation (no click); Alice is back in the pool");
        assertThat(pairs.of(alice.ref(), PairStatus.OPEN)).isEmpty();
    }

    @Test
    void notSureMeansOneMoreConversation() {
        Pair pair = request();
        bob.clicksButton("Accept");
        alice.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        alice.clicksButton("Not sure");
        int mark = chat.mark();
        bob.clicksButton("Yes");
        assertThat(alice.dmsSince(mark).text()).contains("one more conversation with Bob");
        Pair after = pairs.find(pair.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(PairStatus.INTRODUCED);
        assertThat(after.clickRounds()).isEqualTo(1);
        assertThat(after.clicks()).isEmpty();
    }

    @Test
    void strangersCannotAnswerForThePair() {
        Pair pair = request();
        Chat.Person mallory = chat.person("mallory");
        assertThat(mallory.clicks("request.accept", pair.id()).text()).contains("meant for someone else");
        assertThat(mallory.clicks("click.answer", pair.id() + ":0:yes").text()).contains("meant for someone else");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.REQUESTED);
        assertThat(chat.coordinator("carol").says("audit").text())
                .contains("Mallory: used `request.accept` in a direct message, which was not meant for them: refused");
    }

    @Test
    void whenAMentorLeavesThePairEndsAndTheMenteeIsToldKindlyWithNothingPrivate() {
        Pair pair = request();
        bob.clicksButton("Accept");
        bob.says("leave");
        int mark = chat.mark();
        bob.clicksButton("Yes, leave");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.WITHDRAWN);
        assertThat(alice.dmsSince(mark).text()).contains("Bob has left the programme", "back in the pool");
        assertThat(chat.adminSince(mark).text()).contains("Bob has left *Leadership* (Mentor)")
                .doesNotContain("Someone did it for me");
        assertThat(pairs.of(alice.ref(), PairStatus.OPEN)).isEmpty();
    }
}

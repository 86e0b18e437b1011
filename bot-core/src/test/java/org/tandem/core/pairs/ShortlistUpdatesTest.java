package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.Seed;

/**
 * A mentor's acceptance that takes their last place updates the other mentees' lists: the stored list and the
 * message each holds; an old button for that mentor answers clearly; a list left empty says she stays in the pool.
 */
class ShortlistUpdatesTest {

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person ahmed = chat.person("ahmed");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person cleo = chat.person("cleo");
    private final Chat.Person dora = chat.person("dora");
    private final Shortlists lists = new Shortlists(chat.db());
    private final Pairs pairs = new Pairs(chat.db());
    private String program;

    @BeforeEach
    void enrol() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentee(ahmed, Forms.with(Forms.mentee(), "department", "Sales"));
        Seed.enrolMentor(bob, Forms.with(Forms.mentor(), "capacity", "1"));
        Seed.enrolMentor(cleo, Forms.with(Forms.mentor(), "department", "Legal"));
        Seed.enrolMentor(dora, Forms.with(Forms.mentor(), "department", "Finance"));
        program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership").orElseThrow().id();
    }

    /** Lays a mentee's list out by hand (a plan puts a mentor with one place on up to three lists) and sends it. */
    private void listed(Chat.Person mentee, Chat.Person... mentors) {
        int score = 50;
        List<Shortlist.Candidate> candidates = new java.util.ArrayList<>();
        for (Chat.Person m : mentors) {
            candidates.add(new Shortlist.Candidate(m.ref(), score--, List.of()));
        }
        lists.put(new Shortlist(program, mentee.ref(), candidates, List.of(), chat.clock().instant()));
        assertThat(mentee.clicks("shortlist.profiles", program).text()).contains("*Your mentor shortlist*");
    }

    private Message now(Chat.Pressable on) {
        return chat.outbox().all().stream().filter(s -> s.ref().equals(on.on())).findFirst().orElseThrow().message();
    }

    private void bobTakesAlice() {
        alice.clicksButton("Ask Bob");
        bob.clicksButton("Accept");
        assertThat(pairs.of(alice.ref(), PairStatus.OPEN)).extracting(Pair::status)
                .containsExactly(PairStatus.INTRODUCED);
    }

    @Test
    void theOtherListLosesTheMentorInPlaceAndAnOldButtonSaysSo() {
        listed(alice, bob, cleo);
        listed(ahmed, bob, cleo);
        Chat.Pressable oldAsk = ahmed.button("Ask Bob");
        int updates = chat.outbox().updates().size();
        int mark = chat.mark();

        bobTakesAlice();

        Shortlist stored = lists.find(program, ahmed.ref()).orElseThrow();
        assertThat(stored.taken()).containsExactly(bob.ref().key());
        assertThat(stored.remaining()).extracting(c -> c.mentor().userId()).containsExactly("cleo");
        assertThat(lists.find(program, alice.ref()).orElseThrow().taken()).as("her own list is hers").isEmpty();
        assertThat(chat.outbox().updates().subList(updates, chat.outbox().updates().size())).contains(oldAsk.on());
        String shown = Render.text(now(oldAsk));
        assertThat(shown).contains("*Your mentor shortlist* for *Leadership*: 1 mentor who fits", "↻ Updated on",
                "[Ask Cleo]", "No longer on your list: Bob, who has no free place left.").doesNotContain("[Ask Bob]");
        assertThat(ahmed.dmsSince(mark).messages()).as("quietly: nothing new to act on").isEmpty();

        Chat.Replies clicked = ahmed.press(oldAsk);
        assertThat(clicked.text()).contains("Bob has no free place left, sorry: another mentee's request was accepted",
                "Here are your other options in *Leadership* (1)", "[Ask Cleo]");
        assertThat(pairs.of(ahmed.ref(), PairStatus.OPEN)).isEmpty();
        ahmed.clicksButton("Ask Cleo");
        assertThat(pairs.of(ahmed.ref(), PairStatus.OPEN)).extracting(p -> p.mentor().userId())
                .containsExactly("cleo");
    }

    @Test
    void aListLeftEmptyClosesAndSaysSheStaysInThePool() {
        listed(alice, bob);
        listed(ahmed, bob);
        Chat.Pressable oldAsk = ahmed.button("Ask Bob");
        int mark = chat.mark();

        bobTakesAlice();

        assertThat(lists.find(program, ahmed.ref()).orElseThrow().remaining()).isEmpty();
        assertThat(Render.text(now(oldAsk))).contains("No longer current: Bob, the last mentor on this list, has no "
                + "free place left.").doesNotContain("[Ask Bob]");
        assertThat(ahmed.dmsSince(mark).text()).contains("I am sorry: Bob, the last mentor on your shortlist in "
                + "*Leadership*, has no free place left. You stay in the pool");
        assertThat(ahmed.press(oldAsk).text()).as("the old button shows how it ended")
                .contains("No longer current: Bob");
        assertThat(pairs.of(ahmed.ref(), PairStatus.OPEN)).isEmpty();
    }

    @Test
    void aMentorWithAPlaceLeftStaysOnTheOtherLists() {
        Chat.Person eli = chat.person("eli");
        Seed.enrolMentor(eli, Forms.with(Forms.mentor(), "department", "Sales"));
        listed(alice, eli, cleo);
        listed(ahmed, eli, cleo);
        int updates = chat.outbox().updates().size();
        alice.clicksButton("Ask Eli");
        eli.clicksButton("Accept");
        assertThat(lists.find(program, ahmed.ref()).orElseThrow().remaining()).hasSize(2);
        assertThat(chat.outbox().updates().subList(updates, chat.outbox().updates().size()))
                .doesNotContain(ahmed.button("Ask Eli").on());
    }

    @Test
    void aMenteeWithARequestOutFindsTheChangeInHerNextList() {
        listed(alice, bob);
        listed(ahmed, bob, cleo, dora);
        ahmed.clicksButton("Ask Cleo");
        int mark = chat.mark();
        bobTakesAlice();
        assertThat(ahmed.dmsSince(mark).messages()).as("nothing while her request is out").isEmpty();

        cleo.clicksButton("Decline");
        mark = chat.mark();
        cleo.submits("request.decline-form", java.util.Map.of("reason", ""));
        assertThat(ahmed.dmsSince(mark).text()).contains("Here are your other options in *Leadership* (1)",
                "[Ask Dora]", "No longer on your list: Bob, who has no free place left.").doesNotContain("[Ask Bob]");
    }

    @Test
    void forgettingAMentorTakesThemOffEveryList() {
        listed(alice, bob);
        listed(ahmed, bob, cleo);
        bobTakesAlice();
        lists.forget(bob.ref());
        Shortlist stored = lists.find(program, ahmed.ref()).orElseThrow();
        assertThat(Arrays.asList(stored.taken(), stored.tried())).allSatisfy(l -> assertThat(l).isEmpty());
        assertThat(stored.candidates()).extracting(c -> c.mentor().userId()).containsExactly("cleo");
    }
}

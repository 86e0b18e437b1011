package org.tandem.core.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.Seed;

/**
 * {@code invite} and {@code announce} through the real core: who is found, who gets one DM (at the sweep, not in the
 * command), the one reminder a week later, the answers, the funnel in {@code status}, and the people's data.
 */
class InvitationsTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person ana = chat.person("ana");
    private final Chat.Person li = chat.person("li", "Li", Locale.FRENCH);
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person mallory = chat.person("mallory");
    private final ChannelRef general = new ChannelRef("test", Chat.TENANT, "C42", "general");

    @BeforeEach
    void aProgrammeAndADirectory() {
        Seed.openProgramme(chat, "Leadership");
        chat.outbox().knows("ana@example.com", contact(ana, "Ana Lima", true))
                .knows("li@example.com", contact(li, "Li Wei", false))
                .knows("bob@example.com", contact(bob, "Bob", true))
                .hasChannel(general, List.of(contact(ana, "Ana Lima", true), contact(mallory, "Mallory", true)));
    }

    private static Contact contact(Chat.Person p, String name, boolean reachable) {
        return new Contact(p.ref(), name, reachable);
    }

    private Invitations invitations() {
        return new Invitations(chat.db());
    }

    private String program() {
        return Life.program(chat, "Leadership").id();
    }

    private void sweepAfter(Duration d) {
        chat.clock().advance(d);
        chat.core().sweep();
    }

    private long dms(Chat.Person p, String containing) {
        return chat.outbox().to(p.ref().key(), 0).stream()
                .filter(m -> org.tandem.core.testing.Render.text(m).contains(containing)).count();
    }

    @Test
    void addressesAreLookedUpAndEachPersonFoundGetsOneDirectMessageAtTheSweep() {
        String answer = carol.says("invite Leadership ana@example.com, \"Li Wei\" <li@example.com>; ghost@example.com")
                .text();
        assertThat(answer).contains("*2* people invited to *Leadership*. Each gets one reminder",
                "1 address was not found in the workspace's directory: ghost@example.com.",
                "1 person can't be reached yet: Tandem isn't installed for them. Their invitation waits until it is.")
                .doesNotContain("Not invited again");
        assertThat(ana.inbox().messages()).as("nothing inside the coordinator's command").isEmpty();

        sweepAfter(Duration.ofMinutes(1));
        Chat.Replies dm = ana.inbox();
        assertThat(dm.messages()).hasSize(1);
        assertThat(dm.text()).contains("Hi Ana Lima! Your coordinators invite you to *Leadership*");
        assertThat(dm.buttonLabels()).containsExactly("Join as mentee", "Join as mentor", "Not now");
        assertThat(dm.last().question()).isPresent();
        assertThat(li.inbox().text()).as("in their language: the workspace's when unknown")
                .contains("Your coordinators invite you to *Leadership*");
        assertThat(invitations().counts(program())).isEqualTo(new Invitations.Counts(2, 0, 0));
        Document audited = chat.db().getCollection("audit").find(new Document("action", "invite")).first();
        assertThat(audited.getInteger("count")).isEqualTo(2);
    }

    @Test
    void aSecondInviteInvitesNobodyTwiceAndSendsNothingMore() {
        carol.says("invite Leadership ana@example.com bob@example.com");
        assertThat(carol.says("invite Leadership ana@example.com, bob@example.com").text())
                .contains("Nobody new to invite to *Leadership*", "0 people already enrolled, 2 already invited");
        sweepAfter(Duration.ofMinutes(5));
        assertThat(ana.inbox().messages()).hasSize(1);
        assertThat(invitations().counts(program()).invited()).isEqualTo(2);
    }

    @Test
    void oneReminderAWeekLaterAndNoneAfterThat() {
        carol.says("invite Leadership ana@example.com");
        sweepAfter(Duration.ofMinutes(1));
        sweepAfter(Duration.ofDays(6));
        assertThat(dms(ana, "a gentle reminder")).isZero();
        sweepAfter(Duration.ofDays(1));
        assertThat(dms(ana, "a gentle reminder: you're invited to *Leadership*")).isEqualTo(1);
        assertThat(ana.inbox().buttonLabels()).contains("Not now");
        for (int week = 0; week < 4; week++) {
            sweepAfter(Duration.ofDays(7));
        }
        assertThat(ana.inbox().messages()).hasSize(2);
    }

    @Test
    void joiningAsMenteeStartsTheIntakeAtTheMenteeQuestionnaireAndStopsTheReminder() {
        carol.says("invite Leadership ana@example.com");
        sweepAfter(Duration.ofMinutes(1));
        Chat.Replies joined = ana.clicksButton("Join as mentee");
        assertThat(joined.form().formId()).isEqualTo("intake.mentee");
        assertThat(joined.text()).contains("You chose to join *Leadership* as mentee");
        ana.submits("intake.mentee", Forms.mentee());
        ana.clicks("intake.consent", "yes");
        assertThat(invitations().counts(program())).isEqualTo(new Invitations.Counts(1, 1, 0));
        sweepAfter(Duration.ofDays(8));
        assertThat(dms(ana, "a gentle reminder")).isZero();
    }

    @Test
    void joiningAnotherWayCountsAsJoinedAndClosesTheInvitation() {
        carol.says("invite Leadership ana@example.com");
        sweepAfter(Duration.ofMinutes(1));
        Seed.enrolMentor(ana, Forms.mentor());
        assertThat(invitations().counts(program())).isEqualTo(new Invitations.Counts(1, 1, 0));
        assertThat(chat.outbox().to(ana.ref().key(), 0).get(0).question()).as("the invitation shows its outcome")
                .isEmpty();
        assertThat(org.tandem.core.testing.Render.text(chat.outbox().to(ana.ref().key(), 0).get(0)))
                .contains("You joined *Leadership*");
        sweepAfter(Duration.ofDays(8));
        assertThat(dms(ana, "a gentle reminder")).isZero();
    }

    @Test
    void notNowDeclinesAndNoReminderFollows() {
        carol.says("invite Leadership bob@example.com");
        sweepAfter(Duration.ofMinutes(1));
        Chat.Pressable notNow = bob.button("Not now");
        assertThat(bob.press(notNow).text()).contains("you won't hear about *Leadership* from me again");
        assertThat(invitations().counts(program())).isEqualTo(new Invitations.Counts(1, 0, 1));
        sweepAfter(Duration.ofDays(8));
        assertThat(dms(bob, "a gentle reminder")).isZero();
        assertThat(bob.press(notNow).text()).as("a second click changes nothing")
                .doesNotContain("Join as mentee", "won't hear");
        assertThat(invitations().counts(program())).isEqualTo(new Invitations.Counts(1, 0, 1));
    }

    @Test
    void onlyTheInvitedPersonMayAnswer() {
        carol.says("invite Leadership ana@example.com");
        sweepAfter(Duration.ofMinutes(1));
        Chat.Pressable join = ana.button("Join as mentor");
        assertThat(mallory.send(new Input.Click(join.actionId(), join.value())).text())
                .contains("meant for someone else");
        assertThat(chat.db().getCollection("conversation_states").countDocuments()).isZero();
        assertThat(invitations().counts(program())).isEqualTo(new Invitations.Counts(1, 0, 0));
    }

    @Test
    void statusShowsTheFunnelOnlyWhenThereWereInvitations() {
        assertThat(carol.says("status Leadership").text()).doesNotContain("Invited");
        carol.says("invite Leadership ana@example.com bob@example.com li@example.com");
        sweepAfter(Duration.ofMinutes(1));
        bob.clicksButton("Not now");
        ana.clicksButton("Join as mentee");
        ana.submits("intake.mentee", Forms.mentee());
        ana.clicks("intake.consent", "yes");
        assertThat(carol.says("status Leadership").text()).contains("Invited: 3", "Joined after an invitation: 1",
                "Declined the invitation: 1");
    }

    @Test
    void aPastedCsvIsReadByItsEmailColumn() {
        Chat.Replies form = carol.says("invite Leadership");
        assertThat(form.form().formId()).isEqualTo("invite.form");
        String csv = "Name;E-Mail;Manager\n\"Lima; Ana\";ana@example.com;boss@example.com\nBob;bob@example.com;\n";
        assertThat(carol.submits("invite.form", Map.of("addresses", csv)).text())
                .contains("*2* people invited to *Leadership*").doesNotContain("boss@example.com");
        assertThat(carol.says("invite Leadership").form().formId()).isEqualTo("invite.form");
        assertThat(carol.submits("invite.form", Map.of("addresses", "nothing here at all, really")).text())
                .as("words that nobody is known by are not found")
                .contains("Nobody new to invite", "addresses were not found");
    }

    @Test
    void badInputIsExplainedAndChangesNothing() {
        assertThat(carol.says("invite Nonexistent ana@example.com").text()).contains("I found no programme called");
        assertThat(carol.says("invite").text()).contains("Which programme, and whom?");
        String many = IntStream.range(0, 2001).mapToObj(i -> "p" + i + "@example.com")
                .collect(Collectors.joining(" "));
        assertThat(carol.says("invite Leadership " + many).text()).contains("at most 2,000 at a time",
                "Nobody was invited");
        assertThat(carol.says("invite Leadership #nowhere").text()).contains("I can't find the channel \"#nowhere\"");
        carol.says("invite Leadership");
        assertThat(carol.submits("invite.form", Map.of("addresses", "  ")).text()).contains("Please answer this");
        assertThat(ana.says("invite Leadership ana@example.com").text()).contains("is for coordinators");
        carol.says("program close Leadership");
        carol.clicksButton("Close it");
        assertThat(carol.says("invite Leadership ana@example.com").text()).contains("*Leadership* is closed");
        assertThat(chat.db().getCollection("invitations").countDocuments()).isZero();
        assertThat(chat.core().dueItems().countOpen(InvitationMessages.SEND, "program", program())).isZero();
    }

    @Test
    void aChannelsMembersAreInvitedButWhoeverIsEnrolledAlready() {
        Seed.enrolMentee(ana, Forms.mentee());
        assertThat(carol.says("invite Leadership #general").text()).contains("*1* person invited to *Leadership*",
                "1 person already enrolled, 0 already invited");
        sweepAfter(Duration.ofMinutes(1));
        assertThat(mallory.inbox().text()).contains("Hi Mallory! Your coordinators invite you to *Leadership*");
        assertThat(dms(ana, "invite you")).isZero();
    }

    @Test
    void anAnnouncementsJoinStartsTheIntakePrivatelyForWhoeverClicks() {
        assertThat(carol.says("announce Leadership #random").text()).contains("I can't find the channel \"#random\"");
        assertThat(carol.says("announce Leadership #general").text()).contains("*Leadership* is announced in #general");
        List<org.tandem.core.conversation.Message> posted = chat.outbox().to("channel:C42", 0);
        assertThat(posted).hasSize(1);
        assertThat(org.tandem.core.testing.Render.text(posted.get(0))).contains("*Mentoring programme: Leadership*",
                "6 months of mentoring");
        Block.Button join = posted.get(0).blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast).flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        assertThat(join.label()).isEqualTo("Join");

        Chat.Person dave = chat.person("dave").in(Place.group("C42"));
        Chat.Replies answered = dave.send(new Input.Click(join.actionId(), join.value()));
        assertThat(answered.text()).contains("I've written to you in a private conversation");
        assertThat(chat.person("dave").inbox().text()).contains("Welcome", "Leadership");
        assertThat(chat.person("dave").inbox().buttonLabels()).contains("Mentee", "Mentor");
        assertThat(chat.outbox().to("channel:C42", 0)).as("never an answer in the channel").hasSize(1);
        assertThat(chat.outbox().to("group:C42", 0)).isEmpty();
        // the questionnaire goes on in the DM, where its state is
        chat.person("dave").clicks("intake.role", "mentor");
        assertThat(chat.person("dave").inbox().form().formId()).isEqualTo("intake.mentor");
        assertThat(chat.db().getCollection("audit").find(new Document("action", "announce")).first()).isNotNull();
    }

    @Test
    void myDataListsTheInvitationsAndForgetMeErasesThem() {
        carol.says("invite Leadership ana@example.com");
        sweepAfter(Duration.ofMinutes(1));
        ana.says("my-data");
        String json = new String(chat.outbox().filesTo(ana.ref().key()).get(0).file().bytes(),
                StandardCharsets.UTF_8);
        assertThat(Document.parse(json).getList("invitations", Document.class)).singleElement()
                .satisfies(d -> assertThat(d.getString("program")).isEqualTo("Leadership"))
                .satisfies(d -> assertThat(d.getString("invitedAs")).isEqualTo("ana@example.com"))
                .satisfies(d -> assertThat(d.getString("status")).isEqualTo("invited"));
        ana.says("forget-me");
        ana.clicksButton("Erase my data");
        assertThat(chat.db().getCollection("invitations").countDocuments()).isZero();
        assertThat(chat.outbox().forgottenWhat().get(0).traces()).contains("ana@example.com", "Ana Lima");
        assertThat(chat.core().dueItems().countOpen(InvitationMessages.REMIND, "person", ana.ref().key())).isZero();
    }

    @Test
    void aWorkspaceThatRemovedTandemLosesTheInvitationsOfPeopleTheBotNeverMet() {
        PersonRef erin = new PersonRef("test", Chat.TENANT, "erin-never-met");
        chat.outbox().knows("erin@example.com", new Contact(erin, "Erin Stranger", true));
        carol.says("invite Leadership erin@example.com");
        sweepAfter(Duration.ofMinutes(1));
        chat.core().workspaceGone(erin.scope());
        sweepAfter(Duration.ofDays(370));
        assertThat(chat.db().getCollection("invitations").countDocuments()).isZero();
        assertThat(org.tandem.core.privacy.DatabaseScanAccess.find(chat.db(),
                List.of("erin-never-met", "erin@example.com", "Erin Stranger"))).isEmpty();
    }

    @Test
    void theProgrammeNameIsTheLongestNameTypedAndTheRestAreAddresses() {
        List<org.tandem.core.program.Program> all = chat.core().programs().all(ana.ref().scope());
        assertThat(InviteFlow.split(all, "leadership a@b.co")).containsExactly("leadership", " a@b.co");
        assertThat(InviteFlow.split(all, "Lead #general")).containsExactly("Lead", "#general");
        assertThat(InviteFlow.split(all, "Lead Ana <a@b.co>")).containsExactly("Lead Ana", "<a@b.co>");
        assertThat(Addresses.parse("a@b.co; B <b@c.org>,\nc@d.net a@b.co"))
                .containsExactly("a@b.co", "b@c.org", "c@d.net");
        assertThat(Addresses.parse("email\n\"x@y.com\"\nz@y.com")).containsExactly("x@y.com", "z@y.com");
        assertThat(Addresses.parse("alice bob, carol")).containsExactly("alice", "bob", "carol");
        assertThat(PersonRef.fromKey(ana.ref().key())).isEqualTo(ana.ref());
    }

    @Test
    void aPlatformThatDoesNotAnswerWhoTheyAreChangesNothingAndTheCoordinatorIsTold() {
        chat.outbox().directoryDown(true);
        assertThat(carol.says("invite Leadership ana@example.com").text()).contains("did not answer my question");
        assertThat(carol.says("invite Leadership #general").text()).contains("did not answer my question");
        assertThat(carol.says("announce Leadership #general").text()).contains("did not answer my question");
        assertThat(invitations().counts(program()).invited()).isZero();
        chat.core().sweep();
        assertThat(ana.inbox().text()).doesNotContain("invite you");
        chat.outbox().directoryDown(false);
        assertThat(carol.says("invite Leadership ana@example.com").text()).contains("1");
        assertThat(invitations().counts(program()).invited()).isEqualTo(1);
    }
}

package org.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** Mentees and mentors enrol through the real questionnaire: transcripts over the real core and MongoDB. */
class IntakeFlowTest {

    private final Chat chat = new Chat();
    private final Enrollments enrollments = new Enrollments(chat.db());

    @BeforeEach
    void openAProgramme() {
        Seed.openProgramme(chat, "Leadership");
    }

    @Test
    void withNoProgrammeOpenJoinSaysSoKindly() {
        Chat other = new Chat();
        assertThat(other.person("alice").says("join").text()).contains("No programme is open for enrolment");
    }

    @Test
    void aMenteeFromJoinToEnrolment() {
        Chat.Person alice = chat.person("alice").inZone("Europe/Paris");
        Chat.Replies welcome = alice.says("join");
        assertThat(welcome.text()).contains("Welcome to *Leadership*, Alice!");
        assertThat(welcome.buttonLabels()).containsExactly("Mentee", "Mentor", "Both");

        Block.Form form = alice.clicksButton("Mentee").form();
        assertThat(form.formId()).isEqualTo("intake.mentee");
        assertThat(input(form, "timeZone").values()).as("pre-filled from the platform").containsExactly("Europe/Paris");
        assertThat(input(form, "topic1").options()).extracting(Block.Option::value)
                .containsExactly("leadership", "public speaking", "career growth", "negotiation", "data science",
                        "other");

        Chat.Replies consent = alice.submits("intake.mentee", Forms.mentee());
        assertThat(consent.text()).contains("here is exactly who sees what", "Your mentor", "coordinators",
                "Nobody else");
        assertThat(enrollments.of(alice.ref())).as("nothing stored before consent").isEmpty();

        assertThat(alice.clicksButton("I agree").text()).contains("You are enrolled in *Leadership* as: *Mentee*");
        Enrollment e = enrollments.of(alice.ref()).get(0);
        assertThat(e.role()).isEqualTo(Role.MENTEE);
        MenteeAnswers a = e.mentee().orElseThrow();
        assertThat(a.topics()).containsExactly("public speaking", "leadership");
        assertThat(a.hopes()).isEqualTo("Speak with confidence at the quarterly all-hands.");
        assertThat(a.timeZone()).isEqualTo("Europe/Paris");
        assertThat(e.mentor()).isEmpty();
    }

    @Test
    void aMentorGetsTheProgrammesDefaultCapacity() {
        Chat.Person bob = chat.person("bob");
        bob.says("join");
        Block.Form form = bob.clicksButton("Mentor").form();
        assertThat(input(form, "capacity").values()).containsExactly("2");
        bob.submits("intake.mentor", Forms.mentor());
        assertThat(bob.clicksButton("I agree").text()).contains("as: *Mentor*");
        MentorAnswers m = enrollments.of(bob.ref()).get(0).mentor().orElseThrow();
        assertThat(m.topics()).containsExactly("leadership", "public speaking");
        assertThat(m.capacity()).isEqualTo(2);
        assertThat(m.years()).isEqualTo(15);
    }

    @Test
    void bothAnswersBothFormsAndTheSecondStartsFromTheFirst() {
        Chat.Person dana = chat.person("dana");
        dana.says("join");
        dana.clicksButton("Both");
        Block.Form mentorForm = dana.submits("intake.mentee", Forms.mentee()).form();
        assertThat(mentorForm.formId()).isEqualTo("intake.mentor");
        assertThat(input(mentorForm, "department").values()).containsExactly("Finance");
        assertThat(input(mentorForm, "timeZone").values()).containsExactly("Europe/Paris");

        Chat.Replies consent = dana.submits("intake.mentor", Forms.mentor());
        assertThat(consent.text()).contains("Your mentor", "Mentees choosing a mentor");
        dana.clicksButton("I agree");
        Enrollment e = enrollments.of(dana.ref()).get(0);
        assertThat(e.role()).isEqualTo(Role.BOTH);
        assertThat(e.mentee()).isPresent();
        assertThat(e.mentor()).isPresent();
    }

    @Test
    void declinedConsentStoresNothingButTheRefusal() {
        Chat.Person eve = chat.person("eve");
        eve.says("join");
        eve.clicksButton("Mentee");
        eve.submits("intake.mentee", Forms.mentee());
        assertThat(eve.clicksButton("No, thanks").text()).contains("I stored nothing but the fact that you declined");
        assertThat(enrollments.of(eve.ref())).isEmpty();
        assertThat(new ConsentRefusals(chat.db()).count(eve.ref())).isEqualTo(1);
        assertThat(eve.says("profile").text()).contains("You have not joined a programme yet");
        assertThat(chat.db().getCollection("conversation_states")
                .countDocuments(new org.bson.Document("person", eve.ref().key()))).isZero();
    }

    @Test
    void aPersonWhoStopsHalfWayContinuesAfterARestart() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        chat.restart();
        Chat.Replies resume = alice.says("join");
        assertThat(resume.text()).contains("You started enrolling in *Leadership* earlier");
        Block.Form form = alice.clicksButton("Continue").form();
        assertThat(form.formId()).isEqualTo("intake.mentee");

        alice.submits("intake.mentee", Forms.mentee());
        chat.restart();
        assertThat(alice.clicksButton("I agree").text()).contains("You are enrolled");
    }

    @Test
    void startOverForgetsTheHalfDoneDialogue() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentor");
        alice.says("join");
        assertThat(alice.clicksButton("Start over").buttonLabels()).containsExactly("Mentee", "Mentor", "Both");
    }

    @Test
    void aWrongAnswerComesBackWithTheRestKept() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        Block.Form again = alice.submits("intake.mentee", Forms.with(Forms.mentee(), "format", "in-person")).form();
        assertThat(input(again, "location").error()).contains("please say where");
        assertThat(input(again, "hopes").values()).containsExactly("Speak with confidence at the quarterly all-hands.");
        assertThat(again.error()).contains("Please check the answer marked below");
        Chat.Replies consent = alice.submits("intake.mentee",
                Forms.with(Forms.with(Forms.mentee(), "format", "in-person"), "location", "Lyon"));
        assertThat(consent.buttonLabels()).contains("I agree");
    }

    @Test
    void continuingWhereOneLeftOffBringsBackTheAnswersGiven() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        alice.submits("intake.mentee", Forms.with(Forms.mentee(), "format", "in-person"));
        chat.restart();
        alice.says("join");
        Block.Form form = alice.clicksButton("Continue").form();
        assertThat(input(form, "hopes").values()).containsExactly("Speak with confidence at the quarterly all-hands.");
        assertThat(input(form, "format").values()).containsExactly("in-person");
        assertThat(input(form, "topic1").values()).containsExactly("public speaking");
    }

    @Test
    void aSecondProgrammesQuestionnaireStartsFromTheFirstsAnswers() {
        Chat.Person alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.openProgramme(chat, "Onboarding");
        alice.says("join");
        alice.clicksButton("Onboarding");
        Chat.Replies asked = alice.clicksButton("Mentee");
        assertThat(asked.text()).contains("I have filled in the answers you gave for *Leadership*");
        Block.Form form = asked.form();
        assertThat(input(form, "hopes").values()).containsExactly("Speak with confidence at the quarterly all-hands.");
        assertThat(input(form, "department").values()).containsExactly("Finance");
        // still editable: what is sent is what counts
        assertThat(alice.submits("intake.mentee", Forms.with(Forms.mentee(), "hopes", "Onboard well."))
                .buttonLabels()).contains("I agree");
        alice.clicksButton("I agree");
        assertThat(enrollments.of(alice.ref()).get(1).mentee().orElseThrow().hopes()).isEqualTo("Onboard well.");
    }

    @Test
    void typingDuringTheQuestionnairePointsToTheForm() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        assertThat(alice.says("I want to learn to speak").text()).contains("answer with the form");
        assertThat(alice.says("help").text()).as("a lost person can always ask").contains("Here is what you can do");
    }

    @Test
    void aDoubleClickOnIAgreeEnrolsOnce() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        alice.submits("intake.mentee", Forms.mentee());
        Chat.Pressable agree = alice.button("I agree");
        alice.press(agree);
        assertThat(alice.press(agree).text()).as("the second click shows the first's outcome")
                .contains("✓ You chose: I agree");
        // a second click the platform sends without its message (no way to tell it is old) is refused by the flow
        assertThat(alice.clicks(agree.actionId(), agree.value()).text()).contains("already enrolled");
        assertThat(enrollments.of(alice.ref())).hasSize(1);
        assertThat(alice.says("join").text()).contains("already enrolled in *Leadership*");
    }

    @Test
    void withSeveralProgrammesOpenThePersonChooses() {
        Seed.openProgramme(chat, "Onboarding");
        Chat.Person alice = chat.person("alice");
        assertThat(alice.says("join").buttonLabels()).containsExactly("Leadership", "Onboarding");
        assertThat(alice.clicksButton("Onboarding").text()).contains("Welcome to *Onboarding*");
    }

    @Test
    void aProgrammeClosedMidwayIsExplained() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        Chat.Person carol = chat.coordinator("carol");
        carol.says("program close Leadership");
        carol.clicksButton("Close it");
        assertThat(alice.submits("intake.mentee", Forms.mentee()).text()).contains("not open for enrolment any more");
        assertThat(enrollments.of(alice.ref())).isEmpty();
    }

    @Test
    void profileShowsTheAnswersAndEditsThemWithTheSameChecks() {
        Chat.Person alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.mentee());
        Chat.Replies profile = alice.says("profile");
        assertThat(profile.text()).contains("*Leadership* — Mentee",
                "Topics (by priority): public speaking > leadership", "Department: Finance");
        Block.Form form = alice.clicksButton("Edit my mentee answers").form();
        assertThat(input(form, "department").values()).containsExactly("Finance");

        Block.Form bad = alice.submits("intake.mentee", Forms.with(Forms.mentee(), "hopes", "h".repeat(1001))).form();
        assertThat(input(bad, "hopes").error()).contains("1,000 characters");
        assertThat(enrollments.of(alice.ref()).get(0).mentee().orElseThrow().hopes()).startsWith("Speak");

        Chat.Replies saved = alice.submits("intake.mentee", Forms.with(Forms.mentee(), "department", "Legal"));
        assertThat(saved.text()).contains("Saved.", "Department: Legal");
        assertThat(enrollments.of(alice.ref()).get(0).mentee().orElseThrow().department()).isEqualTo("Legal");
    }

    @Test
    void leaveAsksFirstDeletesTheAnswersAndTellsTheAdminChannelOnlyWhoLeft() {
        Chat.Person alice = chat.person("alice");
        Seed.enrolMentee(alice, Forms.mentee());
        assertThat(alice.says("leave").buttonLabels()).containsExactly("Yes, leave", "No, stay");
        assertThat(alice.clicksButton("No, stay").text()).contains("still enrolled");
        assertThat(enrollments.of(alice.ref())).hasSize(1);

        alice.says("leave");
        int mark = chat.mark();
        assertThat(alice.clicksButton("Yes, leave").text()).contains("You have left *Leadership*");
        assertThat(enrollments.of(alice.ref())).isEmpty();
        String admin = chat.adminSince(mark).text();
        assertThat(admin).contains("Alice has left *Leadership* (Mentee)").doesNotContain("Speak with confidence");
        assertThat(alice.says("leave").text()).contains("not enrolled");
    }

    @Test
    void theWholeIntakeInFrench() {
        Chat.Person zoe = chat.person("zoe", "Zoé", Locale.FRENCH);
        Chat.Replies welcome = zoe.says("join");
        assertThat(welcome.text()).contains("Bienvenue dans le programme *Leadership*, Zoé !");
        Block.Form form = zoe.clicksButton("Mentoré").form();
        assertThat(form.title()).isEqualTo("Vous, en tant que mentoré — Leadership");
        assertThat(input(form, "format").options()).extracting(Block.Option::label)
                .containsExactly("Visioconférence", "En personne", "Peu importe");
        assertThat(input(form, "languages").options()).extracting(Block.Option::label)
                .containsExactly("Anglais", "Français");
        Block.Form bad = zoe.submits("intake.mentee", Forms.with(Forms.mentee(), "timeZone", "Mars/Olympus")).form();
        assertThat(input(bad, "timeZone").error()).contains("n'est pas un fuseau horaire");
        assertThat(zoe.submits("intake.mentee", Forms.mentee()).text()).contains("qui verra quoi");
        assertThat(zoe.clicksButton("J'accepte").text())
                .contains("Votre inscription au programme *Leadership* est enregistrée (rôle : *Mentoré*)");
        assertThat(zoe.says("profile").text()).contains("Service: Finance", "Niveau: Début de carrière");
    }

    static Block.FormInput input(Block.Form form, String id) {
        return form.inputs().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + id + " in " + form.inputs()));
    }
}

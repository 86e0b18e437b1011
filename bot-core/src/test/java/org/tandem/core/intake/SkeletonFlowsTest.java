package org.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.Chat;

/** The first flows as transcripts, over the real core and an embedded MongoDB. */
class SkeletonFlowsTest {

    private final Chat chat = new Chat();

    @Test
    void helpListsWhatAParticipantCanDo() {
        String help = chat.person("alice").says("help").text();
        assertThat(help).contains("join", "profile", "leave", "language en|fr");
    }

    @Test
    void helpSpeaksFrench() {
        String help = chat.person("alice", "Alice", Locale.FRENCH).says("help").text();
        assertThat(help).contains("Voici ce que vous pouvez faire", "s'inscrire");
    }

    @Test
    void joinAsksTheRoleWithButtonsAndStoresTheAnswer() {
        Chat.Person alice = chat.person("alice");
        Chat.Replies asked = alice.says("join");
        assertThat(asked.buttonLabels()).containsExactly("Mentee", "Mentor", "Both");

        assertThat(alice.clicksButton("Mentor").text()).contains("enrolled as: *Mentor*");
        assertThat(alice.says("profile").text()).contains("Name: Alice", "Role: Mentor");
    }

    @Test
    void aTypedRoleWorksLikeAButtonAndNonsenseIsReasked() {
        Chat.Person bob = chat.person("bob");
        bob.says("join");
        assertThat(bob.says("banana").text()).contains("choose one of the buttons");
        assertThat(bob.says("mentee").text()).contains("*Mentee*");
    }

    @Test
    void aDoubleClickEnrolsOnce() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        alice.clicksButton("Mentee");
        assertThat(alice.clicksButton("Mentor").text()).contains("already enrolled as: *Mentee*");
        assertThat(new Enrollments(chat.db()).of(alice.ref())).hasSize(1);
    }

    @Test
    void aRepeatedEventIsHandledOnce() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.send(new Input.FreeText("help"), "same-id").messages()).hasSize(1);
        assertThat(alice.send(new Input.FreeText("help"), "same-id").messages()).isEmpty();
    }

    @Test
    void theDialogueSurvivesARestart() {
        Chat.Person alice = chat.person("alice");
        alice.says("join");
        chat.restart();
        // a new core over the same database: the typed answer still belongs to the join dialogue
        assertThat(alice.says("both").text()).contains("enrolled as: *Both*");
        chat.restart();
        assertThat(alice.says("profile").text()).contains("Role: Both");
    }

    @Test
    void frenchAllTheWay() {
        Chat.Person alice = chat.person("alice", "Alice", Locale.FRENCH);
        assertThat(alice.says("join").buttonLabels()).containsExactly("Mentoré", "Mentor", "Les deux");
        assertThat(alice.clicksButton("Mentoré").text()).contains("Vous êtes inscrit comme : *Mentoré*");
        assertThat(alice.says("profile").text()).contains("Nom: Alice", "Rôle: Mentoré", "Langue: Français");
    }

    @Test
    void aChosenLanguageWinsOverThePlatforms() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.says("language fr").text()).contains("je vous parlerai en français");
        assertThat(alice.says("help").text()).contains("Voici ce que vous pouvez faire");
        assertThat(alice.says("language tlh").text()).contains("Je ne parle pas encore");
        assertThat(alice.says("language en").text()).contains("I will speak English");
    }

    @Test
    void leaveAsksFirstThenWithdraws() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.says("leave").text()).contains("not enrolled");
        alice.says("join");
        alice.clicksButton("Mentee");
        assertThat(alice.says("leave").buttonLabels()).containsExactly("Yes, leave", "No, stay");
        assertThat(alice.clicksButton("No, stay").text()).contains("still enrolled");
        assertThat(alice.says("profile").text()).contains("Role: Mentee");
        alice.says("leave");
        assertThat(alice.clicksButton("Yes, leave").text()).contains("You have left");
        assertThat(alice.says("profile").text()).doesNotContain("Role:").contains("Type `join` to start");
    }

    @Test
    void unknownCommandsAndWrongPlacesGetAClearAnswer() {
        assertThat(chat.person("alice").says("dance").text()).contains("don't know the command *dance*");
        assertThat(chat.coordinator("carol").says("join").text()).contains("works in a direct message");
        assertThat(chat.person("alice").in(Place.ADMIN).says("profile").text()).contains("direct message");
    }

    @Test
    void cancelStopsADialogue() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.says("cancel").text()).contains("nothing to cancel");
        alice.says("join");
        assertThat(alice.says("cancel").text()).contains("Stopped");
        assertThat(alice.says("mentee").text()).contains("don't know the command");
    }
}

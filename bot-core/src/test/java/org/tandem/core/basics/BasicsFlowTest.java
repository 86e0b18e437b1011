package org.tandem.core.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.Chat;

/** What works everywhere, as transcripts over the real core and an embedded MongoDB. */
class BasicsFlowTest {

    private final Chat chat = new Chat();

    @Test
    void helpListsWhatAParticipantCanDo() {
        String help = chat.person("alice").says("help").text();
        assertThat(help).contains("join", "profile", "leave", "language en|fr").doesNotContain("program create");
    }

    @Test
    void helpInTheAdminChannelListsCoordinatorCommands() {
        String help = chat.coordinator("carol").says("help").text();
        assertThat(help).contains("Coordinator commands", "programs", "program create").doesNotContain("`join`");
    }

    @Test
    void helpSpeaksFrench() {
        String help = chat.person("alice", "Alice", Locale.FRENCH).says("help").text();
        assertThat(help).contains("Voici ce que vous pouvez faire", "vous inscrit à un programme");
    }

    @Test
    void aRepeatedEventIsHandledOnce() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.send(new Input.FreeText("help"), "same-id").messages()).hasSize(1);
        assertThat(alice.send(new Input.FreeText("help"), "same-id").messages()).isEmpty();
    }

    @Test
    void aChosenLanguageWinsOverThePlatformsAndSurvivesARestart() {
        Chat.Person alice = chat.person("alice");
        assertThat(alice.says("language fr").text()).contains("je vous parlerai en français");
        chat.restart();
        assertThat(alice.says("help").text()).contains("Voici ce que vous pouvez faire");
        assertThat(alice.says("language tlh").text()).contains("Je ne parle pas encore");
        assertThat(alice.says("language english").text()).contains("I will speak English");
    }

    @Test
    void unknownCommandsAndWrongPlacesGetAClearAnswer() {
        assertThat(chat.person("alice").says("xylophone").text()).contains("don't know the command *xylophone*");
        assertThat(chat.coordinator("carol").says("join").text()).contains("works in a direct message");
        assertThat(chat.person("alice").in(Place.ADMIN).says("profile").text()).contains("direct message");
    }

    @Test
    void aGreetingOrAWishGetsAShortAnswerWithWhereToStart() {
        for (String line : List.of("hello", "Hi, I'd like a mentor", "bonjour !", "Good morning", "mentorat ?")) {
            Chat.Replies answer = chat.person("alice").says(line);
            assertThat(answer.text()).as(line).contains("Where would you like to start?").doesNotContain("know");
            assertThat(answer.buttonLabels()).as(line).containsExactly("Find a mentor or a mentee",
                    "What Tandem can do");
        }
        assertThat(chat.coordinator("carol").says("hi").buttonLabels())
                .containsExactly("Where the programmes stand", "What Tandem can do");
        assertThat(chat.person("zoe", "Zoé", Locale.FRENCH).says("salut").text())
                .contains("Bonjour Zoé ! Je suis Tandem");
    }

    @Test
    void theGreetingsButtonsRunTheirCommand() {
        Chat.Person alice = chat.person("alice");
        alice.says("hello");
        assertThat(alice.clicksButton("What Tandem can do").text()).contains("Here is what you can do");
        alice.says("hello");
        assertThat(alice.clicksButton("Find a mentor or a mentee").text()).contains("No programme is open");
    }

    @Test
    void aTypoGetsTheClosestCommandsAsButtons() {
        Chat.Person alice = chat.person("alice");
        Chat.Replies answer = alice.says("hepl");
        assertThat(answer.text()).contains("I don't know *hepl*. Did you mean");
        assertThat(answer.buttonLabels()).contains("help");
        assertThat(alice.clicksButton("help").text()).contains("Here is what you can do");
        // only what may be used here is offered: a participant is not offered the coordinators' status
        assertThat(chat.person("bob").says("statu").buttonLabels()).doesNotContain("status");
        assertThat(chat.coordinator("carol").says("statu").buttonLabels()).contains("status");
        // a French speaker is offered the French words
        assertThat(chat.person("zoe", "Zoé", Locale.FRENCH).says("profi").buttonLabels()).contains("profil");
    }

    @Test
    void aForgedRunButtonRunsNothing() {
        assertThat(chat.person("alice").clicks("command.run", "no-such-command").text())
                .contains("no longer active");
    }

    @Test
    void commandsAreUnderstoodInFrenchAndHelpShowsThemInThePersonsLanguage() {
        Chat.Person alice = chat.person("alice", "Alice", Locale.FRENCH);
        String help = alice.says("aide").text();
        assertThat(help).contains("Voici ce que vous pouvez faire", "rejoindre", "profil", "quitter", "langue en|fr")
                .doesNotContain("`join`");
        assertThat(alice.says("rejoindre").text()).contains("Aucun programme");
        assertThat(alice.says("Profil").text()).doesNotContain("Je ne connais pas");
        assertThat(alice.says("langue en").text()).contains("I will speak English");
        // whatever the person's language, both languages' words work
        assertThat(chat.person("bob").says("aide").text()).contains("Here is what you can do");
        assertThat(chat.coordinator("carol").says("état").text()).doesNotContain("don't know");
    }

    @Test
    void aRefusalInASharedPlaceIsToldOnlyToThePersonWhoTyped() {
        int mark = chat.mark();
        Chat.Person inGroup = chat.person("alice").in(Place.group("g9"));
        assertThat(inGroup.says("journal").text()).contains("works in a direct message");
        assertThat(chat.groupSince("g9", mark).messages()).as("nothing posted to the pair's group").isEmpty();
        assertThat(chat.outbox().to("whisper:" + inGroup.ref().key(), mark)).hasSize(1);
    }

    @Test
    void aStaleButtonIsExplained() {
        assertThat(chat.person("alice").clicks("nobody.owns-this", "x").text()).contains("no longer active");
    }

    @Test
    void cancelWhenThereIsNothingToCancel() {
        assertThat(chat.person("alice").says("cancel").text()).contains("nothing to cancel");
    }
}

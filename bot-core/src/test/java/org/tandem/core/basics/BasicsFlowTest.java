package org.tandem.core.basics;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(help).contains("Voici ce que vous pouvez faire", "s'inscrire");
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
        assertThat(chat.person("alice").says("dance").text()).contains("don't know the command *dance*");
        assertThat(chat.coordinator("carol").says("join").text()).contains("works in a direct message");
        assertThat(chat.person("alice").in(Place.ADMIN).says("profile").text()).contains("direct message");
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

package org.tandem.core.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** The first words Tandem says, wherever a platform says someone arrived. */
class WelcomeTest {

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");

    @Test
    void aPersonIsWelcomedOnceWithOneButtonToStart() {
        Seed.openProgramme(chat, "Leadership");
        Chat.Replies first = alice.send(new Input.Arrived());
        assertThat(first.text()).contains("Welcome to Tandem, Alice!", "introduce you to each other");
        assertThat(first.buttonLabels()).containsExactly("Find a mentor or a mentee");
        assertThat(alice.send(new Input.Arrived()).messages()).isEmpty();

        assertThat(alice.press(alice.button("Find a mentor or a mentee")).text()).contains("Leadership");
    }

    @Test
    void withNothingOpenTheWelcomeSaysSoAndOffersHelp() {
        Chat.Replies first = chat.person("bob", "Bob", Locale.FRENCH).send(new Input.Arrived());
        assertThat(first.text()).contains("Bienvenue dans Tandem, Bob !", "Aucun programme n'est ouvert");
        assertThat(first.buttonLabels()).containsExactly("Ce que Tandem sait faire");
    }

    @Test
    void someoneAlreadyEnrolledHearsNothingNew() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(alice, Forms.mentee());
        assertThat(alice.send(new Input.Arrived()).messages()).isEmpty();
    }

    @Test
    void aTeamIsGreetedAndWhoeverPressesTheButtonIsWrittenToPrivately() {
        Seed.openProgramme(chat, "Leadership");
        Chat.Person inTeam = alice.in(Place.group("team-general"));
        Chat.Replies greeting = inTeam.send(new Input.Arrived());
        assertThat(greeting.text()).contains("Hi everyone! I'm Tandem", "write to you privately");
        int mark = chat.mark();
        Chat.Person dan = chat.person("dan").in(Place.group("team-general"));
        assertThat(dan.press(dan.button("Find a mentor or a mentee")).text())
                .contains("I've written to you in a private conversation");
        assertThat(chat.person("dan").dmsSince(mark).text()).contains("Welcome to Tandem, Dan!");
    }

    @Test
    void theCoordinatorsAreShownWhereToBegin() {
        Chat.Replies greeting = chat.coordinator("carol").send(new Input.Arrived());
        assertThat(greeting.text()).contains("coordinators' channel");
        assertThat(greeting.buttonLabels()).containsExactly("See the templates");
        assertThat(chat.coordinator("carol").send(new Input.Arrived()).messages()).as("once").isEmpty();
        assertThat(chat.coordinator("carol").press(chat.coordinator("carol").button("See the templates")).text())
                .contains("Leadership");
    }
}

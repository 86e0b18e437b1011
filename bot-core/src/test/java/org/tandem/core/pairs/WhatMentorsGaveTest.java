package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Input;
import org.tandem.core.people.People;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.Seed;

/**
 * A mentor's profile shows what they gave, in numbers; mentees choosing a mentor see one line of it only while that
 * mentor consents, from their profile, with a button nobody else may use.
 */
class WhatMentorsGaveTest {

    private static final String THANKS = "Alice-thanks: you changed how I lead meetings";

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person cleo = chat.person("cleo");
    private final Shortlists lists = new Shortlists(chat.db());
    private String program;

    /** Bob mentored Alice: four meetings (the first one when they met), and her thanks at the close. */
    @BeforeEach
    void bobMentoredAlice() {
        Seed.openProgramme(chat, "Leadership");
        Pair pair = Life.agreed(chat, "Leadership", alice, bob, null);
        Meetings meetings = new Meetings(chat.db());
        for (int week = 1; week <= 3; week++) {
            assertThat(meetings.log(pair, LocalDate.of(2026, 3, 2).plusWeeks(week), alice.ref(),
                    chat.clock().instant())).isTrue();
        }
        new Pairs(chat.db()).thanked(pair.id(), THANKS, false);
        Seed.enrolMentor(cleo, Forms.with(Forms.mentor(), "department", "Legal"));
        program = Life.program(chat, "Leadership").id();
    }

    private String shortlistOf(Chat.Person mentee) {
        Seed.enrolMentee(mentee, Forms.mentee());
        lists.put(new Shortlist(program, mentee.ref(), List.of(new Shortlist.Candidate(bob.ref(), 40, List.of()),
                new Shortlist.Candidate(cleo.ref(), 30, List.of())), List.of(), chat.clock().instant(), List.of(),
                new Shortlist.Shortfall(2, "", List.of())));
        return mentee.clicks("shortlist.profiles", program).text();
    }

    @Test
    void theMentorsProfileShowsWhatTheyGaveInNumbersOnly() {
        long held = new Meetings(chat.db()).count(new Pairs(chat.db()).mentored(bob.ref()).get(0).getString("_id"));
        assertThat(held).as("the meeting when they met, and three more").isEqualTo(4);
        String profile = bob.says("profile").text();
        assertThat(profile).contains("*What you gave*", "Mentees accompanied: 1", "Meetings logged: 4",
                "Hours of mentoring: about 4", "Programmes: Leadership", "Thank-you notes received: 1",
                "Only you see this", "[Show what I gave to mentees choosing a mentor]");
        assertThat(profile).as("never a word a mentee wrote").doesNotContain(THANKS, "Alice-thanks");
        assertThat(profile.indexOf("*What you gave*")).as("after the answers").isGreaterThan(
                profile.indexOf("*Leadership* — Mentor"));
    }

    @Test
    void aMentorWithNoMenteeYetIsThankedWithoutARowOfZeros() {
        String profile = cleo.says("profile").text();
        assertThat(profile).contains("*What you gave*", "Nothing to count yet", "Thank you for offering your time")
                .doesNotContain("Mentees accompanied", "[Show what I gave");
        assertThat(alice.says("profile").text()).as("a mentee gave nothing as a mentor").doesNotContain(
                "What you gave");
    }

    @Test
    void menteesSeeTheLineOnlyWhileTheMentorConsents() {
        String before = shortlistOf(chat.person("dana"));
        assertThat(before).contains("*Bob*", "*Cleo*").doesNotContain("Has mentored");

        bob.says("profile");
        Chat.Replies shown = bob.clicksButton("Show what I gave to mentees choosing a mentor");
        assertThat(shown.text()).contains("Done: mentees choosing a mentor now see what you gave",
                "Mentees choosing a mentor see this beside your name", "[Hide it from mentees]");
        assertThat(new People(chat.db()).showsGivenSince(bob.ref())).contains(chat.clock().instant());

        String after = shortlistOf(chat.person("eve"));
        assertThat(after).contains("Has mentored 1 person · 4 meetings · thanked once");
        assertThat(after.indexOf("Has mentored")).as("under Bob, not under Cleo")
                .isGreaterThan(after.indexOf("*Bob*")).isLessThan(after.indexOf("*Cleo*"));
        assertThat(after.split("Has mentored", -1)).as("Cleo did not consent, and mentored nobody").hasSize(2);
        assertThat(after).doesNotContain(THANKS);

        assertThat(bob.clicksButton("Hide it from mentees").text()).contains("Done: what you gave is for your eyes "
                + "only again", "[Show what I gave to mentees choosing a mentor]");
        assertThat(new People(chat.db()).showsGivenSince(bob.ref())).isEmpty();
        assertThat(shortlistOf(chat.person("fay"))).contains("*Bob*").doesNotContain("Has mentored");
    }

    @Test
    void aButtonClickedTwiceSaysItWasAlreadyDone() {
        bob.says("profile");
        Chat.Pressable show = bob.button("Show what I gave to mentees choosing a mentor");
        assertThat(bob.press(show).text()).contains("Done: mentees choosing a mentor now see");
        assertThat(bob.press(show).text()).as("the copy clicked shows how it ended").contains(
                "You chose: Show what I gave").doesNotContain("Done:");
        // the same value from a copy the platform did not name: the consent is given once, withdrawn once
        assertThat(bob.clicks(ProfileFlowIds.SHOW, bob.ref().key()).text()).contains("It was already shown");
        assertThat(bob.clicks(ProfileFlowIds.HIDE, bob.ref().key()).text()).contains("Done: what you gave");
        assertThat(bob.clicks(ProfileFlowIds.HIDE, bob.ref().key()).text()).contains("It was already hidden");
        assertThat(new People(chat.db()).showsGivenSince(bob.ref())).isEmpty();
    }

    @Test
    void nobodyElseMayShowOrHideIt() {
        Chat.Person mallory = chat.person("mallory");
        mallory.says("hello");
        for (String id : List.of(ProfileFlowIds.SHOW, ProfileFlowIds.HIDE)) {
            assertThat(mallory.send(new Input.Click(id, bob.ref().key())).text()).contains("meant for someone else");
        }
        assertThat(new People(chat.db()).showsGivenSince(bob.ref())).isEmpty();
        assertThat(new People(chat.db()).showsGivenSince(mallory.ref())).isEmpty();
        assertThat(mallory.send(new Input.Click(ProfileFlowIds.SHOW, "not a person")).text())
                .contains("no longer active");
    }

    @Test
    void inFrench() {
        Life.active(chat, "Leadership", chat.person("zoe"), chat.person("basile"));
        Chat.Person basile = chat.person("basile").speaking(Locale.FRENCH);
        String profile = basile.says("profile").text();
        assertThat(profile).contains("*Ce que vous avez donné*", "Mentorés accompagnés: 1",
                "Rencontres notées: 1", "Heures de mentorat: environ 1", "Mots de remerciement reçus: 0",
                "Ceci n'est visible que par vous.", "[Montrer ce que j'ai donné aux mentorés qui choisissent un mentor]");
        assertThat(basile.clicksButton("Montrer ce que j'ai donné aux mentorés qui choisissent un mentor").text())
                .contains("C'est fait : les mentorés qui choisissent un mentor voient désormais", "[Ne plus le montrer "
                        + "aux mentorés]");
        Chat.Person amelie = chat.person("amelie", "Amélie", Locale.FRENCH);
        Seed.enrolMentee(amelie, Forms.mentee());
        lists.put(new Shortlist(program, amelie.ref(), List.of(new Shortlist.Candidate(basile.ref(), 40, List.of())),
                List.of(), chat.clock().instant(), List.of(), new Shortlist.Shortfall(1, "", List.of())));
        assertThat(amelie.clicks("shortlist.profiles", program).text()).contains("A accompagné 1 personne · "
                + "1 rencontre").doesNotContain("remerciement");
    }

    /** The profile's two buttons, as a platform sends them back. */
    private static final class ProfileFlowIds {
        static final String SHOW = "profile.show-given";
        static final String HIDE = "profile.hide-given";
    }
}

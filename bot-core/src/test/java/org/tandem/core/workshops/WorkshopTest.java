package org.tandem.core.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** A workshop from the form to the reminder: invitations spread, answers counted, one reminder to those coming. */
class WorkshopTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person dan = chat.person("dan");
    private final Chat.Person ivy = chat.person("ivy").inZone("Europe/Paris");

    @BeforeEach
    void programme() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(bob, Forms.mentor());
        Seed.enrolMentee(dan, Forms.mentee());
        Seed.enrolMentee(ivy, Forms.mentee());
    }

    private void announce() {
        assertThat(carol.says("workshop").form().formId()).isEqualTo("workshop.form");
        assertThat(carol.submits("workshop.form", Map.of("title", "Giving feedback", "date", "tuesday",
                "time", "17:30", "where", "Room 4")).text()).contains("Please pick a date.");
        assertThat(carol.submits("workshop.form", Map.of("title", "Giving feedback", "date", "2026-03-01", "time", "17:30",
                "where", "Room 4")).text()).contains("This moment has passed");
        assertThat(carol.submits("workshop.form", Map.of("title", "Giving feedback", "date", "2026-03-10", "time", "17:30",
                "where", "https://meet.example.com/feedback")).text())
                .contains("*Giving feedback* is announced to 4 participants of *Leadership*",
                        "When: Tuesday, March 10, 2026, 5:30 PM (UTC)");
        chat.clock().advance(Duration.ofSeconds(5));
        chat.core().sweep();
    }

    @Test
    void participantsAnswerAndThoseComingAreRemindedOnceTheDayBefore() {
        int mark = chat.mark();
        announce();
        assertThat(alice.dmsSince(mark).text()).containsOnlyOnce("*Workshop for Leadership*: Giving feedback")
                .contains("Where: https://meet.example.com/feedback", "[I'll be there] [I can't make it]");
        assertThat(ivy.dmsSince(mark).text()).as("in her own time zone")
                .contains("Tuesday, March 10, 2026, 6:30 PM (Europe/Paris)");

        assertThat(alice.clicksButton("I'll be there").text()).contains("see you at *Giving feedback*");
        bob.clicksButton("I'll be there");
        assertThat(bob.clicksButton("I can't make it").text()).contains("you will not be at");
        dan.clicksButton("I'll be there");
        dan.clicksButton("I'll be there");
        assertThat(carol.says("workshops").text()).contains("*Coming workshops* (1)", "*Giving feedback* — Leadership",
                "Going (2): Alice, Dan", "Can't make it: 1 · No answer yet: 1");

        int before = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T17:29:00Z"));
        chat.core().sweep();
        assertThat(alice.dmsSince(before).text()).isEmpty();
        chat.clock().set(Instant.parse("2026-03-09T17:31:00Z"));
        chat.core().sweep();
        chat.core().sweep();
        assertThat(alice.dmsSince(before).text()).containsOnlyOnce("*Reminder*: *Giving feedback* (Leadership) is tomorrow");
        assertThat(dan.dmsSince(before).text()).containsOnlyOnce("*Reminder*");
        assertThat(bob.dmsSince(before).text()).isEmpty();
        assertThat(ivy.dmsSince(before).text()).isEmpty();
    }

    @Test
    void strangersCannotAnswerAndPastWorkshopsTakeNoAnswers() {
        announce();
        Chat.Person mallory = chat.person("mallory");
        String workshop = chat.db().getCollection("workshops").find().first().getString("_id");
        assertThat(mallory.clicks("workshop.rsvp", workshop + ":yes").text()).contains("meant for someone else");
        chat.clock().set(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(alice.clicksButton("I'll be there").text()).contains("has already taken place");
        assertThat(carol.says("workshops").text()).contains("No workshop is coming");
    }
}

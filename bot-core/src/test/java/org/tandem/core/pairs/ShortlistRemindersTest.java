package org.tandem.core.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.schedule.DueItem;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Render;
import org.tandem.core.testing.Seed;

/**
 * A mentee who does not choose from their shortlist is reminded once after three days, and the coordinators are
 * told once three days later; a choice, leaving, an erasure or a newer list ends it.
 */
class ShortlistRemindersTest {

    private static final String REMINDER = "You have not chosen a mentor in *Leadership* yet";
    private static final String NOTICE = "has not chosen a mentor from their shortlist";

    // Monday 2 March 2026, 09:00 UTC
    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");

    private int shortlisted() {
        return shortlisted(Forms.program("Leadership"));
    }

    private int shortlisted(Map<String, Object> programme) {
        carol.submits("program.create", programme);
        carol.says("program open Leadership");
        Seed.enrolMentee(alice, Forms.mentee());
        Seed.enrolMentor(bob, Forms.mentor());
        int mark = chat.mark();
        carol.says("match");
        carol.clicksButton("Confirm");
        assertThat(alice.dmsSince(mark).text()).contains("*Your mentor shortlist* for *Leadership*");
        return mark;
    }

    private void days(int n) {
        Life.walk(chat, chat.clock().instant().plus(Duration.ofDays(n)), Duration.ofHours(1));
    }

    private List<RecordingMessenger.Sent> sent(String to, int from, String text) {
        return chat.outbox().all().subList(from, chat.outbox().size()).stream().filter(s -> s.to().equals(to))
                .filter(s -> Render.text(s.original()).contains(text)).toList();
    }

    @Test
    void remindedOnceInWorkingHoursThenTheCoordinatorsAreToldOnceWithWhatTheyCanDo() {
        int start = shortlisted();
        days(2);
        assertThat(sent(alice.ref().key(), start, REMINDER)).as("not before three days").isEmpty();
        days(1);
        List<RecordingMessenger.Sent> reminders = sent(alice.ref().key(), start, REMINDER);
        assertThat(reminders).hasSize(1);
        assertThat(Render.text(reminders.get(0).original())).contains("[Ask Bob] [See their profiles]");
        ZonedDateTime at = reminders.get(0).at().atZone(ZoneId.of("Europe/Paris"));
        assertThat(at.getHour()).as("in her working hours").isBetween(9, 16);
        assertThat(sent("admin:" + Chat.TENANT, start, NOTICE)).as("not yet").isEmpty();

        days(10);
        assertThat(sent(alice.ref().key(), start, REMINDER)).as("reminded once").hasSize(1);
        List<RecordingMessenger.Sent> notices = sent("admin:" + Chat.TENANT, start, NOTICE);
        assertThat(notices).as("told once").hasSize(1);
        RecordingMessenger.Sent notice = notices.get(0);
        assertThat(Render.text(notice.original())).contains("*Alice* has not chosen a mentor from their shortlist in "
                + "*Leadership*: it went out on March 2, 2026, and I reminded them on March 5, 2026.",
                "[Remind them again] [I'll reach out]", "`pending Leadership` lists everyone still waiting");
        assertThat(Duration.between(reminders.get(0).at(), notice.at())).isGreaterThanOrEqualTo(Duration.ofDays(3));
        ZonedDateTime told = notice.at().atZone(ZoneId.of("UTC"));
        assertThat(told.getHour()).as("at the digest time").isEqualTo(9);
        assertThat(told.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

        int mark = chat.mark();
        assertThat(carol.clicksButton("Remind them again").text()).contains("Alice has been reminded",
                "✓ carol had them reminded on");
        assertThat(alice.dmsSince(mark).text()).contains(REMINDER, "[Ask Bob]", "Your coordinators asked me to remind you")
                .doesNotContain("they will hear from me");
        alice.clicksButton("Ask Bob");
        assertThat(bob.dmsSince(mark).text()).contains("[Accept]");
        assertThat(alice.inbox().messages().stream().map(Render::text)
                .filter(m -> m.contains("*Your mentor shortlist*")).toList())
                .as("the list turned into her choice").allSatisfy(m -> assertThat(m).contains("✓ You asked Bob")
                        .doesNotContain("[Ask Bob]"));
        int after = chat.mark();
        days(20);
        assertThat(sent(alice.ref().key(), after, REMINDER)).isEmpty();
        assertThat(chat.core().dueItems().count(DueItem.Status.FAILED)).isZero();
    }

    @Test
    void theReminderComesInsideTheProgrammesWorkingWeek() {
        // offered on Tuesday 3 March: three days later is a Friday, outside a week of Sunday to Thursday, 8:00-16:00
        chat.clock().set(Instant.parse("2026-03-03T09:00:00Z"));
        int start = shortlisted(Forms.with(Forms.with(Forms.with(Forms.program("Leadership"), "workStart", "08:00"),
                "workEnd", "16:00"), "workDays", List.of("sunday", "monday", "tuesday", "wednesday", "thursday")));
        days(5);
        List<RecordingMessenger.Sent> reminders = sent(alice.ref().key(), start, REMINDER);
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).at().atZone(ZoneId.of("Europe/Paris")).toLocalDateTime())
                .as("Sunday 8:00 in Paris, the first moment of her week after three days")
                .isEqualTo("2026-03-08T08:00");
    }

    @Test
    void aChoiceBeforeTheReminderEndsItAndTheNoticeSaysSoIfItCameFirst() {
        int start = shortlisted();
        days(1);
        alice.clicksButton("Ask Bob");
        days(10);
        assertThat(sent(alice.ref().key(), start, REMINDER)).isEmpty();
        assertThat(sent("admin:" + Chat.TENANT, start, NOTICE)).isEmpty();
        assertThat(chat.core().dueItems().countOpen(ShortlistReminders.TELL, "person", alice.ref().key())
                + chat.core().dueItems().countOpen(ShortlistReminders.REMIND, "person", alice.ref().key())).isZero();
    }

    @Test
    void aCoordinatorsNoticeTurnsIntoTheChoiceOnceSheChooses() {
        int start = shortlisted();
        days(8);
        assertThat(sent("admin:" + Chat.TENANT, start, NOTICE)).hasSize(1);
        alice.clicksButton("Ask Bob");
        RecordingMessenger.Sent notice = sent("admin:" + Chat.TENANT, start, NOTICE).get(0);
        assertThat(Render.text(notice.message())).contains("✓ They have asked a mentor since")
                .doesNotContain("[Remind them again]");
        Block.Button reachOut = notice.original().blocks().stream().filter(Block.Buttons.class::isInstance)
                .map(b -> ((Block.Buttons) b).buttons().get(1)).findFirst().orElseThrow();
        assertThat(carol.press(new Chat.Pressable(reachOut.actionId(), reachOut.value(), notice.ref())).text())
                .as("an old button changes nothing").doesNotContain("Noted");
    }

    @Test
    void leavingOrANewerListEndsWhatWasPlanned() {
        int start = shortlisted();
        days(2);
        // a new round replaces her list: its reminder counts from the new one
        Instant replaced = chat.clock().instant();
        carol.says("match");
        carol.clicksButton("Confirm");
        days(2);
        assertThat(sent(alice.ref().key(), start, REMINDER)).as("not for the list that was replaced").isEmpty();
        // three days after the new list is a Saturday: Monday, in her working hours
        days(4);
        List<RecordingMessenger.Sent> reminders = sent(alice.ref().key(), start, REMINDER);
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).at()).isAfter(replaced.plus(Duration.ofDays(3)));

        alice.says("leave");
        alice.clicksButton("Yes, leave");
        int mark = chat.mark();
        days(10);
        assertThat(sent("admin:" + Chat.TENANT, mark, NOTICE)).isEmpty();
        assertThat(chat.core().dueItems().countOpen(ShortlistReminders.TELL, "person", alice.ref().key())).isZero();
    }

    @Test
    void anErasureDropsWhatWasPlanned() {
        shortlisted();
        alice.says("forget-me");
        alice.clicksButton("Erase my data");
        assertThat(chat.core().dueItems().countOpen(ShortlistReminders.REMIND, "person", alice.ref().key())).isZero();
        int mark = chat.mark();
        days(10);
        assertThat(sent("admin:" + Chat.TENANT, mark, NOTICE)).isEmpty();
    }
}

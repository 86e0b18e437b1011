package org.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Place;
import org.tandem.core.conversation.Scope;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * {@code forget-me} after months of mentoring — an agreement, check-ins, a logged meeting, a reflection, a pause —
 * leaves nothing of the person in any collection, and my-data gave them their own reflections first.
 */
class ForgetAfterRhythmTest {

    static final String USER = "u-yara-9317";
    static final String NAME = "Yarrow Quillfeather";
    static final String GOAL = "Yarrow-goal: chair the steering committee";
    static final String TAKEAWAY = "Yarrow-takeaway: prepare the agenda the day before";

    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"));
    private final Pairs pairs = new Pairs(chat.db());

    private byte[] bobsData(Chat.Person bob) {
        bob.says("my-data");
        List<org.tandem.core.testing.RecordingMessenger.SentFile> files = chat.outbox().filesTo(bob.ref().key());
        return files.get(files.size() - 1).file().bytes();
    }

    @Test
    void nothingOfTheRhythmIsLeftAboutThePerson() {
        Seed.openProgramme(chat, "Leadership");
        Chat.Person yara = chat.person(USER, NAME, Locale.ENGLISH);
        Chat.Person bob = chat.person("bob");
        Seed.enrolMentee(yara, Forms.mentee());
        Seed.enrolMentor(bob, Forms.mentor());
        Program program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership")
                .orElseThrow();
        chat.core().pairing().request(program, yara.ref(), bob.ref(), 10, List.of());
        bob.clicksButton("Accept");
        Pair pair = pairs.of(yara.ref(), PairStatus.OPEN).get(0);
        yara.in(Place.group(chat.lastGroup())).clicks("intro.met", pair.id());
        yara.clicksButton("Yes");
        bob.clicksButton("Yes");
        yara.clicksButton("Draft our agreement");
        yara.submits("agreement.form", Map.of("goal1", GOAL, "measure1", "I chaired it", "cadence", "biweekly",
                "format", "video", "contact", "Chat", "confidential", List.of("yes")));
        bob.clicksButton("Confirm");
        chat.clock().set(Instant.parse("2026-03-16T09:30:00Z"));
        chat.core().sweep();
        yara.clicksButton("Yes, we met");
        yara.submits("checkin.met-form", Map.of("date", "2026-03-13"));
        yara.clicksButton("Write my reflection");
        yara.submits("reflection.form", Map.of("takeaway", TAKEAWAY, "progress1", "3"));
        yara.says("pause 1 week");
        assertThat(DatabaseScan.find(chat.db(), List.of(TAKEAWAY, GOAL))).as("the set-up").isNotEmpty();

        // the next meeting, found in chat
        yara.says("resume");
        yara.says("schedule");
        yara.clicksButton("Propose these to Bob");
        org.tandem.core.conversation.Block.Button time = bob.inbox().last().blocks().stream()
                .filter(org.tandem.core.conversation.Block.Buttons.class::isInstance)
                .map(org.tandem.core.conversation.Block.Buttons.class::cast).flatMap(b -> b.buttons().stream())
                .findFirst().orElseThrow();
        bob.clicks(time.actionId(), time.value());
        assertThat(DatabaseScan.find(chat.db(), List.of(USER))).as("the meeting names her")
                .anyMatch(where -> where.contains("meeting_plans"));

        assertThat(yara.says("my-data").text()).contains("Here is everything I store about you");
        List<org.tandem.core.testing.RecordingMessenger.SentFile> hers = chat.outbox().filesTo(yara.ref().key());
        String file = new String(hers.get(hers.size() - 1).file().bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file).as("their own reflection and agreement, in their copy").contains(TAKEAWAY, "reflections");
        assertThat(file).as("and their meetings").contains("\"schedule\"", "proposedByYou");
        String bobsFile = new String(bobsData(bob), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bobsFile).as("never the partner's reflection").doesNotContain(TAKEAWAY);

        yara.says("forget-me");
        yara.clicksButton("Erase my data");
        assertThat(DatabaseScan.find(chat.db(), List.of(USER, "Yarrow", "Quillfeather", GOAL, TAKEAWAY))).isEmpty();
        assertThat(pairs.find(pair.id()).orElseThrow().rhythm().meetings()).as("the numbers stay").isEqualTo(2);
    }
}

package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.settings.Settings;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/**
 * What Tandem posts on its own in the admin channel is one message for everyone there: in the language most of the
 * coordinators known there speak, the channel's setting breaking a tie and speaking while none is known. Answers to
 * a coordinator's own command are in that coordinator's language.
 */
class AdminLanguageTest {

    private static Chat chat(Locale setting) {
        return new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"),
                new Settings(setting, LocalTime.of(9, 0), ZoneId.of("UTC")));
    }

    private static String leaveNotice(Chat chat, String who) {
        Chat.Person p = chat.person(who);
        Seed.enrolMentee(p, Forms.mentee());
        int mark = chat.mark();
        p.says("leave");
        p.clicksButton("Yes, leave");
        return chat.adminSince(mark).text();
    }

    @Test
    void noticesAndDigestsSpeakTheLanguageMostCoordinatorsSpeak() {
        Chat chat = chat(Locale.ENGLISH);
        Seed.openProgramme(chat, "Leadership");
        // carol (English) created the programme; two French-speaking coordinators use the channel too
        chat.coordinator("denise").speaking(Locale.FRENCH).says("statut");
        chat.coordinator("etienne").speaking(Locale.FRENCH).says("programmes");

        assertThat(leaveNotice(chat, "alice")).contains("Alice a quitté le programme *Leadership*");
        Seed.enrolMentee(chat.person("bob"), Forms.mentee());
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T09:00:30Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text()).contains("*Résumé de la semaine* depuis le")
                .doesNotContain("Weekly digest");

        // her own command is answered in her own language
        assertThat(chat.coordinator("carol").says("status").text()).contains("Mentees enrolled");
        assertThat(chat.coordinator("denise").speaking(Locale.FRENCH).says("statut").text())
                .doesNotContain("Mentees enrolled");
    }

    @Test
    void theSettingSpeaksWhileNoCoordinatorIsKnownAndBreaksATie() {
        Chat chat = chat(Locale.FRENCH);
        Seed.openProgramme(chat, "Leadership");
        // carol (English) is the one coordinator known: more of them speak English than French
        assertThat(leaveNotice(chat, "alice")).contains("Alice has left *Leadership*");

        // one of each: the channel's setting decides
        chat.coordinator("denise").speaking(Locale.FRENCH).says("statut");
        assertThat(leaveNotice(chat, "bob")).contains("Bob a quitté le programme *Leadership*");
    }

    @Test
    void aChannelNoCoordinatorUsedYetHasTheSettingsLanguage() {
        Chat chat = chat(Locale.FRENCH);
        Seed.openProgramme(chat, "Leadership");
        // as before Tandem noted who its coordinators are
        chat.db().getCollection("people").updateMany(new Document(),
                new Document("$unset", new Document("coordinatorSince", "")));
        assertThat(leaveNotice(chat, "alice")).contains("Alice a quitté le programme *Leadership*");
    }
}

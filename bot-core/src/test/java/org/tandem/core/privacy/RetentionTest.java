package org.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Scope;
import org.tandem.core.program.Program;
import org.tandem.core.settings.Settings;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.MutableClock;
import org.tandem.core.testing.Seed;
import org.tandem.core.testing.TestMongo;

/** A closed programme's people are erased once the retention period is over; other programmes' stay. */
class RetentionTest {

    private final Chat chat = new Chat(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"),
            Settings.defaults().retaining(Period.ofMonths(6)));
    private final Chat.Person carol = chat.coordinator("carol");
    private final Chat.Person quinn = chat.person("u-quinn-5512", "Quinn Vantongeren", Locale.ENGLISH);
    private final Chat.Person rhea = chat.person("u-rhea-9031", "Rhea Oyelaran", Locale.ENGLISH);
    private final Chat.Person sam = chat.person("u-sam-2208", "Sam Ellingworth", Locale.ENGLISH);

    @BeforeEach
    void aProgrammeClosesAnotherGoesOn() {
        Seed.openProgramme(chat, "Pilot");
        Seed.openProgramme(chat, "Leadership");
        quinn.says("join");
        quinn.clicksButton("Pilot");
        quinn.clicksButton("Mentee");
        quinn.submits("intake.mentee", Forms.with(Forms.mentee(), "hopes", "Quinn-secret hopes"));
        quinn.clicksButton("I agree");
        rhea.says("join");
        rhea.clicksButton("Pilot");
        rhea.clicksButton("Mentor");
        rhea.submits("intake.mentor", Forms.mentor());
        rhea.clicksButton("I agree");
        Program pilot = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Pilot").orElseThrow();
        chat.core().pairing().request(pilot, quinn.ref(), rhea.ref(), 30, List.of());
        rhea.clicksButton("Accept");
        // Rhea mentors in Leadership too: she stays, only her Pilot traces go
        rhea.says("join");
        rhea.clicksButton("Leadership");
        rhea.clicksButton("Mentor");
        rhea.submits("intake.mentor", Forms.mentor());
        rhea.clicksButton("I agree");
        sam.says("join");
        sam.clicksButton("Leadership");
        sam.clicksButton("Mentee");
        sam.submits("intake.mentee", Forms.mentee());
        sam.clicksButton("I agree");
        carol.says("program close Pilot");
        carol.clicksButton("Close it");
        carol.says("programs");
    }

    @Test
    void erasedAfterThePeriodNotBefore() {
        chat.clock().set(Instant.parse("2026-09-01T00:00:30Z"));
        chat.core().sweep();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-quinn-5512", "Quinn"))).as("within the period").isNotEmpty();

        chat.clock().set(Instant.parse("2026-09-03T00:00:30Z"));
        chat.core().sweep();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-quinn-5512", "Vantongeren", "Quinn-secret"))).isEmpty();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-rhea-9031"))).as("Rhea is in Leadership").isNotEmpty();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-sam-2208"))).isNotEmpty();
        String status = carol.says("status Pilot").text();
        assertThat(status).contains("Mentees enrolled: 0", "Pairs by stage: completed 1");
        assertThat(carol.says("pair Rhea").text()).contains("Mentor in *Leadership*").doesNotContain("Pilot");
        assertThat(carol.says("audit").text()).contains("Tandem: erased the personal data of *Pilot*");

        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-09-04T00:00:30Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text()).doesNotContain("erased");
        assertThat(chat.core().dueItems().find("privacy.retention|test|t1|2026-09-05")).as("nothing left to do")
                .isEmpty();
    }

    @Test
    void aReopenedProgrammeIsKept() {
        carol.says("program open Pilot");
        chat.clock().set(Instant.parse("2026-12-01T00:00:30Z"));
        chat.core().sweep();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-quinn-5512"))).isNotEmpty();
    }
}

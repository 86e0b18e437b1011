package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pair;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Seed;

/** The weekly digest's trend chart: meetings and pairs at risk week by week, with its numbers, small groups hidden. */
class DigestTrendTest {

    private final Chat chat = new Chat();
    private static final String ADMIN = "admin:" + Chat.TENANT;

    private List<RecordingMessenger.SentFile> charts() {
        return chat.outbox().filesTo(ADMIN).stream().filter(f -> f.file().name().startsWith("digest-")).toList();
    }

    @Test
    void theDigestCarriesOneSmallChartOfTheWeeksWithItsNumbers() throws IOException {
        Seed.openProgramme(chat, "Leadership");
        Meetings meetings = new Meetings(chat.db());
        Pair first = null;
        for (String[] two : new String[][] {{"amy", "bea"}, {"cal", "dee"}, {"eli", "fay"}}) {
            Pair p = Life.agreed(chat, "Leadership", chat.person(two[0]), chat.person(two[1]), null);
            first = first == null ? p : first;
        }
        // each introduction logged a meeting on Monday 2 March; Amy and Bea meet again on Thursday
        assertThat(meetings.log(first, LocalDate.parse("2026-03-05"), first.mentee(), chat.clock().instant()))
                .isTrue();
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T09:00:30Z"));
        chat.core().sweep();
        assertThat(chat.adminSince(mark).text()).contains("*Weekly digest*", "*The last eight weeks*",
                "Mar 2: 4 meetings, 0 pairs at risk", "Jan 12: 0 meetings");
        assertThat(charts()).hasSize(1);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(charts().get(0).file().bytes()));
        assertThat(png.getWidth()).isEqualTo(Charts.TREND_WIDTH);
        assertThat(png.getHeight()).isEqualTo(Charts.TREND_HEIGHT);
    }

    @Test
    void weeksOfFewerThanFivePeopleUnderWayShowNoBar() {
        Seed.openProgramme(chat, "Pilot");
        Life.agreed(chat, "Pilot", chat.person("amy"), chat.person("bea"), null);
        int mark = chat.mark();
        chat.clock().set(Instant.parse("2026-03-09T09:00:30Z"));
        chat.core().sweep();
        String admin = chat.adminSince(mark).text();
        assertThat(admin).contains("Mar 2: fewer than 5 people").doesNotContain("Mar 2: 1 meeting");
        assertThat(charts()).hasSize(1);
    }
}

package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.Place;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Life;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Seed;

/**
 * {@code report}: a programme's results, checked value by value against a programme seeded through the real flows
 * (the funnel, drop-outs, a rematch, meetings month by month, the objectives' outcomes, satisfaction, hours,
 * thanks), compared with its previous run; charts that decode at their size; small groups that stay anonymous; and
 * no word anyone wrote.
 */
class ReportTest {

    private static final String PLANTED = "Planted-sentence: I am about to resign";
    private static final String ADMIN = "admin:" + Chat.TENANT;

    private final Chat chat = new Chat();
    private final Pairs pairs = new Pairs(chat.db());
    private final Meetings meetings = new Meetings(chat.db());
    private final Chat.Person carol = chat.coordinator("carol");

    /** Both of a pair write their closing reflection: outcome and satisfaction each, the mentee's progress. */
    private void close(Pair pair, Chat.Person mentee, String menteeSays, int menteeSatisfied, int progress,
                       Chat.Person mentor, String mentorSays, int mentorSatisfied) {
        String ref = pair.id() + ":closing:" + pair.rhythm().endsAt().orElseThrow();
        mentee.clicks("reflection.write", ref);
        assertThat(mentee.submits("reflection.form", Map.of("final", PLANTED, "progress1", "" + progress,
                "outcome1", menteeSays, "satisfaction", "" + menteeSatisfied, "survey", "4",
                "thanks", PLANTED + " thank you")).text()).contains("Saved in your journal");
        mentor.clicks("reflection.write", ref);
        assertThat(mentor.submits("reflection.form", Map.of("final", PLANTED, "outcome1", mentorSays,
                "satisfaction", "" + mentorSatisfied)).text()).contains("Saved in your journal");
        pairs.complete(pair.id(), chat.clock().instant());
    }

    private void met(Pair pair, int daysAfterStart, Program program) {
        LocalDate day = LocalDate.ofInstant(program.createdAt(), ZoneOffset.UTC).plusDays(daysAfterStart);
        assertThat(meetings.log(pair, day, pair.mentee(), chat.clock().instant())).isTrue();
    }

    private List<String> say(String line) {
        int mark = chat.mark();
        carol.says(line);
        List<String> out = new ArrayList<>();
        chat.adminSince(mark).messages().forEach(m -> out.add(new Chat.Replies(List.of(m)).text()));
        return out;
    }

    @Test
    void theReportCountsWhatTheProgrammeAchievedAgainstItsPreviousRun() throws IOException {
        // the previous run: three pairs that went the whole way without a word of reflection, and nothing else
        Seed.openProgramme(chat, "Leadership 2025");
        Program before = Life.program(chat, "Leadership 2025");
        for (String[] two : new String[][] {{"olga", "oscar"}, {"otto", "orla"}, {"omar", "opal"}}) {
            Pair old = Life.agreed(chat, "Leadership 2025", chat.person(two[0]), chat.person(two[1]), null);
            pairs.complete(old.id(), chat.clock().instant());
        }

        carol.says("program close Leadership 2025");
        carol.clicksButton("Close it");
        chat.clock().set(chat.clock().instant().plus(Duration.ofDays(3)));
        Seed.openProgramme(chat, "Leadership 2026");
        Program now = Life.program(chat, "Leadership 2026");
        Chat.Person amy = chat.person("amy");
        Chat.Person bea = chat.person("bea");
        Chat.Person cal = chat.person("cal");
        Chat.Person dee = chat.person("dee");
        Chat.Person eli = chat.person("eli");
        Chat.Person fay = chat.person("fay");
        Pair p1 = Life.agreed(chat, "Leadership 2026", amy, bea, null);
        Pair p2 = Life.agreed(chat, "Leadership 2026", cal, dee, null);
        Pair p3 = Life.agreed(chat, "Leadership 2026", eli, fay, null);
        // Gus's first conversation with Ian does not click; he is matched again with Jo, and it does
        Chat.Person gus = chat.person("gus");
        Chat.Person ian = chat.person("ian");
        Chat.Person jo = chat.person("jo");
        Seed.enrolMentee(gus, Forms.mentee());
        Seed.enrolMentor(ian, Forms.mentor());
        Seed.enrolMentor(jo, Forms.mentor());
        chat.core().pairing().request(now, gus.ref(), ian.ref(), 10, List.of());
        ian.clicksButton("Accept");
        Pair miss = pairs.of(gus.ref(), PairStatus.OPEN).get(0);
        gus.in(Place.group(chat.lastGroup())).clicks("intro.met", miss.id());
        gus.clicksButton("No");
        ian.clicksButton("Yes");
        assertThat(pairs.find(miss.id()).orElseThrow().status()).isEqualTo(PairStatus.NO_CLICK);
        chat.core().pairing().request(now, gus.ref(), jo.ref(), 10, List.of());
        jo.clicksButton("Accept");
        Pair again = pairs.of(gus.ref(), PairStatus.OPEN).get(0);
        gus.in(Place.group(chat.lastGroup())).clicks("intro.met", again.id());
        gus.clicksButton("Yes");
        jo.clicksButton("Yes");
        Seed.enrolMentee(chat.person("kit"), Forms.mentee());

        // every introduction logged its first meeting on day 0; more in the first and second month
        met(p1, 5, now);
        met(p1, 20, now);
        met(p1, 40, now);
        met(p2, 6, now);
        met(p2, 35, now);
        chat.clock().set(now.createdAt().plus(Duration.ofDays(45)));
        close(p1, amy, "achieved", 5, 5, bea, "achieved", 4);
        close(p2, cal, "partly", 4, 3, dee, "achieved", 5);
        close(p3, eli, "not-yet", 3, 2, fay, "partly", 4);

        List<String> posted = say("report Leadership 2026");
        String summary = posted.get(0);
        assertThat(summary).contains("*Results of Leadership 2026*", "Compared with *Leadership 2025*");
        // the funnel: ten enrolled (Kit still waits), nine matched and met, eight under way, six completed
        assertThat(summary).contains("Enrolled: 10 people (6 people)", "Matched with a partner: 9 people (6 people)",
                "Met their partner: 9 people (6 people)", "Mentoring under way: 8 people (6 people)",
                "Completed: 6 people (6 people)");
        assertThat(summary).doesNotContain("Invited");
        // drop-outs of one or two people are too few to show
        assertThat(summary).contains("Mentees still waiting for a mentor: fewer than 5 people",
                "First conversations that did not click: fewer than 5 people",
                "Mentees matched again after a \"no click\": fewer than 5 people");
        // 5 first meetings on day 0 (two of them Gus's) + 5 later ones, an hour each; the previous run's 3 first ones
        assertThat(summary).contains("Meetings logged: 10 (3)", "Hours of mentoring: about 10 hours (about 3 hours)");
        // three of six answers "achieved", two "partly", one "not yet"; six people rated their satisfaction
        assertThat(summary).contains("Objectives: achieved 50% · partly 33% · not yet 17% (6 people answered) "
                + "(no answers yet)");
        assertThat(summary).contains("Satisfaction: 4.2 out of 5 (6 people answered) (no answers yet)");
        assertThat(summary).as("only three mentees rate progress").contains("Progress on objectives: fewer than 5"
                + " answers");
        assertThat(summary).contains("Mentees who thanked their mentor: fewer than 5 people");

        // three charts, each with its numbers as text, then the CSV
        List<RecordingMessenger.SentFile> files = chat.outbox().filesTo(ADMIN).stream()
                .filter(f -> f.file().name().startsWith("report-leadership-2026")).toList();
        assertThat(files).extracting(f -> f.file().name()).containsExactly(
                "report-leadership-2026-" + day() + "-funnel.png",
                "report-leadership-2026-" + day() + "-meetings.png",
                "report-leadership-2026-" + day() + "-objectives.png",
                "report-leadership-2026-" + day() + ".csv");
        for (RecordingMessenger.SentFile f : files.subList(0, 3)) {
            assertThat(f.file().mediaType()).isEqualTo("image/png");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(f.file().bytes()));
            assertThat(png).as(f.file().name()).isNotNull();
            assertThat(png.getWidth()).isEqualTo(Charts.WIDTH);
            assertThat(png.getHeight()).isEqualTo(Charts.HEIGHT);
        }
        assertThat(posted.get(1)).contains("*How far people came*", "Enrolled: 10 people", "Completed: 6 people");
        // month 1: four pairs under way (Gus's second with them), 5 + 3 meetings; month 2: 2 meetings
        assertThat(posted.get(2)).contains("*Meetings per pair, month by month*", "Month 1: 2.0 (8 meetings, 4 pairs"
                + " under way)", "Month 2: 0.5 (2 meetings, 4 pairs under way)");
        assertThat(posted.get(3)).contains("*Objectives at the close*", "Achieved: 50%", "Partly achieved: 33%",
                "Not yet: 17%");
        String csv = new String(files.get(3).file().bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Figure,Leadership 2026,Leadership 2025", "Enrolled,10 people,6 people",
                "Satisfaction,4.2 out of 5 (6 people answered),no answers yet");

        // not a word anyone wrote: reflections, thank-you notes
        assertThat(String.join("\n", posted)).doesNotContain("Planted", "resign");
        assertThat(csv).doesNotContain("Planted", "resign");
        assertThat(before.id()).isNotEqualTo(now.id());
    }

    private String day() {
        return LocalDate.ofInstant(chat.clock().instant(), ZoneOffset.UTC).toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void fewerThanFiveAnswersShowNoAverageNoShareAndNoChartCell(int answering) {
        Seed.openProgramme(chat, "Pilot");
        List<Chat.Person> people = List.of(chat.person("amy"), chat.person("bea"), chat.person("cal"),
                chat.person("dee"));
        Pair p1 = Life.agreed(chat, "Pilot", people.get(0), people.get(1), null);
        Pair p2 = Life.agreed(chat, "Pilot", people.get(2), people.get(3), null);
        for (int i = 0; i < answering; i++) {
            Pair pair = i < 2 ? p1 : p2;
            Chat.Person who = people.get(i);
            who.clicks("reflection.write", pair.id() + ":closing:" + pair.rhythm().endsAt().orElseThrow());
            Map<String, Object> v = new HashMap<>(Map.of("final", PLANTED, "outcome1", "achieved",
                    "satisfaction", "5"));
            if (i % 2 == 0) {
                v.putAll(Map.of("progress1", "4", "survey", "5"));
            }
            assertThat(who.submits("reflection.form", v).text()).contains("Saved in your journal");
        }
        List<String> posted = say("report Pilot");
        String all = String.join("\n", posted);
        assertThat(posted.get(0)).contains("Objectives: fewer than 5 answers", "Satisfaction: fewer than 5 answers");
        assertThat(posted.get(3)).contains("Achieved: fewer than 5 answers", "Partly achieved: fewer than 5 answers");
        assertThat(all).doesNotContain("%", "out of 5 (", "Planted");
        assertThat(posted.get(1)).as("four people enrolled: no bar of the funnel shows them")
                .contains("Enrolled: fewer than 5 people");
        String csv = new String(chat.outbox().filesTo(ADMIN).get(3).file().bytes(), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("%", "Planted").contains("Satisfaction,fewer than 5 answers");
    }

    @Test
    void theFunnelStartsWithThoseInvitedWhenTheCoordinatorsInvitedPeople() {
        Seed.openProgramme(chat, "Leadership");
        List<String> addresses = new ArrayList<>();
        for (String name : List.of("amy", "bea", "cal", "dee", "eli", "fay")) {
            chat.outbox().knows(name + "@example.com", new Contact(chat.person(name).ref(), name, true));
            addresses.add(name + "@example.com");
        }
        assertThat(say("invite Leadership " + String.join(" ", addresses)).get(0)).contains("6");
        chat.core().sweep();
        Chat.Person amy = chat.person("amy");
        Seed.enrolMentee(amy, Forms.mentee());
        String summary = say("report Leadership").get(0);
        assertThat(summary).contains("Invited: 6 people", "Enrolled: fewer than 5 people");
        assertThat(summary.indexOf("Invited")).isLessThan(summary.indexOf("Enrolled"));
    }

    @Test
    void aReportIsForCoordinatorsAndNamesTheProgrammeToChoose() {
        Seed.openProgramme(chat, "Leadership");
        Seed.openProgramme(chat, "Onboarding");
        assertThat(chat.person("amy").says("report").text()).contains("is for coordinators");
        assertThat(chat.outbox().filesTo(ADMIN)).isEmpty();
        Chat.Replies which = carol.says("report");
        assertThat(which.buttonLabels()).containsExactly("Leadership", "Onboarding");
        assertThat(carol.says("report Nope").text()).contains("Nope");
        assertThat(chat.outbox().filesTo(ADMIN)).isEmpty();
    }

    @Test
    void closingAProgrammePostsItsReportInTheAdminChannelOnce() {
        Seed.openProgramme(chat, "Leadership");
        int mark = chat.mark();
        carol.says("program close Leadership");
        carol.clicksButton("Close it");
        chat.clock().set(chat.clock().instant().plusSeconds(60));
        chat.core().sweep();
        chat.core().sweep();
        String admin = chat.adminSince(mark).text();
        assertThat(admin).containsOnlyOnce("*Leadership* is closed: here is what it achieved.");
        assertThat(admin).containsOnlyOnce("*Results of Leadership*");
        assertThat(chat.outbox().filesTo(ADMIN)).hasSize(4);
        assertThat(chat.outbox().filesTo(ADMIN)).extracting(f -> f.file().mediaType())
                .containsExactly("image/png", "image/png", "image/png", "text/csv");
        assertThat(pairs.inProgram(Life.program(chat, "Leadership").id(), EnumSet.allOf(PairStatus.class))).isEmpty();
        assertThat(chat.outbox().all()).allSatisfy(s -> assertThat(s.message().blocks())
                .noneMatch(b -> b instanceof Block.Form));
    }
}

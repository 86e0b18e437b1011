package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.RecordingMessenger;

/** {@code export}: a CSV that parses, with one row per participant and pair, and no private text at all. */
class ExportTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);

    private FileAttachment export(String line) {
        int before = chat.outbox().filesTo("admin:" + Chat.TENANT).size();
        String reply = seeded.carol.says(line).text();
        assertThat(reply).contains("*Export of", "no answer, reason or reflection is in the file");
        List<RecordingMessenger.SentFile> files = chat.outbox().filesTo("admin:" + Chat.TENANT);
        assertThat(files).hasSize(before + 1);
        return files.get(files.size() - 1).file();
    }

    @Test
    void theCsvParsesAndHasARowPerParticipantAndPair() {
        FileAttachment file = export("export Leadership");
        assertThat(file.name()).isEqualTo("tandem-leadership-2026-03-02.csv");
        assertThat(file.mediaType()).isEqualTo("text/csv");
        List<List<String>> rows = parse(new String(file.bytes(), StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("Programme", "Person", "User id", "Role", "Enrolled on", "Pair",
                "Partner", "Stage", "Proposed or requested on", "Introduced on", "Active since", "Closed on",
                "Meetings logged");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(10).allSatisfy(r -> assertThat(r).hasSize(13));
        String pair = seeded.aliceAndBob.id();
        assertThat(data).contains(
                List.of("Leadership", "Alice", "alice", "Mentee", "2026-03-02", pair, "Bob", "introduced",
                        "2026-03-02", "2026-03-02", "", "", "0"),
                List.of("Leadership", "Bob", "bob", "Mentor", "2026-03-02", pair, "Alice", "introduced",
                        "2026-03-02", "2026-03-02", "", "", "0"),
                List.of("Leadership", "Hugo", "hugo", "Mentor", "2026-03-02", "", "", "", "", "", "", "", ""));
        assertThat(data).filteredOn(r -> r.get(1).equals("Kim")).singleElement().satisfies(r ->
                assertThat(r).containsSubsequence("Mentor", "").contains("declined", "Dan"));
        assertThat(data).filteredOn(r -> r.get(1).equals("Bob")).extracting(r -> r.get(7))
                .containsExactlyInAnyOrder("introduced", "proposed");
        assertThat(seeded.carol.says("audit").text()).contains("carol: exported Leadership as a file (10 rows)");
    }

    @Test
    void noFreeTextAnswerEverReachesTheFile() {
        String csv = new String(export("export").bytes(), StandardCharsets.UTF_8);
        assertThat(Seeded.secrets()).allSatisfy(s -> assertThat(csv).doesNotContain(s));
        assertThat(csv).doesNotContain("Speak with confidence", "Someone did it for me", "Finance", "Engineering");
    }

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(Csv.cell("Smith, Jane")).isEqualTo("\"Smith, Jane\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
        assertThat(Csv.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(parse(new String(new Csv().row(List.of("a,b", "line\nbreak", "")).bytes(),
                StandardCharsets.UTF_8))).containsExactly(List.of("a,b", "line\nbreak", ""));
    }

    @Test
    void onlyCoordinatorsInTheAdminChannelGetIt() {
        assertThat(seeded.alice.says("export").text()).contains("is for coordinators");
        assertThat(chat.outbox().filesTo(seeded.alice.ref().key())).isEmpty();
        assertThat(chat.outbox().filesTo("admin:" + Chat.TENANT)).isEmpty();
    }

    /** RFC 4180, after the byte-order mark. */
    static List<List<String>> parse(String csv) {
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(row).as("the file ends with a line break").isEmpty();
        return rows;
    }
}

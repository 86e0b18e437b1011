package org.tandem.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Render;

/**
 * Planted sentences in private answers (a mentee's hopes and other topic, a mentor's why, a decline reason) never
 * reach anything the admin commands, the weekly digest or an export produce.
 */
class NoPrivateTextTest {

    private final Chat chat = new Chat();
    private final Seeded seeded = new Seeded(chat);

    @Test
    void noAdminOutputOrExportCarriesAPlantedSentence() {
        int mark = chat.mark();
        for (String line : List.of("status", "status Leadership", "pending", "at-risk", "pair alice", "pair bob",
                "pair dan", "pair kim", "pair gina", "pair eve", "workshops", "audit 50", "export", "export Leadership",
                "end pair alice")) {
            seeded.carol.says(line);
        }
        chat.clock().set(Instant.parse("2026-03-09T09:01:00Z"));
        chat.core().sweep();
        String admin = chat.outbox().all().subList(mark, chat.outbox().size()).stream()
                .filter(s -> s.to().startsWith("admin:")).map(s -> Render.text(s.message()))
                .collect(Collectors.joining("\n"));
        String files = chat.outbox().filesTo("admin:" + Chat.TENANT).stream()
                .map(f -> new String(f.file().bytes(), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
        assertThat(admin).contains("Weekly digest", "Export of", "Mentees enrolled", "Audit log");
        assertThat(files).isNotEmpty();
        for (String secret : Seeded.secrets()) {
            assertThat(admin).as("admin channel").doesNotContain(secret);
            assertThat(files).as("exports").doesNotContain(secret);
        }
    }
}

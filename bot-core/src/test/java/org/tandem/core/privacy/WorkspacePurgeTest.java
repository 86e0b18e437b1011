package org.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.Seed;

/** A workspace that removed Tandem has its people's data erased after the retention period, unless it came back. */
class WorkspacePurgeTest {

    private final Chat chat = new Chat();
    private final Scope workspace = new Scope("test", Chat.TENANT);

    @Test
    void afterTheRetentionPeriodNothingOfItsPeopleIsLeft() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(chat.person("u-wren-5150"), Forms.with(Forms.mentee(), "hopes", "Wren-hopes"));
        chat.core().workspaceGone(workspace);
        chat.clock().advance(Duration.ofDays(300));
        chat.core().sweep();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-wren-5150", "Wren-hopes"))).as("not yet").isNotEmpty();
        chat.clock().advance(Duration.ofDays(70));
        chat.core().sweep();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-wren-5150", "Wren-hopes"))).isEmpty();
    }

    @Test
    void aWorkspaceThatCameBackKeepsItsData() {
        Seed.openProgramme(chat, "Leadership");
        Seed.enrolMentee(chat.person("u-wren-5150"), Forms.mentee());
        chat.core().workspaceGone(workspace);
        chat.core().workspaceBack(workspace);
        chat.clock().advance(Duration.ofDays(400));
        chat.core().sweep();
        assertThat(DatabaseScan.find(chat.db(), List.of("u-wren-5150"))).isNotEmpty();
    }
}

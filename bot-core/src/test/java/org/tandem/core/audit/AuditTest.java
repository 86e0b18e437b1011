package org.tandem.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Place;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Seed;

/** Every admin action is kept; admin commands anywhere else, by anyone, are refused politely and kept too. */
class AuditTest {

    private final Chat chat = new Chat();
    private final Chat.Person carol = chat.coordinator("carol");

    @Test
    void aParticipantTryingAnAdminCommandIsRefusedAndLogged() {
        Seed.openProgramme(chat, "Leadership");
        Chat.Person mallory = chat.person("mallory");
        assertThat(mallory.says("programs").text()).contains("*programs* is for coordinators, in the admin channel");
        assertThat(mallory.command("programs").text()).doesNotContain("Leadership");
        assertThat(carol.says("audit").text())
                .contains("Mallory: tried `programs` in a direct message: refused, not a coordinator");
    }

    @Test
    void aCoordinatorOutsideTheAdminChannelIsRefusedAndLoggedAsSuch() {
        Seed.openProgramme(chat, "Leadership");
        assertThat(carol.in(Place.DIRECT).says("programs").text()).contains("is for coordinators, in the admin channel");
        assertThat(carol.in(Place.group("g7")).says("program close Leadership").text())
                .contains("is for coordinators");
        String log = carol.says("audit").text();
        assertThat(log).contains("carol: tried `programs` in a direct message, outside the admin channel: refused",
                "carol: tried `program` in a group conversation, outside the admin channel: refused");
        assertThat(log).doesNotContain("g7");
    }

    @Test
    void commandsButtonsAndFormsInTheAdminChannelAreLoggedWithoutTheirValues() {
        Seed.openProgramme(chat, "Leadership");
        carol.says("program close Leadership");
        carol.clicksButton("Close it");
        String log = carol.says("audit").text();
        assertThat(log).contains("carol: submitted the form `program.create`", "carol: ran `program`",
                "carol: clicked `program.close`", "carol: ran `audit`");
        List<Document> entries = chat.db().getCollection("audit").find().into(new java.util.ArrayList<>());
        assertThat(entries).allSatisfy(e -> assertThat(e.toJson()).doesNotContain("Grow as a leader", ":yes"));
    }

    @Test
    void participantsOwnCommandsAreNotAdminActions() {
        chat.person("alice").says("help");
        assertThat(chat.db().getCollection("audit").countDocuments()).isZero();
    }

    @Test
    void theListIsBoundedAndNewestFirst() {
        for (int i = 0; i < 30; i++) {
            carol.says("programs");
        }
        String log = carol.says("audit 5").text();
        assertThat(log).contains("the latest 5 entries");
        assertThat(log.lines().filter(l -> l.contains("carol: ran")).count()).isEqualTo(5);
        assertThat(log.lines().filter(l -> l.startsWith("`")).findFirst().orElseThrow()).contains("ran `audit`");
    }
}

package org.tandem.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.pairs.Pair;
import org.tandem.core.program.Program;
import org.tandem.core.conversation.Scope;
import org.tandem.core.testing.Chat;
import org.tandem.core.testing.Forms;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.Seed;

/** {@code my-data}: a JSON file of what is stored about the person, to them only, with nothing of anyone else's. */
class MyDataTest {

    static final String HOPES = "Alice-hopes: to chair the board";
    static final String WHY = "Bob-why: to give back";
    static final String DECLINE = "Kim-decline: I am on leave in April";

    private final Chat chat = new Chat();
    private final Chat.Person alice = chat.person("alice");
    private final Chat.Person bob = chat.person("bob");
    private final Chat.Person kim = chat.person("kim");

    @BeforeEach
    void pairs() {
        Seed.openProgramme(chat, "Leadership");
        Program program = chat.core().programs().findByName(new Scope("test", Chat.TENANT), "Leadership")
                .orElseThrow();
        Seed.enrolMentee(alice, Forms.with(Forms.mentee(), "hopes", HOPES));
        Seed.enrolMentor(bob, Forms.with(Forms.mentor(), "why", WHY));
        Seed.enrolMentor(kim, Forms.mentor());
        List<Pair.Reason> reasons = List.of(new Pair.Reason("match.reason.topics", List.of("leadership"), 10));
        chat.core().pairing().request(program, alice.ref(), kim.ref(), 30, reasons);
        kim.clicksButton("Decline");
        kim.submits("request.decline-form", Map.of("reason", DECLINE));
        chat.core().pairing().request(program, alice.ref(), bob.ref(), 40, reasons);
        bob.clicksButton("Accept");
        Seed.openProgramme(chat, "Career");
        alice.says("join");
        alice.clicksButton("Career");
    }

    private String file(Chat.Person who) {
        assertThat(who.says("my-data").text()).contains("Here is everything I store about you",
                "Only you received this file");
        List<RecordingMessenger.SentFile> files = chat.outbox().filesTo(who.ref().key());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).file().mediaType()).isEqualTo("application/json");
        assertThat(files.get(0).file().name()).isEqualTo("tandem-my-data-2026-03-02.json");
        String json = new String(files.get(0).file().bytes(), StandardCharsets.UTF_8);
        Document.parse(json);
        return json;
    }

    @Test
    void aMenteeGetsTheirAnswersAndPairsButNotTheirMentorsPrivateWords() {
        String json = file(alice);
        Document d = Document.parse(json);
        assertThat(d.get("profile", Document.class).getString("displayName")).isEqualTo("Alice");
        assertThat(json).contains(HOPES, "\"partner\": \"Bob\"", "\"stage\": \"introduced\"", "\"yourRole\": \"mentee\"",
                "\"partner\": \"Kim\"", "\"stage\": \"declined\"", "\"dialogue\": \"intake\"");
        assertThat(json).doesNotContain(WHY, DECLINE);
        assertThat(chat.outbox().filesTo("admin:" + Chat.TENANT)).isEmpty();
    }

    @Test
    void aMentorGetsTheirOwnDeclineReason() {
        String json = file(kim);
        assertThat(json).contains(DECLINE, "\"yourDeclineReason\"").doesNotContain(HOPES);
        assertThat(file(bob)).contains(WHY).doesNotContain(HOPES, DECLINE);
    }

    @Test
    void itIsAuditedAndOnlyInADirectMessage() {
        file(alice);
        assertThat(chat.coordinator("carol").says("audit").text()).contains("Alice: received a copy of their own data");
        assertThat(alice.in(org.tandem.core.conversation.Place.group("g1")).says("my-data").text())
                .contains("works in a direct message");
    }
}

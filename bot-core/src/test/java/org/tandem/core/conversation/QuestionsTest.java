package org.tandem.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.RecordingMessenger;
import org.tandem.core.testing.TestMongo;

/**
 * A copy of a question is recorded once the platform answered its send; a person can click it before that (the
 * platform delivered it first). Their answer must still turn the copy into its outcome.
 */
class QuestionsTest {

    private static final PersonRef ALICE = new PersonRef("slack", "T1", "alice");

    private final RecordingMessenger platform = new RecordingMessenger();
    private final Racing racing = new Racing(platform);
    private final AskingMessenger messenger = new AskingMessenger(racing);
    private final com.mongodb.client.MongoDatabase db = TestMongo.freshDatabase();
    private final Questions questions = new Questions(db, messenger,
            Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

    {
        messenger.recordIn(questions);
    }

    @Test
    void aQuestionAnsweredWhileItsSendWasUnderWayClosesAsItIsRecorded() {
        racing.whileSending = ref -> questions.close("q1", t -> Rich.literal("✓ Accepted"), messenger::update);

        MessageRef ref = messenger.send(Address.person(ALICE), question("q1"));

        assertThat(latest(ref).interactive()).as("no live button on an answered question").isFalse();
        assertThat(questions.isOpen("q1")).isFalse();
        assertThat(questions.closedView(ref)).isPresent();
    }

    @Test
    void aClickOnTheCopyBeforeItWasRecordedShowsWhatWasChosen() {
        racing.whileSending = ref -> questions.closeCopyChosen(ref, ALICE, "a.yes", "v", messenger::update);

        MessageRef ref = messenger.send(Address.person(ALICE), question("q1"));

        assertThat(latest(ref).interactive()).isFalse();
        assertThat(latest(ref).toString()).contains("Yes");
    }

    @Test
    void aClickKeptBeforeItsCopyWasKnownIsForgottenWithThePerson() {
        MessageRef never = new MessageRef("slack", "D1:123.456");
        questions.closeCopyChosen(never, ALICE, "a.yes", "secret-answer", messenger::update);

        questions.forget(ALICE, java.util.Set.of());

        assertThat(db.getCollection("question_answers_early").countDocuments()).isZero();
    }

    @Test
    void aQuestionClosedBeforeItsSendStartedDoesNotCloseTheNewCopy() {
        // superseded, then asked afresh under the same key (a new shortlist): the new copy stays open
        questions.close("q1", t -> Rich.literal("superseded"), messenger::update);

        MessageRef ref = messenger.send(Address.person(ALICE), question("q1"));

        assertThat(latest(ref).interactive()).isTrue();
        assertThat(questions.isOpen("q1")).isTrue();
    }

    private Message latest(MessageRef ref) {
        return platform.all().stream().filter(m -> m.ref().equals(ref)).findFirst().orElseThrow().message();
    }

    private static Message question(String key) {
        return Message.builder().text(Rich.literal("Do you accept?"))
                .buttons(List.of(new Block.Button("a.yes", "Yes", "v"), new Block.Button("a.no", "No", "v")))
                .build().asking(key, Locale.ENGLISH);
    }

    /** A platform that delivers the message (and lets the person act on it) before it answers the send. */
    private static final class Racing implements Messenger {

        private final Messenger platform;
        Consumer<MessageRef> whileSending = ref -> { };

        Racing(Messenger platform) {
            this.platform = platform;
        }

        @Override
        public MessageRef send(Address to, Message message) {
            MessageRef ref = platform.send(to, message);
            whileSending.accept(ref);
            return ref;
        }

        @Override
        public GroupRef openGroup(List<PersonRef> members, Message message) {
            return platform.openGroup(members, message);
        }

        @Override
        public boolean update(MessageRef ref, Message message) {
            return platform.update(ref, message);
        }
    }
}

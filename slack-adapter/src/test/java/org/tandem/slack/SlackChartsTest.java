package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Rich;

/**
 * A report's chart (a PNG) goes to Slack with the real SDK's {@code files.uploadV2} so that Slack shows it inline: a
 * name ending in {@code .png} (Slack tells a file's type by it), its own name as the title, and the message's words,
 * which carry the chart's numbers, as its alt text for screen readers; after its message, in a DM or a named channel.
 */
class SlackChartsTest {

    /** The eight bytes every PNG starts with, and a little more. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};

    private final StubbedSlack stubbed = new StubbedSlack();
    private final WebApiStub slack = stubbed.slack;
    private final List<Duration> pauses = stubbed.pauses;
    private final SlackMessenger messenger = stubbed.messenger();

    @AfterEach
    void close() throws Exception {
        stubbed.close();
    }

    private static Message report() {
        return Message.builder().text(Rich.markup("*Pairs this quarter*"))
                .fields(List.of(new Block.Field("Active", "12"), new Block.Field("Completed", "5"))).build();
    }

    private List<String> methods() {
        return slack.calls().stream().map(WebApiStub.Call::method).toList();
    }

    @Test
    void aChartLandsInTheDmAfterItsMessageAsAPictureWithItsNumbersAsAltText() {
        FileAttachment chart = new FileAttachment("pairs-2026-q1", "image/png", PNG);
        messenger.sendFile(Address.person(new PersonRef("slack", "T1", "UALICE")), chart, report());

        assertThat(methods()).containsSubsequence("chat.postMessage", "conversations.open",
                "files.getUploadURLExternal", "files.completeUploadExternal");
        assertThat(slack.params("files.getUploadURLExternal")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("filename", "pairs-2026-q1.png").containsEntry("length", String.valueOf(PNG.length))
                .containsEntry("alt_txt", "Pairs this quarter\nActive: 12\nCompleted: 5"));
        assertThat(slack.params("files.completeUploadExternal")).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("channel_id", "DALICE").doesNotContainKey("initial_comment");
            assertThat(p.get("files")).contains("\"title\":\"pairs-2026-q1\"");
        });
        assertThat(slack.uploads()).singleElement().satisfies(b -> assertThat(b).isEqualTo(PNG));
    }

    @Test
    void aChartNamedAsAPngKeepsItsNameAndACsvGetsNoAltText() {
        messenger.sendFile(Address.admin(new PersonRef("slack", "T1", "UALICE").scope()),
                new FileAttachment("pairs.png", "image/png", PNG), report());
        messenger.sendFile(Address.admin(new PersonRef("slack", "T1", "UALICE").scope()),
                new FileAttachment("pairs.csv", "text/csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8)), report());
        assertThat(slack.params("files.getUploadURLExternal")).extracting(p -> p.get("filename"))
                .containsExactly("pairs.png", "pairs.csv");
        assertThat(slack.params("files.getUploadURLExternal").get(1)).doesNotContainKey("alt_txt");
        assertThat(slack.params("files.completeUploadExternal")).allSatisfy(p -> assertThat(p)
                .containsEntry("channel_id", "CADMIN"));
    }

    @Test
    void aChartForANamedChannelGoesThereAfterItsMessageWhichJoinedIt() {
        slack.channel("CKUDOS", "kudos", false, false, false);
        messenger.sendFile(Address.channel(new ChannelRef("slack", "T1", "CKUDOS", "kudos")),
                new FileAttachment("thanks.png", "image/png", PNG), report());
        assertThat(methods()).containsExactly("chat.postMessage", "conversations.join", "chat.postMessage",
                "files.getUploadURLExternal", "files.completeUploadExternal");
        assertThat(slack.params("files.completeUploadExternal")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("channel_id", "CKUDOS"));
    }

    @Test
    void aLongMessageIsCutToTheAltTextSlackKeeps() {
        Message longOne = Message.text(Rich.literal("x".repeat(3000)));
        assertThat(SlackMessenger.altText(longOne)).hasSize(SlackMessenger.ALT_MAX).endsWith("…");
    }
}

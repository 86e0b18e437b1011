package org.tandem.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileAttachmentTest {

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] bytes = "a,b\n".getBytes(StandardCharsets.UTF_8);
        FileAttachment f = new FileAttachment("export.csv", "text/csv", bytes);
        bytes[0] = 'x';
        f.bytes()[1] = 'y';
        assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n");
        assertThat(f).isEqualTo(new FileAttachment("export.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(f.toString()).doesNotContain("a,b");
    }

    @Test
    void refusesUnsafeNamesUnknownTypesAndLargeFiles() {
        assertThatThrownBy(() -> new FileAttachment("../etc/passwd", "text/csv", new byte[0]))
                .hasMessageContaining("file name");
        assertThatThrownBy(() -> new FileAttachment("a\".csv", "text/csv", new byte[0]))
                .hasMessageContaining("file name");
        assertThatThrownBy(() -> new FileAttachment("page.html", "text/html", new byte[0]))
                .hasMessageContaining("media type");
        assertThatThrownBy(() -> new FileAttachment("big.csv", "text/csv", new byte[FileAttachment.MAX_BYTES + 1]))
                .isInstanceOf(FileAttachment.TooLarge.class);
    }
}

package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Slack's text, read as the person typed it. */
class PayloadsTest {

    @Test
    void aMentionStaysHowTheCoreNamesSomeoneAndTheRestReadsAsShown() {
        assertThat(Payloads.unescape("pair <@U123|alice>")).isEqualTo("pair <@U123|alice>");
        assertThat(Payloads.unescape("end pair <@U123>")).isEqualTo("end pair <@U123>");
        assertThat(Payloads.unescape("see <https://example.com/a?b=1&amp;c=2> or <http://zoom.us/j/1|zoom.us/j/1>"))
                .isEqualTo("see https://example.com/a?b=1&c=2 or zoom.us/j/1");
        assertThat(Payloads.unescape("in <#C0123|mentoring> and <#C0456>")).isEqualTo("in #mentoring and #C0456");
        assertThat(Payloads.unescape("<!here> <!channel> <!subteam^S1|@mentors> <!date^1700000000^{date}|Nov 14>"))
                .isEqualTo("@here @channel @mentors Nov 14");
        assertThat(Payloads.unescape("a &lt;b&gt; &amp;lt; R&amp;D")).as("typed, not markup")
                .isEqualTo("a <b> &lt; R&D");
        assertThat(Payloads.unescape("&lt;@U999&gt;")).isEqualTo("<@U999>");
    }
}

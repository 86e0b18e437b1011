package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack's text and a submitted modal's state, read as the person typed and picked them. */
class PayloadsTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();

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

    @Test
    void aDatepickerAndATimepickerGiveTheCoreIsoValues() {
        ViewState state = GSON.fromJson("""
                {"values":{
                  "date":{"date":{"type":"datepicker","selected_date":"2026-03-14"}},
                  "time":{"time":{"type":"timepicker","selected_time":"09:30"}},
                  "none":{"none":{"type":"datepicker","selected_date":null}},
                  "title":{"title":{"type":"plain_text_input","value":"Kick-off"}}}}""", ViewState.class);
        assertThat(Payloads.values(state)).containsEntry("date", List.of("2026-03-14"))
                .containsEntry("time", List.of("09:30")).containsEntry("none", List.of())
                .containsEntry("title", List.of("Kick-off"));
    }
}

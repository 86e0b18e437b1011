package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.core.conversation.Rich;

class TeamsMarkdownTest {

    @Test
    void ourMarkupBecomesCardMarkdownAndLiteralsStayLiteral() {
        Rich welcome = Rich.markup("Welcome to *").append(Rich.literal("Lead_ership *2026*"))
                .append(Rich.markup("*, ")).append(Rich.literal("Ann [x](http://evil)")).append(Rich.markup("!"));
        assertThat(TeamsMarkdown.lines(welcome))
                .containsExactly("Welcome to **Lead\\_ership \\*2026\\***, Ann \\[x\\](http://evil)!");
    }

    @Test
    void eachLineIsItsOwnEntryAndCodeIsBold() {
        Rich help = Rich.join("\n", List.of(Rich.markup("`").append(Rich.literal("join")).append(Rich.markup("` enrol")),
                Rich.markup("_italic_ line")));
        assertThat(TeamsMarkdown.lines(help)).containsExactly("**join** enrol", "_italic_ line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "list item      | - not a list     | \\- not a list",
        "numbered       | 1. not a list    | 1\\. not a list",
        "heading        | # not a heading  | \\# not a heading",
        "quote          | > not a quote    | \\> not a quote",
        "mid-line dash  | a - b            | a - b",
        "date function  | {{DATE(2017-02-14T06:08:39Z, SHORT)}} | {\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}}",
        "backslash      | a\\b             | a\\\\b",
        "strike         | ~~x~~            | \\~\\~x\\~\\~",
    })
    void literalTextCannotFormat(String what, String typed, String escaped) {
        assertThat(TeamsMarkdown.escape(typed, true)).as(what).isEqualTo(escaped);
    }

    @Test
    void literalLineBreaksBecomeCardLineBreaksInFacts() {
        assertThat(TeamsMarkdown.literal("first\n- second")).isEqualTo("first\n\n\\- second");
    }
}

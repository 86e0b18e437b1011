package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class NeedlesTest {

    private final Needles ann = Needles.of("Ann", Set.of("Sales", "Lead the *Q3* launch", "ann.k@example.org",
            "Speak with confidence at the board meetings, every month"));

    @Test
    void aCopyIsAboutThemWhenItHoldsTheirNameOrADistinctiveText() {
        assertThat(ann.foundIn("Ann would like you as their mentor")).isTrue();
        assertThat(ann.foundIn("Reach me at ANN.K@example.org")).as("any case").isTrue();
        assertThat(ann.foundIn("Goal: Lead the \\*Q3\\* launch")).as("escaped for the page").isTrue();
        assertThat(ann.foundIn("Hopes: Speak with confidence at the board…")).as("a shortened quote").isTrue();
        assertThat(ann.foundIn("{\"goal\": \"Lead the *Q3* launch\"}")).as("in a JSON file").isTrue();
        assertThat(ann.foundIn("Department: Sales")).as("a department is everyone's word").isFalse();
        assertThat(ann.foundIn("Planning with Joanna")).as("not inside another word").isFalse();
    }

    @Test
    void blankingTakesTheirWordsOnlyAndWholeWordsOnly() {
        assertThat(ann.blank("Ann (Sales) meets Joanna, of Salesforce: Lead the *Q3* launch"))
                .isEqualTo("— (—) meets Joanna, of Salesforce: —");
        assertThat(ann.blank("Annual review with Ann")).isEqualTo("Annual review with —");
        assertThat(ann.blank("Hopes: Speak with confidence at the board…\nNext line")).isEqualTo("Hopes: —\nNext line");
        Document block = new Document("type", "fields").append("fields", List.of(
                new Document("label", "Contact").append("value", "ann.k@example.org")));
        assertThat(ann.blank(block).toJson()).contains("\"value\": \"—\"").doesNotContain("example.org");
        Document quoted = new Document("type", "text").append("text", "Goal: " + WebchatRenderer.escape(
                "Lead the *Q3* launch"));
        assertThat(ann.foundIn(quoted)).as("a block quoting her, escaped").isTrue();
        assertThat(ann.foundIn(new Document("type", "text").append("text", "Department: Sales"))).isFalse();
    }

    @Test
    void withoutANameOrTraceNothingIsFound() {
        Needles none = Needles.of(null, Set.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.foundIn("anything")).isFalse();
        assertThat(none.blank("anything")).isEqualTo("anything");
    }

    @Test
    void theQuickLookMissesNoCharacterTheCaseInsensitivePatternWouldMatch() {
        // every character of the Basic Multilingual Plane against its upper, lower and title case
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String a = String.valueOf((char) c);
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(a),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
            for (int v : new int[] {Character.toUpperCase(c), Character.toLowerCase(c), Character.toTitleCase(c)}) {
                String b = String.valueOf((char) v);
                if (v < 0x10000 && p.matcher(b).matches()) {
                    assertThat(Needles.fold(b)).as("U+%04X and U+%04X", c, v).isEqualTo(Needles.fold(a));
                }
            }
        }
        assertThat(Needles.of("Ünal İnce", java.util.Set.of()).foundIn("a note for ÜNAL ince")).isTrue();
        assertThat(Needles.of("Ünal İnce", java.util.Set.of()).foundIn("a note for Ünal Incense")).isFalse();
    }
}

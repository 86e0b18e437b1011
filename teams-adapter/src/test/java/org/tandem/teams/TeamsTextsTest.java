package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.Bundles;

class TeamsTextsTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        assertThat(TeamsTexts.of(Locale.FRENCH).keys()).containsExactlyInAnyOrderElementsOf(
                TeamsTexts.of(Locale.ENGLISH).keys());
        assertThat(TeamsTexts.of(Locale.forLanguageTag("fr-CA")).get("choice.ok")).isEqualTo("Valider");
        assertThat(TeamsTexts.of(Locale.GERMAN).get("intro.chat.topic", "A", "B")).isEqualTo("Mentoring: A and B");
    }

    @Test
    void everyTextRendersInEnglishAndFrenchWithTheSameArguments() {
        Bundles.check("i18n.teams", Set.of());
    }
}

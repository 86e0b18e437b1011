package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.testing.Bundles;

class SlackTextsTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        assertThat(SlackTexts.of(Locale.FRENCH).keys()).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                SlackTexts.of(Locale.ENGLISH).keys());
        assertThat(BlockKit.fallback(SlackTexts.of(Locale.forLanguageTag("fr-CA")).message("admin.here.already")))
                .contains("canal d'administration");
        assertThat(BlockKit.fallback(SlackTexts.of(Locale.GERMAN).message("admin.here.already")))
                .contains("admin channel");
    }

    @Test
    void everyTextRendersInEnglishAndFrenchWithTheSameArguments() {
        Bundles.check("i18n.slack", Set.of());
    }
}

package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.testing.Bundles;

class WebchatTextsTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        assertThat(Texts.of(WebchatController.TEXTS, Locale.FRENCH).keys()).containsExactlyInAnyOrderElementsOf(
                Texts.of(WebchatController.TEXTS, Locale.ENGLISH).keys());
        assertThat(Texts.of(WebchatController.TEXTS, Locale.FRENCH).get("file.withdrawn")).startsWith("Ce fichier");
    }

    @Test
    void everyTextRendersInEnglishAndFrenchWithTheSameArguments() {
        Bundles.check(WebchatController.TEXTS, Set.of());
    }
}

package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.testing.Bundles;

class WebchatTextsTest {

    /**
     * How the page names its words: {@code data-i18n="key"} (and -placeholder, -label) in the HTML, {@code t('key')}
     * and {@code words(tag, 'key')} in the script.
     */
    private static final Pattern USED = Pattern.compile(
            "data-i18n(?:-placeholder|-label)?=\"([^\"]+)\"|\\bt\\('([^']+)'|\\bwords\\('[a-z0-9]+', '([^']+)'");

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

    @Test
    void everyWordThePageShowsIsInItsBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String file : new String[] {"webchat/index.html", "webchat/app.js"}) {
            Matcher m = USED.matcher(read(file));
            while (m.find()) {
                used.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        // the dev clock's buttons are named after their periods
        assertThat(used).contains("sidebar.open", "composer.send", "clock.P14D", "conversation.direct", "choice.ok");
        for (Locale l : Texts.SUPPORTED) {
            assertThat(Texts.of(WebchatController.TEXTS, l).keys()).as(l.toString()).containsAll(used);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = WebchatTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.tandem.core.conversation.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Rich;

class TextsTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts fr = Texts.of(Locale.FRENCH);

    @Test
    void englishAndFrenchHaveTheSameKeys() {
        Set<String> onlyEn = new TreeSet<>(en.keys());
        onlyEn.removeAll(fr.keys());
        Set<String> onlyFr = new TreeSet<>(fr.keys());
        onlyFr.removeAll(en.keys());
        assertThat(onlyEn).as("keys missing in French").isEmpty();
        assertThat(onlyFr).as("keys missing in English").isEmpty();
    }

    @Test
    void translationsUseTheSamePlaceholders() {
        Pattern p = Pattern.compile("\\{\\d+}");
        for (String key : en.keys()) {
            assertThat(placeholders(p, fr.get(key))).as(key).isEqualTo(placeholders(p, en.get(key)));
        }
    }

    @Test
    void frenchIsReallyFrench() {
        assertThat(fr.get("language.name")).isEqualTo("Français");
        assertThat(Texts.of(Locale.CANADA_FRENCH).get("language.name")).isEqualTo("Français");
        assertThat(Texts.of(Locale.GERMAN).get("language.name")).isEqualTo("English");
    }

    @Test
    void argumentsStayLiteralAndApostrophesNeedNoQuoting() {
        Rich r = fr.rich("intake.welcome", "*Zoë* <!channel>", "P");
        assertThat(r.spans()).anySatisfy(s -> {
            assertThat(s).isInstanceOf(Rich.Literal.class);
            assertThat(s.text()).isEqualTo("*Zoë* <!channel>");
        });
        assertThat(fr.get("error.unexpected")).contains("s'est mal passé");
    }

    @Test
    void parsesLanguagesPeopleType() {
        assertThat(Texts.parseLanguage("FR")).contains(Locale.FRENCH);
        assertThat(Texts.parseLanguage("français")).contains(Locale.FRENCH);
        assertThat(Texts.parseLanguage("english")).contains(Locale.ENGLISH);
        assertThat(Texts.parseLanguage("klingon")).isEmpty();
    }

    private static Set<String> placeholders(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}

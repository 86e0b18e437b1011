package org.tandem.core.conversation.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.Bundles;

class TextsTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts fr = Texts.of(Locale.FRENCH);

    @Test
    void everyTextOfTheCoreRendersInEnglishAndFrenchWithTheSameArguments() {
        // command words and the words people greet with are lists, not sentences
        Bundles.check("i18n.messages", Set.of("command.", "help.usage.", "chatter.greetings", "chatter.wishes"));
    }

    @Test
    void frenchIsReallyFrench() {
        assertThat(fr.get("language.name")).isEqualTo("Français");
        assertThat(Texts.of(Locale.CANADA_FRENCH).get("language.name")).isEqualTo("Français");
        assertThat(Texts.of(Locale.GERMAN).get("language.name")).isEqualTo("English");
    }

    @Test
    void countsFollowEachLanguagesPluralRules() {
        assertThat(en.get("journal.title", 0)).isEqualTo("*Your journal* (0 reflections, newest first)");
        assertThat(en.get("journal.title", 1)).isEqualTo("*Your journal* (1 reflection, newest first)");
        assertThat(en.get("journal.title", 2)).isEqualTo("*Your journal* (2 reflections, newest first)");
        // in French, 0 and 1 are both singular
        assertThat(fr.get("journal.title", 0)).isEqualTo("*Votre journal* (0 réflexion, les plus récentes d'abord)");
        assertThat(fr.get("journal.title", 1)).isEqualTo("*Votre journal* (1 réflexion, les plus récentes d'abord)");
        assertThat(fr.get("journal.title", 5)).isEqualTo("*Votre journal* (5 réflexions, les plus récentes d'abord)");
        assertThat(en.get("form.fix-errors", 1)).startsWith("Please check the answer marked below;");
        assertThat(en.get("form.fix-errors", 2)).startsWith("Please check the 2 answers marked below;");
        assertThat(fr.get("match.confirmed.shortlists", "P", 2, 1, 0))
                .isEqualTo("Confirmé pour *P* : 2 mentorés ont reçu leur sélection, 1 reste dans le vivier et en "
                        + "connaît la raison, aucun changement depuis l'aperçu.");
        assertThat(en.get("workshop.announced", "W", 4, "P")).startsWith("*W* is announced to 4 participants of *P*");
    }

    @Test
    void numbersAreWrittenTheLanguagesWay() {
        assertThat(en.get("weekly.meetings", 1234)).isEqualTo("Meetings logged this week: 1,234");
        assertThat(fr.get("weekly.meetings", 1234)).isEqualTo("Rencontres consignées cette semaine : 1\u202F234");
        assertThat(fr.get("digest.title", 1500)).contains("1\u202F500 nouvelles inscriptions");
        // a count that arrives as text still chooses its form
        assertThat(en.get("program.months", "1")).isEqualTo("1 month");
        assertThat(en.get("program.months", "6")).isEqualTo("6 months");
        assertThatThrownBy(() -> en.get("program.months", "six")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("program.months").hasMessageContaining("six");
    }

    @Test
    void argumentsStayLiteralInsideAndOutsidePlurals() {
        Rich r = fr.rich("intake.welcome", "*Zoë* <!channel>", "P");
        assertThat(r.spans()).anySatisfy(s -> {
            assertThat(s).isInstanceOf(Rich.Literal.class);
            assertThat(s.text()).isEqualTo("*Zoë* <!channel>");
        });
        Rich inPlural = en.rich("admin.end.confirm", "<b>Al</b>", 1);
        assertThat(inPlural.spans()).contains(new Rich.Literal("<b>Al</b>"), new Rich.Markup("End the pair of *"));
        Rich nested = en.rich("question.answered", Rich.markup("*Q*"), "A");
        assertThat(nested.spans()).containsExactly(new Rich.Markup("✓ "), new Rich.Markup("*Q*"),
                new Rich.Markup(": "), new Rich.Literal("A"));
        assertThat(en.get("question.answered", "only one")).isEqualTo("✓ only one: {1}");
    }

    @Test
    void anApostropheIsAlwaysAnApostrophe() {
        assertThat(fr.get("error.unexpected")).contains("s'est mal passé");
        Texts t = Texts.of("i18n.texts-test", Locale.FRENCH);
        assertThat(t.get("elision", "Anne", 1)).isEqualTo("Le programme d'Anne et l'1 atelier");
        assertThat(t.get("elision", "Anne", 3)).isEqualTo("Le programme d'Anne et l'3 ateliers");
        assertThat(t.get("quoted", "join")).isEqualTo("Tapez 'join' ou 'aide'");
        assertThat(t.get("hash", "x", 1)).isEqualTo("l'#x, l'1 seul");
        assertThat(t.get("hash", "x", 4)).isEqualTo("l'#x, l'4 et d'autres");
        assertThat(t.get("select", "mentor", "Bob")).isEqualTo("Le mentor Bob");
        assertThat(t.get("select", "mentee", "Bob")).isEqualTo("La personne Bob");
    }

    @Test
    void frenchWritesTheFirstOfTheMonth1er() {
        LocalDate first = LocalDate.of(2026, 12, 1);
        assertThat(fr.date(first)).isEqualTo("1er décembre 2026");
        assertThat(fr.date(first.plusDays(1))).isEqualTo("2 décembre 2026");
        assertThat(fr.date(LocalDate.of(2026, 3, 11))).isEqualTo("11 mars 2026");
        assertThat(en.date(first)).isEqualTo("December 1, 2026");
        Instant evening = Instant.parse("2026-12-01T16:30:00Z");
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(fr.date(evening, paris)).isEqualTo("1er décembre 2026");
        assertThat(fr.date(Instant.parse("2026-11-30T23:30:00Z"), paris)).isEqualTo("1er décembre 2026");
        assertThat(fr.shortDate(evening, paris)).isEqualTo("1er déc. 2026");
        assertThat(en.shortDate(evening, paris)).isEqualTo("Dec 1, 2026");
        assertThat(fr.dateTime(evening, paris)).isEqualTo("mardi 1er décembre 2026 à 17:30");
        assertThat(fr.dateTime(evening.plusSeconds(86_400), paris)).isEqualTo("mercredi 2 décembre 2026 à 17:30");
        assertThat(en.dateTime(evening, paris)).isEqualTo("Tuesday, December 1, 2026, 5:30 PM");
        assertThat(Texts.of("i18n.texts-test", Locale.FRENCH).dateTime(evening, paris))
                .isEqualTo("mardi 1er décembre 2026 à 17:30");
        assertThat(fr.get("checkin.ask", "Bob", fr.date(first))).isEqualTo(
                "Avez-vous rencontré *Bob* depuis le 1er décembre 2026 ?");
    }

    @Test
    void parsesLanguagesPeopleType() {
        assertThat(Texts.parseLanguage("FR")).contains(Locale.FRENCH);
        assertThat(Texts.parseLanguage("français")).contains(Locale.FRENCH);
        assertThat(Texts.parseLanguage("english")).contains(Locale.ENGLISH);
        assertThat(Texts.parseLanguage("klingon")).isEmpty();
    }
}

package org.tandem.core.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.i18n.Texts;

/** The fixed answers of the intake forms: seniority, meeting format, preference about the mentor. */
final class Choices {

    /** Career stage, in order: the matcher compares levels. */
    enum Seniority {
        JUNIOR, MID, SENIOR, LEAD, EXECUTIVE;

        int level() {
            return ordinal() + 1;
        }
    }

    enum Format { VIDEO, IN_PERSON, EITHER }

    enum Preference { NONE, OTHER_DEPARTMENT, SAME_DEPARTMENT }

    private Choices() {
    }

    static String value(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> value(e).equals(value)).findFirst();
    }

    static <E extends Enum<E>> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::value).toList();
    }

    static String label(Texts t, Enum<?> e) {
        return t.get("choice." + e.getDeclaringClass().getSimpleName().toLowerCase(Locale.ROOT) + "." + value(e));
    }

    static <E extends Enum<E>> List<Block.Option> options(Texts t, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> new Block.Option(value(e), label(t, e))).toList();
    }
}

package org.tandem.core.conversation.i18n;

import java.util.List;
import java.util.Locale;
import org.tandem.core.conversation.Block;

/**
 * The languages a programme may offer for mentoring conversations (not the languages Tandem itself speaks).
 * Their names come from the JDK in the reader's language.
 */
public final class Languages {

    public static final List<String> OFFERED = List.of("en", "fr", "de", "es", "it", "nl", "pt", "pl", "ar", "zh",
            "ja", "hi");

    private Languages() {
    }

    /** "French", "français", "Französisch"… with a capital letter. */
    public static String label(String code, Locale reader) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }

    public static List<Block.Option> options(List<String> codes, Locale reader) {
        return codes.stream().map(c -> new Block.Option(c, label(c, reader))).toList();
    }

    public static String labels(List<String> codes, Locale reader) {
        return String.join(", ", codes.stream().map(c -> label(c, reader)).toList());
    }
}

package org.tandem.core.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.tandem.core.conversation.i18n.Texts;

/**
 * A mentee the plan leaves in the pool, and a kind sentence saying why ({@code match.unmatched.…} with arguments).
 * For {@link #LANGUAGES} the argument is a comma-separated list of language codes, which {@link #text} names in the
 * reader's language; stored elsewhere, render it with {@link #text} too.
 */
public record Unmatched(String mentee, String key, List<String> args) {

    static final String LANGUAGES = "match.unmatched.languages";

    public Unmatched {
        Objects.requireNonNull(mentee, "mentee");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public String text(Texts texts) {
        if (key.equals(LANGUAGES) && !args.isEmpty()) {
            // mid-sentence, so as the JDK writes them: "portugais", not the label's "Portugais"
            String names = Arrays.stream(args.get(0).split(",")).map(String::strip)
                    .map(code -> Locale.forLanguageTag(code).getDisplayLanguage(texts.locale()))
                    .collect(Collectors.joining(", "));
            return texts.get(key, names);
        }
        return texts.get(key, args.toArray());
    }
}

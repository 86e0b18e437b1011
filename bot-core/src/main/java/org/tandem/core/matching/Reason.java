package org.tandem.core.matching;

import java.util.List;
import java.util.Objects;
import org.tandem.core.conversation.i18n.Texts;

/**
 * One criterion's part of a score, as one short sentence: its bundle key ({@code match.reason.…}) and arguments,
 * so that it is rendered in the reader's language.
 */
public record Reason(Criterion criterion, int points, String key, List<String> args) {

    public Reason {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public String text(Texts texts) {
        return texts.get(key, args.toArray());
    }
}

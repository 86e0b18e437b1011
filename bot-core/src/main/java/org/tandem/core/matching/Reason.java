package org.tandem.core.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;
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

    /** The reasons that fail what a mentee said she needs: none of her topics, no way to meet, hardly any hours. */
    private static final Set<String> WEAK = Set.of("match.reason.topics.none", "match.reason.format.none",
            "match.reason.time-zone.none");

    /** Whether a reason with this key makes a proposal a compromise. */
    public static boolean weak(String key) {
        return WEAK.contains(key);
    }

    public boolean weak() {
        return weak(key);
    }

    public String text(Texts texts) {
        return texts.get(key, args.toArray());
    }
}

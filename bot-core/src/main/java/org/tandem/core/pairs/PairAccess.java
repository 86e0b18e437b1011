package org.tandem.core.pairs;

import java.util.Set;
import org.tandem.core.conversation.Access;
import org.tandem.core.conversation.PersonRef;

/**
 * Who may use a pair's buttons, read from the pair the clicked value names: the value is the pair's id, or starts
 * with it followed by {@code :}. Nobody, when there is no such pair.
 */
public final class PairAccess {

    private PairAccess() {
    }

    /** Its mentee and its mentor. */
    public static Access members(Pairs pairs) {
        return Access.named(v -> pairs.find(pairId(v)).map(p -> Set.of(p.mentee(), p.mentor()))
                .orElse(Set.<PersonRef>of()));
    }

    /** Its mentor only (a request's answer, a confirmation of the agreement). */
    public static Access mentor(Pairs pairs) {
        return Access.named(v -> pairs.find(pairId(v)).map(p -> Set.of(p.mentor())).orElse(Set.<PersonRef>of()));
    }

    /** Its mentee only (the mentee drafts the agreement). */
    public static Access mentee(Pairs pairs) {
        return Access.named(v -> pairs.find(pairId(v)).map(p -> Set.of(p.mentee())).orElse(Set.<PersonRef>of()));
    }

    static String pairId(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}

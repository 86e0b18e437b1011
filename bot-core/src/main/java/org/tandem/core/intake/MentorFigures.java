package org.tandem.core.intake;

import java.util.List;
import org.tandem.core.conversation.PersonRef;

/**
 * What a mentor gave, as the pairs count it, for their profile: intake sits below the pairs and cannot count it
 * itself, so the pairs implement this port. Numbers and programme ids only: nothing a mentee wrote can pass through.
 */
public interface MentorFigures {

    /** Nobody counted anything (no pairs feature): the profile then shows no section. */
    MentorFigures NONE = mentor -> Gave.NOTHING;

    /**
     * One mentor's figures over all their pairs.
     *
     * @param mentees  the mentees they accompanied (pairs that became active)
     * @param meetings the meetings those pairs logged
     * @param hours    their hours of mentoring, rounded
     * @param programs the ids of the programmes they mentored in
     * @param thanks   the thank-you notes they received
     */
    record Gave(int mentees, long meetings, long hours, List<String> programs, int thanks) {

        /** A mentor who has accompanied nobody yet. */
        public static final Gave NOTHING = new Gave(0, 0, 0, List.of(), 0);

        public Gave {
            programs = List.copyOf(programs);
        }
    }

    Gave of(PersonRef mentor);
}

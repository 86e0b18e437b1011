package org.tandem.core.program;

import java.util.List;

/** What a coordinator fills in for a programme: the form's clean values. */
public record ProgramDraft(String name, String description, List<String> topics, Cadence cadence,
                           int durationMonths, MatchingMode matchingMode, int defaultCapacity,
                           List<String> languages) {

    public ProgramDraft {
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
    }
}

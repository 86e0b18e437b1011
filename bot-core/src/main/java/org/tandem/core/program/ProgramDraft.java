package org.tandem.core.program;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.tandem.core.schedule.WorkingWeek;

/**
 * What a coordinator fills in for a programme: the form's clean values.
 *
 * @param weeklyCap at most this many nudges (check-ins, reminders, midpoint and closing prompts) per person and
 *                  week in this programme; empty for the deployment's default
 * @param workingWeek when its people work, each in their own time zone: the rhythm nudges inside it and matching
 *                    counts the hours a mentee and a mentor have in common in it
 */
public record ProgramDraft(String name, String description, List<String> topics, Cadence cadence,
                           int durationMonths, MatchingMode matchingMode, int defaultCapacity,
                           List<String> languages, OptionalInt weeklyCap, WorkingWeek workingWeek) {

    /** The fewest and the most nudges a week a programme may set. */
    public static final int MIN_CAP = 1;
    public static final int MAX_CAP = 7;

    public ProgramDraft {
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
        weeklyCap = weeklyCap == null ? OptionalInt.empty() : weeklyCap;
        workingWeek = Objects.requireNonNullElse(workingWeek, WorkingWeek.defaults());
        if (weeklyCap.isPresent() && (weeklyCap.getAsInt() < MIN_CAP || weeklyCap.getAsInt() > MAX_CAP)) {
            throw new IllegalArgumentException("a weekly cap of nudges is between " + MIN_CAP + " and " + MAX_CAP);
        }
    }

    /** With the usual working week ({@link WorkingWeek#defaults()}). */
    public ProgramDraft(String name, String description, List<String> topics, Cadence cadence, int durationMonths,
                        MatchingMode matchingMode, int defaultCapacity, List<String> languages,
                        OptionalInt weeklyCap) {
        this(name, description, topics, cadence, durationMonths, matchingMode, defaultCapacity, languages, weeklyCap,
                WorkingWeek.defaults());
    }

    /** With the deployment's weekly cap and the usual working week. */
    public ProgramDraft(String name, String description, List<String> topics, Cadence cadence, int durationMonths,
                        MatchingMode matchingMode, int defaultCapacity, List<String> languages) {
        this(name, description, topics, cadence, durationMonths, matchingMode, defaultCapacity, languages,
                OptionalInt.empty());
    }
}

package org.tandem.core.matching;

/**
 * What the soft score weighs. Each gives a pair a quality from 0 to 6, worth weight x quality points; a coordinator
 * can also make one a "must", a hard constraint that fails as said below.
 */
public enum Criterion {
    /** The mentee's topics the mentor covers, the first counting most. Must: covers none (no topic: never fails). */
    TOPICS,
    /** Best when the mentor is a level or two above. Must: the mentor is not at a later career stage. */
    SENIORITY,
    /** Counts only when the mentee asked for another or their own department. Must: that wish is not met. */
    DEPARTMENT,
    /** Shared working hours (9:00-17:00 local), 6 or more is best. Must: fewer than 3 hours in common. */
    TIME_ZONE,
    /** In person in the same place, or by video. Must: they cannot meet the way the mentee asked. */
    FORMAT
}

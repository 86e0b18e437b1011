package org.tandem.core.matching;

/** What the soft score weighs; each one can also be made a "must" (a hard constraint) by a coordinator. */
public enum Criterion {
    TOPICS, SENIORITY, DEPARTMENT, TIME_ZONE, FORMAT
}

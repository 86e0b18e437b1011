package org.tandem.core.matching;

/** What a mentee asked about their mentor's department. */
public enum Preference {
    NONE, OTHER_DEPARTMENT, SAME_DEPARTMENT
}

package org.tandem.core.program;

import java.util.Locale;

/** A programme's life: drafted, open for enrolment, running (pairs meeting), closed. */
public enum ProgramState {
    DRAFT, OPEN, RUNNING, CLOSED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "program.state." + value();
    }

    /** Whether people may enrol now. A running programme still takes late joiners. */
    public boolean enrolling() {
        return this == OPEN || this == RUNNING;
    }
}

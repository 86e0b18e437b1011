package org.tandem.core.matching;

import java.util.Objects;

/** A pair never to propose again: it ended with "no click", or the mentor declined. */
public record Exclusion(String mentee, String mentor) {

    public Exclusion {
        Objects.requireNonNull(mentee, "mentee");
        Objects.requireNonNull(mentor, "mentor");
    }
}

package org.tandem.core.matching;

import java.util.List;

/**
 * The mentors a mentee may choose from: the one of the optimal plan first, then up to two alternatives that still
 * have a free place in that plan, best first. Empty when nobody fits.
 */
public record Shortlist(String mentee, List<Option> options) {

    public static final int ALTERNATIVES = 2;

    /** One mentor to choose, with the reasons; {@code planned} marks the optimal plan's choice. */
    public record Option(String mentor, Score score, boolean planned) {
    }

    public Shortlist {
        options = List.copyOf(options);
    }
}

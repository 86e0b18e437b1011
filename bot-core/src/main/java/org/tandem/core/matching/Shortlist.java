package org.tandem.core.matching;

import java.util.List;
import java.util.Objects;

/**
 * The mentors a mentee may choose from: the one of the plan first, then alternatives good for her that she could
 * actually get (a free place, every hard constraint), chosen for all mentees at once so that no mentor is on more
 * than {@value #APPEARANCES_PER_PLACE} shortlists per free place. Empty when the plan leaves her in the pool.
 *
 * @param why when it offers fewer mentors than the programme's shortlist size, the key of the sentence saying why
 *            ({@link #FEW}, with the number of mentors who fit as argument, or {@link #BUSY}); empty otherwise
 */
public record Shortlist(String mentee, List<Option> options, String why, List<String> whyArgs) {

    /** At most this many shortlists show one mentor per free place they have. */
    public static final int APPEARANCES_PER_PLACE = 3;
    /** Only so many mentors with a free place fit what she needs. */
    public static final String FEW = "match.shortlist.few";
    /** Others who fit are already offered to as many mentees as their places allow. */
    public static final String BUSY = "match.shortlist.busy";

    /** One mentor to choose, with the reasons; {@code planned} marks the optimal plan's choice. */
    public record Option(String mentor, Score score, boolean planned) {
    }

    public Shortlist {
        options = List.copyOf(options);
        Objects.requireNonNull(why, "why");
        whyArgs = List.copyOf(whyArgs);
    }

    public Shortlist(String mentee, List<Option> options) {
        this(mentee, options, "", List.of());
    }
}

package org.tandem.core.pairs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A pair's life. Open statuses hold a slot of the mentor's capacity and the mentee's one open pair per
 * programme; closed ones hold nothing.
 */
public enum PairStatus {
    /** Proposed by the matcher, waiting for a coordinator's approval. */
    PROPOSED,
    /** Asked of the mentor, waiting for their answer. */
    REQUESTED,
    /** The mentor said yes; the introduction is being sent. */
    ACCEPTED,
    /** Introduced; the first, exploratory conversation is due, then the click check. */
    INTRODUCED,
    /** Both said it clicked: the mentoring is on. */
    ACTIVE,
    REJECTED, DECLINED, EXPIRED, NO_CLICK, WITHDRAWN, COMPLETED, ENDED;

    public static final Set<PairStatus> OPEN = EnumSet.of(PROPOSED, REQUESTED, ACCEPTED, INTRODUCED, ACTIVE);

    /** Endings after which the same two people are never proposed again. */
    public static final Set<PairStatus> EXCLUDING = EnumSet.of(DECLINED, NO_CLICK, REJECTED);

    public boolean open() {
        return OPEN.contains(this);
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

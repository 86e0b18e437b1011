package org.tandem.core.pairs;

import java.util.Collections;
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

    /** The statuses a pair is told about: all open ones but a proposal, which nobody outside the admins saw. */
    public static final Set<PairStatus> ANNOUNCED = EnumSet.of(REQUESTED, ACCEPTED, INTRODUCED, ACTIVE);

    /**
     * Every move of a pair's life, from the statuses it may start from to the one it leads to. {@link Pairs} makes
     * each move as one guarded update (the pair must still be in one of {@link #from()}), and nothing else writes a
     * pair's status: a move that finds the pair elsewhere (someone else moved it first) changes nothing.
     */
    public enum Transition {
        /** A coordinator approved a proposal: the mentor is asked. */
        APPROVE(EnumSet.of(PROPOSED), REQUESTED),
        /** A coordinator rejected a proposal: these two are not proposed again. */
        REJECT(EnumSet.of(PROPOSED), REJECTED),
        /** A proposal nobody saw is withdrawn (the mentee chose another, a coordinator or an erasure ended it). */
        WITHDRAW_PROPOSAL(EnumSet.of(PROPOSED), WITHDRAWN),
        /** The mentor said yes. */
        ACCEPT(EnumSet.of(REQUESTED), ACCEPTED),
        /** The mentor said no. */
        DECLINE(EnumSet.of(REQUESTED), DECLINED),
        /** Nobody answered the request in time. */
        EXPIRE(EnumSet.of(REQUESTED), EXPIRED),
        /** The two were introduced. */
        INTRODUCE(EnumSet.of(ACCEPTED), INTRODUCED),
        /** Both said it clicked. */
        ACTIVATE(EnumSet.of(INTRODUCED), ACTIVE),
        /** One of them said it did not click. */
        MISS_CLICK(EnumSet.of(INTRODUCED), NO_CLICK),
        /** The mentoring reached its close. */
        COMPLETE(EnumSet.of(ACTIVE), COMPLETED),
        /** One of the two left the programme. */
        LEAVE(OPEN, WITHDRAWN),
        /** A coordinator, or the erasure of one of the two, ended a pair the two knew of. */
        END(ANNOUNCED, ENDED),
        /** The programme's retention is over: a pair still open is simply completed, without a word. */
        RETIRE(OPEN, COMPLETED);

        private final Set<PairStatus> from;
        private final PairStatus to;

        Transition(Set<PairStatus> from, PairStatus to) {
            this.from = Collections.unmodifiableSet(EnumSet.copyOf(from));
            this.to = to;
        }

        /** The statuses the move may start from. */
        public Set<PairStatus> from() {
            return from;
        }

        /** The status it leads to. */
        public PairStatus to() {
            return to;
        }

        /** Whether a pair in {@code status} may make this move. */
        public boolean allows(PairStatus status) {
            return from.contains(status);
        }
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

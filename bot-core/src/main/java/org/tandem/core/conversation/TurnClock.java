package org.tandem.core.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The core's clock, read once per turn: while a turn (or a due item) is handled on a thread, every reading on that
 * thread is the instant it began, even when the clock underneath moves (the dev clock jumping) meanwhile. Outside a
 * turn it is the clock underneath.
 */
public final class TurnClock extends Clock {

    /** A turn's hold on the clock; closing it lets time go on. */
    public interface Frozen extends AutoCloseable {
        @Override
        void close();
    }

    private final Clock underneath;
    private final ThreadLocal<Instant> frozen = new ThreadLocal<>();

    public TurnClock(Clock underneath) {
        this.underneath = underneath instanceof TurnClock t ? t.underneath : underneath;
    }

    /** Holds the current instant for this thread until closed; nested holds keep the outer instant. */
    public Frozen freeze() {
        if (frozen.get() != null) {
            return () -> { };
        }
        frozen.set(underneath.instant());
        return frozen::remove;
    }

    @Override
    public Instant instant() {
        Instant at = frozen.get();
        return at != null ? at : underneath.instant();
    }

    @Override
    public ZoneId getZone() {
        return underneath.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

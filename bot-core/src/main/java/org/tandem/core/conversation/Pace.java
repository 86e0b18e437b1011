package org.tandem.core.conversation;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a platform takes Tandem's messages, as its adapter declares it: so many to one conversation, and so many
 * to one workspace (tenant) in all, over a time, with a burst allowed above the steady rate. {@link Pacing} keeps
 * every replica's sends within it; the core plans a broadcast and estimates its duration from it.
 *
 * @param perDestination the rate to one conversation (a person's direct messages, a channel)
 * @param perWorkspace   the rate to all the conversations of one workspace or tenant
 */
public record Pace(Rate perDestination, Rate perWorkspace) {

    /** No limit: the local web chat. */
    public static final Pace NONE = new Pace(Rate.UNLIMITED, Rate.UNLIMITED);

    public Pace {
        Objects.requireNonNull(perDestination, "perDestination");
        Objects.requireNonNull(perWorkspace, "perWorkspace");
    }

    /** How long sending to {@code n} people of one workspace takes at the least, at the workspace's rate. */
    public Duration spread(int n) {
        return n <= perWorkspace.burst() ? Duration.ZERO : perWorkspace.interval().multipliedBy(n - perWorkspace.burst());
    }

    /**
     * A rate: {@code count} messages every {@code per}, of which {@code burst} may go at once after a quiet time
     * (the "generic cell rate" of a token bucket of that size).
     */
    public record Rate(int count, Duration per, int burst) {

        public static final Rate UNLIMITED = new Rate(0, Duration.ZERO, 0);

        public Rate {
            Objects.requireNonNull(per, "per");
            boolean none = count == 0 && per.isZero() && burst == 0;
            if (!none && (count < 1 || per.isNegative() || per.isZero() || burst < 1 || burst > 10_000)) {
                throw new IllegalArgumentException("a rate needs a positive count and time, and a burst of 1-10000, "
                        + "not " + count + " per " + per + " (burst " + burst + ")");
            }
            if (!none && per.dividedBy(count).isZero()) {
                throw new IllegalArgumentException("a rate of more than one message per nanosecond: " + count
                        + " per " + per);
            }
        }

        public static Rate perSecond(int count, int burst) {
            return new Rate(count, Duration.ofSeconds(1), burst);
        }

        public static Rate perMinute(int count, int burst) {
            return new Rate(count, Duration.ofMinutes(1), burst);
        }

        public boolean limited() {
            return count > 0;
        }

        /** The steady gap between two messages. */
        public Duration interval() {
            return limited() ? per.dividedBy(count) : Duration.ZERO;
        }

        /** How far ahead of the steady rate a burst may run. */
        Duration tolerance() {
            return interval().multipliedBy(Math.max(0, burst - 1));
        }
    }
}

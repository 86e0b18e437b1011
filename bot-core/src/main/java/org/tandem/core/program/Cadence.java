package org.tandem.core.program;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a pair is expected to meet. Dates are computed in a person's zone, on the calendar: a month after 31
 * January is the end of February, a week after a Saturday before a clock change is still a Saturday at that hour.
 * There is deliberately no way to add a cadence to an {@link Instant} directly (an instant has no months).
 */
public enum Cadence {
    WEEKLY("weekly", Period.ofWeeks(1)),
    BIWEEKLY("biweekly", Period.ofWeeks(2)),
    TRIWEEKLY("every-3-weeks", Period.ofWeeks(3)),
    MONTHLY("monthly", Period.ofMonths(1)),
    BIMONTHLY("every-2-months", Period.ofMonths(2));

    private final String value;
    private final Period period;

    Cadence(String value, Period period) {
        this.value = value;
        this.period = period;
    }

    /** The moment {@code times} cadences after {@code from}, on the calendar of {@code zone}. */
    public Instant after(Instant from, ZoneId zone, int times) {
        return from.atZone(zone).plus(period.multipliedBy(times)).toInstant();
    }

    /** One cadence after {@code from}, on the calendar of {@code zone}. */
    public Instant after(Instant from, ZoneId zone) {
        return after(from, zone, 1);
    }

    /** The length of the cadence that starts at {@code from}, in that zone (a February month is shorter). */
    public Duration length(Instant from, ZoneId zone) {
        return Duration.between(from, after(from, zone));
    }

    public String value() {
        return value;
    }

    public String labelKey() {
        return "cadence." + value;
    }

    public static Optional<Cadence> parse(String value) {
        for (Cadence c : values()) {
            if (c.value.equals(value) || c.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

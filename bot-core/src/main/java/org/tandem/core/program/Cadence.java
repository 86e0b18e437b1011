package org.tandem.core.program;

import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/** How often a pair is expected to meet. */
public enum Cadence {
    WEEKLY(Period.ofWeeks(1)), BIWEEKLY(Period.ofWeeks(2)), MONTHLY(Period.ofMonths(1));

    private final Period period;

    Cadence(Period period) {
        this.period = period;
    }

    public Period period() {
        return period;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "cadence." + value();
    }

    public static Optional<Cadence> parse(String value) {
        for (Cadence c : values()) {
            if (c.value().equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

package org.tandem.core.program;

import java.util.Locale;
import java.util.Optional;

/** Who decides a pair: the mentee from a shortlist (the default), a coordinator, or the matcher alone. */
public enum MatchingMode {
    MENTEE_CHOOSES, COORDINATOR_APPROVES, AUTOMATIC;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String labelKey() {
        return "matching." + value();
    }

    public static Optional<MatchingMode> parse(String value) {
        for (MatchingMode m : values()) {
            if (m.value().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

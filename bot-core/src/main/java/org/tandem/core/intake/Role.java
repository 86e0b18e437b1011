package org.tandem.core.intake;

import java.util.Locale;
import java.util.Optional;

/** What a person enrols as. A {@code BOTH} enrolee mentors some people and is mentored by another. */
public enum Role {
    MENTEE, MENTOR, BOTH;

    /** The value on buttons and in storage. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the role's name. */
    public String labelKey() {
        return "role." + value();
    }

    public static Optional<Role> parse(String value) {
        for (Role r : values()) {
            if (r.value().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

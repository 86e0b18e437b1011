package org.tandem.core.matching;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mentor who may take mentees, as the matcher sees them.
 *
 * @param id        an opaque person key; someone enrolled as both mentee and mentor has the same id on both sides
 * @param expertise programme topics they can help with
 * @param languages language codes they can mentor in, at least one
 * @param seniority career stage, from 1 (early career) to 5 (executive)
 * @param location  where they could meet in person, or empty
 * @param capacity  how many more mentees they can take now (their capacity minus their open pairs)
 */
public record MentorCandidate(String id, Set<String> expertise, List<String> languages, int seniority, int years,
                              String department, ZoneId zone, Format format, String location, int capacity) {

    public MentorCandidate {
        Objects.requireNonNull(id, "id");
        expertise = Set.copyOf(expertise);
        languages = List.copyOf(languages);
        department = department == null ? "" : department;
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(format, "format");
        location = location == null ? "" : location;
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(id + ": speaks no language");
        }
        Seniority.check(id, seniority);
        if (years < 0 || capacity < 0) {
            throw new IllegalArgumentException(id + ": years and capacity cannot be negative");
        }
    }
}

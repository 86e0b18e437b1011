package org.tandem.core.matching;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A mentee waiting for a mentor, as the matcher sees them.
 *
 * @param id         an opaque person key; someone enrolled as both mentee and mentor has the same id on both sides
 * @param topics     programme topics, most important first: at most three, possibly none
 * @param otherTopic a topic in the mentee's own words, or empty; shown to people, never scored (free text does not
 *                   compare reliably)
 * @param languages  language codes they can be mentored in, at least one
 * @param seniority  career stage, from 1 (early career) to 5 (executive)
 * @param location   where they could meet in person, or empty
 */
public record MenteeCandidate(String id, List<String> topics, String otherTopic, List<String> languages,
                              int seniority, String department, ZoneId zone, Format format, String location,
                              Preference preference) {

    public static final int MAX_TOPICS = 3;

    public MenteeCandidate {
        Objects.requireNonNull(id, "id");
        topics = List.copyOf(topics);
        otherTopic = otherTopic == null ? "" : otherTopic;
        languages = List.copyOf(languages);
        department = department == null ? "" : department;
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(format, "format");
        location = location == null ? "" : location;
        Objects.requireNonNull(preference, "preference");
        if (topics.size() > MAX_TOPICS) {
            throw new IllegalArgumentException(id + ": at most " + MAX_TOPICS + " topics, not " + topics);
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException(id + ": speaks no language");
        }
        Seniority.check(id, seniority);
    }
}

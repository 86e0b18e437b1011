package org.tandem.core.matching;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Hand-made candidates for tests: sensible defaults (English, Paris, video), change only what a test is about. */
final class Someone {

    private Someone() {
    }

    static Mentee mentee(String id) {
        return new Mentee(id);
    }

    static Mentor mentor(String id) {
        return new Mentor(id);
    }

    static final class Mentee {
        private final String id;
        private List<String> topics = List.of("Leadership");
        private List<String> languages = List.of("en");
        private int seniority = 2;
        private String department = "Sales";
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private Format format = Format.VIDEO;
        private String location = "";
        private Preference preference = Preference.NONE;

        private Mentee(String id) {
            this.id = id;
        }

        Mentee topics(String... topics) {
            this.topics = List.of(topics);
            return this;
        }

        Mentee languages(String... languages) {
            this.languages = List.of(languages);
            return this;
        }

        Mentee seniority(int seniority) {
            this.seniority = seniority;
            return this;
        }

        Mentee department(String department) {
            this.department = department;
            return this;
        }

        Mentee zone(String zone) {
            this.zone = ZoneId.of(zone);
            return this;
        }

        Mentee meets(Format format, String location) {
            this.format = format;
            this.location = location;
            return this;
        }

        Mentee prefers(Preference preference) {
            this.preference = preference;
            return this;
        }

        MenteeCandidate build() {
            return new MenteeCandidate(id, topics, "", languages, seniority, department, zone, format, location,
                    preference);
        }
    }

    static final class Mentor {
        private final String id;
        private Set<String> expertise = Set.of("Leadership");
        private List<String> languages = List.of("en");
        private int seniority = 3;
        private String department = "Engineering";
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private Format format = Format.VIDEO;
        private String location = "";
        private int capacity = 1;

        private Mentor(String id) {
            this.id = id;
        }

        Mentor expertise(String... topics) {
            this.expertise = Set.of(topics);
            return this;
        }

        Mentor languages(String... languages) {
            this.languages = List.of(languages);
            return this;
        }

        Mentor seniority(int seniority) {
            this.seniority = seniority;
            return this;
        }

        Mentor department(String department) {
            this.department = department;
            return this;
        }

        Mentor zone(String zone) {
            this.zone = ZoneId.of(zone);
            return this;
        }

        Mentor meets(Format format, String location) {
            this.format = format;
            this.location = location;
            return this;
        }

        Mentor capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        MentorCandidate build() {
            return new MentorCandidate(id, expertise, languages, seniority, 12, department, zone, format, location,
                    capacity);
        }
    }
}

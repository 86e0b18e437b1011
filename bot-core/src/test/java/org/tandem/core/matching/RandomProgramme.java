package org.tandem.core.matching;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random programmes that look like real ones: English for most, a few rare languages, topics some mentors
 * cover and others not, juniors looking for seniors, several time zones, a few offices.
 */
public record RandomProgramme(List<MenteeCandidate> mentees, List<MentorCandidate> mentors,
                              Set<Exclusion> exclusions) {

    static final List<String> TOPICS = List.of("Leadership", "Public speaking", "Career growth", "Negotiation",
            "Product management", "Data science", "Architecture", "Testing", "Security", "Design", "Sales",
            "Finance");
    static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Marketing", "Finance", "HR",
            "Operations", "Legal", "Support");
    static final List<ZoneId> ZONES = List.of("Europe/Paris", "Europe/London", "Europe/Berlin",
            "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney")
            .stream().map(ZoneId::of).toList();
    static final List<String> CITIES = List.of("Paris", "Lyon", "London", "New York", "Bangalore");

    /** {@code mentees} x {@code mentors}, mentors' capacities 1 to 3. */
    public static RandomProgramme generate(int mentees, int mentors, long seed) {
        return generate(mentees, mentors, seed, 1, 3, true);
    }

    public static RandomProgramme generate(int mentees, int mentors, long seed, int minCapacity, int maxCapacity,
                                           boolean someBoth) {
        Random r = new Random(seed);
        List<MentorCandidate> rs = new ArrayList<>();
        for (int m = 0; m < mentors; m++) {
            rs.add(mentor("r" + m, r, minCapacity + r.nextInt(maxCapacity - minCapacity + 1)));
        }
        List<MenteeCandidate> es = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < mentees; i++) {
            // a few people enrol as both: the same id on both sides
            String id = someBoth && mentors > 0 && r.nextInt(20) == 0 ? "r" + r.nextInt(mentors) : "e" + i;
            String unique = ids.add(id) ? id : "e" + i;
            ids.add(unique);
            es.add(mentee(unique, r));
        }
        Set<Exclusion> exclusions = new HashSet<>();
        for (int k = 0; k < mentees / 10 && mentors > 0; k++) {
            exclusions.add(new Exclusion(es.get(r.nextInt(mentees)).id(), rs.get(r.nextInt(mentors)).id()));
        }
        return new RandomProgramme(es, rs, exclusions);
    }

    static MenteeCandidate mentee(String id, Random r) {
        int topicCount = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        while (topics.size() < topicCount) {
            topics.add(TOPICS.get(skewed(r, TOPICS.size())));
        }
        Format format = Format.values()[r.nextInt(3)];
        return new MenteeCandidate(id, List.copyOf(topics), r.nextInt(8) == 0 ? "Writing" : "", languages(r),
                1 + r.nextInt(3), DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), ZONES.get(skewed(r, ZONES.size())),
                format, format == Format.VIDEO ? "" : CITIES.get(r.nextInt(CITIES.size())),
                Preference.values()[r.nextInt(3)]);
    }

    static MentorCandidate mentor(String id, Random r, int capacity) {
        Set<String> expertise = new HashSet<>();
        int count = 1 + r.nextInt(4);
        while (expertise.size() < count) {
            expertise.add(TOPICS.get(r.nextInt(TOPICS.size())));
        }
        Format format = Format.values()[r.nextInt(3)];
        return new MentorCandidate(id, expertise, languages(r), 2 + r.nextInt(4), r.nextInt(30),
                DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), ZONES.get(skewed(r, ZONES.size())), format,
                format == Format.VIDEO ? "" : CITIES.get(r.nextInt(CITIES.size())), capacity);
    }

    private static List<String> languages(Random r) {
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        if (r.nextInt(10) < 8) {
            languages.add("en");
        }
        if (r.nextInt(10) < 3) {
            languages.add("fr");
        }
        if (r.nextInt(10) == 0) {
            languages.add(List.of("de", "es", "hi", "ja").get(r.nextInt(4)));
        }
        if (r.nextInt(100) == 0 || languages.isEmpty()) {
            languages.add(r.nextBoolean() ? "pt" : "es");
        }
        return List.copyOf(languages);
    }

    /** Earlier entries are more common: a few popular topics and time zones, a long tail. */
    private static int skewed(Random r, int n) {
        return Math.min(r.nextInt(n), r.nextInt(n));
    }
}

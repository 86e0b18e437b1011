package org.tandem.core.matching;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tandem.core.schedule.WorkingWeek;

/**
 * The people of one matching run, encoded once so that a million pairs compare fast: names (topics, languages,
 * departments, locations) become numbers, compared case-insensitively, and time zones become the UTC minute
 * the programme's working day starts in them.
 */
final class Pool {

    /**
     * A mentee, encoded; {@code topics} keeps their priority order, {@code overlap} gives the working minutes she
     * shares with each mentors' time zone ({@link Mentor#zone}), worked out once instead of for every pair.
     */
    record Mentee(int[] topics, BitSet languages, int seniority, int department, int workStart, Format format,
                  int location, Preference preference, int[] overlap) {
    }

    /** A mentor, encoded. */
    record Mentor(BitSet expertise, long expertiseBits, BitSet languages, int seniority, int department,
                  int workStart, int zone, Format format, int location, int capacity) {

        /** Whether the mentor covers topic t: a bit test for the first 64 topics, which is nearly always all. */
        boolean covers(int topic) {
            return topic < Long.SIZE ? (expertiseBits >>> topic & 1) != 0 : expertise.get(topic);
        }
    }

    /** A department or location nobody gave: it equals nothing, not even another blank. */
    static final int UNKNOWN = -1;

    /** The programme's working day, in which time zones are compared. */
    final WorkingHours hours;
    final List<MenteeCandidate> menteeCandidates;
    final List<MentorCandidate> mentorCandidates;
    final Mentee[] mentees;
    final Mentor[] mentors;
    /** For each mentee, the mentors (by index) they must not be proposed again. */
    final int[][] excluded;
    /** For each mentee, the index of the same person as a mentor, or -1. */
    final int[] self;
    /** Languages as bit masks, when the programme has at most 64 of them (it nearly always has): no BitSet. */
    private final long[] menteeLanguages;
    private final long[] mentorLanguages;
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Integer> topics = new HashMap<>();

    Pool(List<MenteeCandidate> mentees, List<MentorCandidate> mentors, Collection<Exclusion> exclusions,
         LocalDate day, WorkingWeek week) {
        this.hours = new WorkingHours(week);
        this.menteeCandidates = List.copyOf(mentees);
        this.mentorCandidates = List.copyOf(mentors);
        this.mentees = new Mentee[mentees.size()];
        this.mentors = new Mentor[mentors.size()];
        Map<String, Integer> menteeIndex = index(mentees.stream().map(MenteeCandidate::id).toList(), "mentee");
        Map<String, Integer> mentorIndex = index(mentors.stream().map(MentorCandidate::id).toList(), "mentor");
        Map<Integer, Integer> zones = new HashMap<>();
        for (int m = 0; m < this.mentors.length; m++) {
            MentorCandidate r = mentors.get(m);
            BitSet expertise = new BitSet();
            r.expertise().forEach(t -> expertise.set(topic(t)));
            long bits = expertise.length() == 0 ? 0 : expertise.toLongArray()[0];
            int start = hours.startUtc(r.zone(), day);
            int zone = zones.computeIfAbsent(start, k -> zones.size());
            this.mentors[m] = new Mentor(expertise, bits, set("l:", r.languages()), r.seniority(),
                    known("d:", r.department()), start, zone, r.format(), known("p:", r.location()), r.capacity());
        }
        int[] zoneStart = new int[zones.size()];
        zones.forEach((start, zone) -> zoneStart[zone] = start);
        for (int i = 0; i < this.mentees.length; i++) {
            MenteeCandidate e = mentees.get(i);
            int[] topics = e.topics().stream().mapToInt(this::topic).toArray();
            int start = hours.startUtc(e.zone(), day);
            int[] overlap = new int[zoneStart.length];
            for (int z = 0; z < overlap.length; z++) {
                overlap[z] = hours.overlapMinutes(start, zoneStart[z]);
            }
            this.mentees[i] = new Mentee(topics, set("l:", e.languages()), e.seniority(), known("d:", e.department()),
                    start, e.format(), known("p:", e.location()), e.preference(), overlap);
        }
        this.excluded = excluded(exclusions, menteeIndex, mentorIndex);
        Map<String, Integer> languages = new HashMap<>();
        mentees.forEach(e -> e.languages().forEach(l -> languages.putIfAbsent(norm(l), languages.size())));
        mentors.forEach(r -> r.languages().forEach(l -> languages.putIfAbsent(norm(l), languages.size())));
        boolean small = languages.size() <= Long.SIZE;
        this.menteeLanguages = small ? mentees.stream().mapToLong(e -> mask(e.languages(), languages)).toArray()
                : null;
        this.mentorLanguages = small ? mentors.stream().mapToLong(r -> mask(r.languages(), languages)).toArray()
                : null;
        this.self = new int[this.mentees.length];
        for (int i = 0; i < self.length; i++) {
            self[i] = mentorIndex.getOrDefault(mentees.get(i).id(), -1);
        }
    }

    /** Whether the pair may never be proposed, whatever the weights: same person, no shared language, excluded. */
    boolean forbidden(int mentee, int mentor) {
        if (self[mentee] == mentor || !shareALanguage(mentee, mentor)) {
            return true;
        }
        for (int x : excluded[mentee]) {
            if (x == mentor) {
                return true;
            }
        }
        return false;
    }

    boolean shareALanguage(int mentee, int mentor) {
        return menteeLanguages != null ? (menteeLanguages[mentee] & mentorLanguages[mentor]) != 0
                : mentees[mentee].languages().intersects(mentors[mentor].languages());
    }

    private static long mask(Collection<String> values, Map<String, Integer> bits) {
        long mask = 0;
        for (String v : values) {
            mask |= 1L << bits.get(norm(v));
        }
        return mask;
    }

    private static String norm(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private int[][] excluded(Collection<Exclusion> exclusions, Map<String, Integer> menteeIndex,
                             Map<String, Integer> mentorIndex) {
        List<Set<Integer>> byMentee = java.util.stream.Stream.<Set<Integer>>generate(HashSet::new)
                .limit(mentees.length).toList();
        for (Exclusion x : exclusions) {
            Integer e = menteeIndex.get(x.mentee());
            Integer m = mentorIndex.get(x.mentor());
            if (e != null && m != null) {
                byMentee.get(e).add(m);
            }
        }
        return byMentee.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static Map<String, Integer> index(List<String> ids, String side) {
        Map<String, Integer> index = new HashMap<>();
        for (String id : ids) {
            if (index.putIfAbsent(id, index.size()) != null) {
                throw new IllegalArgumentException("the " + side + " " + id + " is listed twice");
            }
        }
        return index;
    }

    private BitSet set(String kind, Collection<String> values) {
        BitSet bits = new BitSet();
        values.forEach(v -> bits.set(intern(kind, v)));
        return bits;
    }

    private int known(String kind, String name) {
        return name.isBlank() ? UNKNOWN : intern(kind, name);
    }

    /** Topics are numbered on their own, from 0, so that the first 64 fit in one long. */
    private int topic(String name) {
        return topics.computeIfAbsent(norm(name), k -> topics.size());
    }

    private int intern(String kind, String name) {
        return names.computeIfAbsent(kind + norm(name), k -> names.size());
    }
}

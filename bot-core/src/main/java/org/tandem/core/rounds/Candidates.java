package org.tandem.core.rounds;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.intake.Enrollment;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.intake.MenteeAnswers;
import org.tandem.core.intake.MentorAnswers;
import org.tandem.core.matching.Exclusion;
import org.tandem.core.matching.Format;
import org.tandem.core.matching.MenteeCandidate;
import org.tandem.core.matching.MentorCandidate;
import org.tandem.core.matching.Preference;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;

/**
 * A programme's pool as the matcher sees it: mentees without an open pair, mentors with the places they have
 * left, and the pairs never to propose again.
 */
record Candidates(List<MenteeCandidate> mentees, List<MentorCandidate> mentors, Set<Exclusion> exclusions) {

    static Candidates of(String program, Enrollments enrollments, Pairs pairs) {
        // one read of the open pairs gives who is paired and every mentor's load (not one count per mentor)
        Set<String> paired = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        for (Pair p : pairs.inProgram(program, PairStatus.OPEN)) {
            paired.add(p.mentee().key());
            load.merge(p.mentor().key(), 1, Integer::sum);
        }
        List<MenteeCandidate> mentees = new ArrayList<>();
        List<MentorCandidate> mentors = new ArrayList<>();
        for (Enrollment e : enrollments.inProgram(program)) {
            String id = e.person().key();
            e.mentee().filter(a -> !paired.contains(id)).ifPresent(a -> mentees.add(mentee(id, a)));
            e.mentor().ifPresent(a -> {
                int left = a.capacity() - load.getOrDefault(id, 0);
                mentors.add(mentor(id, a, Math.max(0, left)));
            });
        }
        Set<Exclusion> exclusions = new HashSet<>();
        for (Pair p : pairs.inProgram(program, EnumSet.copyOf(PairStatus.EXCLUDING))) {
            exclusions.add(new Exclusion(p.mentee().key(), p.mentor().key()));
        }
        return new Candidates(mentees, mentors, exclusions);
    }

    static PersonRef person(String id) {
        return PersonRef.fromKey(id);
    }

    private static MenteeCandidate mentee(String id, MenteeAnswers a) {
        return new MenteeCandidate(id, a.topics(), a.other(), a.languages(), a.seniorityLevel(), a.department(),
                zone(a.timeZone()), format(a.format()), a.location(), preference(a.preference()));
    }

    private static MentorCandidate mentor(String id, MentorAnswers a, int left) {
        return new MentorCandidate(id, new HashSet<>(a.topics()), a.languages(), a.seniorityLevel(), a.years(),
                a.department(), zone(a.timeZone()), format(a.format()), a.location(), left);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Format format(String value) {
        return switch (value) {
            case "video" -> Format.VIDEO;
            case "in-person" -> Format.IN_PERSON;
            default -> Format.EITHER;
        };
    }

    private static Preference preference(String value) {
        return switch (value) {
            case "other-department" -> Preference.OTHER_DEPARTMENT;
            case "same-department" -> Preference.SAME_DEPARTMENT;
            default -> Preference.NONE;
        };
    }
}

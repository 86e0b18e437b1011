package org.tandem.core.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Locale;
import org.tandem.core.schedule.WorkingWeek;

/**
 * The hard constraints, written again from their definitions and nothing of the engine's, to check its plans.
 */
final class Rules {

    private Rules() {
    }

    /** Why this pair breaks a hard constraint (capacity aside), or null. */
    static String broken(MenteeCandidate e, MentorCandidate r, Collection<Exclusion> exclusions, Weights w,
                         LocalDate day, WorkingWeek week) {
        if (e.id().equals(r.id())) {
            return "self";
        }
        if (e.languages().stream().noneMatch(l -> r.languages().stream().anyMatch(l::equalsIgnoreCase))) {
            return "no shared language";
        }
        if (exclusions.contains(new Exclusion(e.id(), r.id()))) {
            return "excluded";
        }
        for (Criterion c : w.musts()) {
            if (!holds(c, e, r, day, week)) {
                return "must " + c;
            }
        }
        return null;
    }

    /** How many of the policy's needs the pair fails: no topic of hers, no way to meet, not an hour in common. */
    static int failedNeeds(MenteeCandidate e, MentorCandidate r, MatchPolicy policy, LocalDate day,
                           WorkingWeek week) {
        int failed = 0;
        for (Criterion c : policy.needs()) {
            boolean met = c == Criterion.TIME_ZONE ? sharedMinutes(e, r, day, week) >= 60 : holds(c, e, r, day, week);
            failed += met ? 0 : 1;
        }
        return failed;
    }

    static boolean holds(Criterion c, MenteeCandidate e, MentorCandidate r, LocalDate day, WorkingWeek week) {
        return switch (c) {
            case TOPICS -> e.topics().isEmpty() || e.topics().stream().map(Rules::norm)
                    .anyMatch(t -> r.expertise().stream().map(Rules::norm).anyMatch(t::equals));
            case SENIORITY -> r.seniority() > e.seniority();
            case DEPARTMENT -> switch (e.preference()) {
                case NONE -> true;
                case OTHER_DEPARTMENT -> known(e.department(), r.department())
                        && !norm(e.department()).equals(norm(r.department()));
                case SAME_DEPARTMENT -> known(e.department(), r.department())
                        && norm(e.department()).equals(norm(r.department()));
            };
            case TIME_ZONE -> sharedMinutes(e, r, day, week) >= 180;
            case FORMAT -> e.format() != Format.IN_PERSON && r.format() != Format.IN_PERSON
                    || e.format() != Format.VIDEO && r.format() != Format.VIDEO && !e.location().isBlank()
                    && norm(e.location()).equals(norm(r.location()));
        };
    }

    /**
     * The week's hours on the day, the mentee's against the mentor's of the day before, the same day and the day
     * after (the other side of the date line): every stretch in common counts, two when long days are far apart.
     */
    static long sharedMinutes(MenteeCandidate e, MentorCandidate r, LocalDate day, WorkingWeek week) {
        Duration length = Duration.between(week.start(), week.end());
        ZonedDateTime mentorStart = day.atTime(week.start()).atZone(r.zone());
        ZonedDateTime mentorEnd = mentorStart.plus(length);
        long shared = 0;
        for (int shift = -1; shift <= 1; shift++) {
            ZonedDateTime menteeStart = day.plusDays(shift).atTime(week.start()).atZone(e.zone());
            ZonedDateTime menteeEnd = menteeStart.plus(length);
            ZonedDateTime from = menteeStart.isAfter(mentorStart) ? menteeStart : mentorStart;
            ZonedDateTime to = menteeEnd.isBefore(mentorEnd) ? menteeEnd : mentorEnd;
            shared += Math.max(0, Duration.between(from, to).toMinutes());
        }
        return shared;
    }

    private static boolean known(String a, String b) {
        return !a.isBlank() && !b.isBlank();
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}

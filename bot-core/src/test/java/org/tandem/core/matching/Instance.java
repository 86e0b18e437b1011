package org.tandem.core.matching;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tandem.core.schedule.WorkingWeek;

/**
 * A programme as the checkers see it: every pair's score through the public one-pair API ({@link Matcher#allowed},
 * {@link Matcher#score}), never through the solver's table, so that they check the solver rather than repeat it.
 */
record Instance(Matcher matcher, List<MenteeCandidate> mentees, List<MentorCandidate> mentors,
                Set<Exclusion> exclusions, int[][] score, int[] capacity, int[][] failed) {

    static final int NOT_ALLOWED = -1;
    static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    static Instance of(Matcher matcher, RandomProgramme p) {
        int[][] score = new int[p.mentees().size()][p.mentors().size()];
        for (int i = 0; i < score.length; i++) {
            for (int m = 0; m < score[i].length; m++) {
                MenteeCandidate e = p.mentees().get(i);
                MentorCandidate r = p.mentors().get(m);
                score[i][m] = matcher.allowed(e, r, p.exclusions()) ? matcher.score(e, r).total() : NOT_ALLOWED;
            }
        }
        int[] capacity = p.mentors().stream().mapToInt(MentorCandidate::capacity).toArray();
        return new Instance(matcher, p.mentees(), p.mentors(), p.exclusions(), score, capacity,
                failed(matcher, p.mentees(), p.mentors()));
    }

    /** The needs each pair fails, from {@link Rules}: written from the definitions, not the engine. */
    static int[][] failed(Matcher matcher, List<MenteeCandidate> mentees, List<MentorCandidate> mentors) {
        int[][] failed = new int[mentees.size()][mentors.size()];
        for (int i = 0; i < failed.length; i++) {
            for (int m = 0; m < failed[i].length; m++) {
                failed[i][m] = Rules.failedNeeds(mentees.get(i), mentors.get(m), matcher.policy(), matcher.day(),
                        matcher.week());
            }
        }
        return failed;
    }

    /**
     * The same through the engine's own table: much faster for big programmes, and still independent of the solver
     * ({@code ConstraintsTest} checks that the table agrees with the one-pair API).
     */
    static Instance viaTable(Matcher matcher, List<MenteeCandidate> mentees, List<MentorCandidate> mentors,
                             Set<Exclusion> exclusions) {
        Scoring scoring = new Scoring(new Pool(mentees, mentors, exclusions, matcher.day(), matcher.week()),
                matcher.weights(), matcher.policy());
        int[][] score = new int[mentees.size()][mentors.size()];
        int[][] failed = new int[mentees.size()][mentors.size()];
        java.util.stream.IntStream.range(0, score.length).parallel().forEach(i -> {
            for (int m = 0; m < score[i].length; m++) {
                score[i][m] = scoring.allowed(i, m) ? scoring.score(i, m) : NOT_ALLOWED;
                failed[i][m] = scoring.failedNeeds(i, m);
            }
        });
        return new Instance(matcher, mentees, mentors, exclusions, score, scoring.capacity, failed);
    }

    /** Random weights 0..10, each criterion a must one time in five. */
    static Weights randomWeights(Random r) {
        Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
        Set<Criterion> musts = EnumSet.noneOf(Criterion.class);
        for (Criterion c : Criterion.values()) {
            points.put(c, r.nextInt(Weights.MAX + 1));
            if (r.nextInt(5) == 0) {
                musts.add(c);
            }
        }
        return new Weights(points, musts);
    }

    /**
     * A working week that may be any a programme can set: starting from 06:00 to 12:00, 3 to 16 hours long (long
     * days far apart share two stretches), on its own random numbers so that the seeds' programmes stay the same.
     */
    static WorkingWeek randomWeek(long seed) {
        Random r = new Random(seed * 7919 + 13);
        LocalTime start = LocalTime.of(6, 0).plusMinutes(30L * r.nextInt(13));
        long longest = Duration.between(start, LocalTime.of(22, 0)).toMinutes();
        LocalTime end = start.plusMinutes(Math.min(longest, 180 + 30L * r.nextInt(27)));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.add(DayOfWeek.of(1 + r.nextInt(7)));
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextBoolean()) {
                days.add(d);
            }
        }
        return new WorkingWeek(start, end, days);
    }

    /** A random policy: each need protected or not, any spread, any shortlist size. */
    static MatchPolicy randomPolicy(Random r) {
        Set<Criterion> needs = EnumSet.noneOf(Criterion.class);
        MatchPolicy.NEEDABLE.stream().filter(c -> r.nextInt(3) > 0).forEach(needs::add);
        return new MatchPolicy(needs, r.nextInt(MatchPolicy.SPREAD_MAX + 1),
                MatchPolicy.SHORTLIST_MIN + r.nextInt(MatchPolicy.SHORTLIST_MAX));
    }

    Plan plan() {
        return matcher.plan(mentees, mentors, exclusions);
    }

    /** For each mentee (by index), the index of their mentor in {@code assignment}, or -1. */
    int[] mentorOf(Map<String, String> assignment) {
        Map<String, Integer> mentorIndex = new HashMap<>();
        for (int m = 0; m < mentors.size(); m++) {
            mentorIndex.put(mentors.get(m).id(), m);
        }
        int[] of = new int[mentees.size()];
        for (int i = 0; i < of.length; i++) {
            String mentor = assignment.get(mentees.get(i).id());
            of[i] = mentor == null ? -1 : mentorIndex.get(mentor);
        }
        return of;
    }

    static Map<String, String> assignment(Plan plan) {
        Map<String, String> a = new HashMap<>();
        plan.assignments().forEach(x -> a.put(x.mentee(), x.mentor()));
        return a;
    }

    Objective objective(int[] mentorOf) {
        int matched = 0;
        int failedNeeds = 0;
        long total = 0;
        int[] load = new int[capacity.length];
        long loadCost = 0;
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] >= 0) {
                matched++;
                failedNeeds += failed[i][mentorOf[i]];
                total += score[i][mentorOf[i]];
                loadCost += matcher.policy().placeCost(++load[mentorOf[i]]);
            }
        }
        return new Objective(matched, failedNeeds, total, loadCost);
    }
}

package org.tandem.core.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Meetings;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;

/**
 * What a programme achieved, counted from its stores for its report: who came how far (the funnel), meetings per
 * pair month after month, the objectives' outcomes, satisfaction and progress, hours given, rematches and thanks.
 * Numbers only: no reflection's or note's words are read. Every figure that counts people says how many, so that a
 * report can hide what fewer than its smallest group would give away ({@link Gate}).
 */
final class Results {

    /** How far people came, each counted once, in the order of a mentoring's life. */
    enum Stage { INVITED, ENROLLED, MATCHED, MET, ACTIVE, COMPLETED }

    /**
     * A programme's results.
     *
     * @param funnel       people at each stage ({@link Stage#INVITED} only when people were invited)
     * @param waiting      mentees enrolled now who never got as far as a mentor
     * @param noClick      pairs whose first conversation did not click
     * @param rematched    mentees who, after a "no click", were paired again in the programme
     * @param endedEarly   pairs ended before their close (by one of them, a coordinator, or a departure)
     * @param months       meetings per pair, month by month since the programme started
     * @param outcomes     the objectives' outcomes at the close, by {@link RhythmFigures#OUTCOMES}, and who answered
     * @param minutes      minutes of mentoring given, from logged meetings
     * @param meetings     meetings logged
     * @param thanks       mentees who thanked their mentor at the close
     */
    record Of(Program program, Map<Stage, Integer> funnel, int waiting, int noClick, int rematched, int endedEarly,
              List<Month> months, Answers outcomes, Answers satisfaction, Answers progress, long minutes,
              int meetings, int thanks) {

        /** The people at a stage; empty for {@link Stage#INVITED} when nobody was invited. */
        OptionalLong at(Stage stage) {
            Integer n = funnel.get(stage);
            return n == null ? OptionalLong.empty() : OptionalLong.of(n);
        }
    }

    /** One month of the programme (1 = its first): meetings logged, pairs active then and their people. */
    record Month(int index, LocalDate start, int meetings, int pairs, int people) {

        /** Meetings per active pair that month, if any pair was active. */
        OptionalDouble perPair() {
            return pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) meetings / pairs);
        }
    }

    /**
     * Answers of a kind, aggregated: how many people gave them and the value (an average), or, for outcomes, how many
     * answers fell in each.
     */
    record Answers(int people, OptionalDouble average, Map<String, Integer> counts) {

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What hides small groups: a figure about fewer people than {@code min} is not shown. */
    record Gate(int min) {
        boolean shows(int people) {
            return people >= min;
        }
    }

    private final Enrollments enrollments;
    private final Pairs pairs;
    private final Meetings meetings;
    private final RhythmFigures rhythm;
    private final Invited invited;
    private final Function<String, Optional<Instant>> closedAt;

    /** How many people a programme's coordinators invited, joined and declined, when they invited any. */
    interface Invited {
        OptionalLong of(String program);
    }

    Results(Enrollments enrollments, Pairs pairs, Meetings meetings, RhythmFigures rhythm, Invited invited,
            Function<String, Optional<Instant>> closedAt) {
        this.closedAt = closedAt;
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.meetings = meetings;
        this.rhythm = rhythm;
        this.invited = invited;
    }

    Of of(Program program, Instant now) {
        List<Pair> all = pairs.inProgram(program.id(), EnumSet.allOf(PairStatus.class));
        Map<String, Map<String, Instant>> at = pairs.milestonesOf(program.id());
        Map<Stage, Integer> funnel = new EnumMap<>(Stage.class);
        invited.of(program.id()).ifPresent(n -> funnel.put(Stage.INVITED, (int) n));
        Set<String> enrolled = new HashSet<>();
        List<Enrollments.Place> places = enrollments.places(program.id());
        places.forEach(p -> enrolled.add(p.person().key()));
        Set<String> matched = new HashSet<>();
        Set<String> met = new HashSet<>();
        Set<String> active = new HashSet<>();
        Set<String> completed = new HashSet<>();
        Set<String> everMatchedMentees = new HashSet<>();
        int noClick = 0;
        int endedEarly = 0;
        // per mentee, their first pair that did not click
        Map<String, Pair> firstNoClick = new LinkedHashMap<>();
        for (Pair p : all) {
            Map<String, Instant> m = at.getOrDefault(p.id(), Map.of());
            List<String> both = List.of(p.mentee().key(), p.mentor().key());
            enrolled.addAll(both);
            if (m.containsKey("acceptedAt") || m.containsKey("introducedAt")) {
                matched.addAll(both);
                everMatchedMentees.add(p.mentee().key());
            }
            if (m.containsKey("metAt")) {
                met.addAll(both);
            }
            if (m.containsKey("activeAt")) {
                active.addAll(both);
            }
            if (p.status() == PairStatus.COMPLETED && m.containsKey("activeAt")) {
                completed.addAll(both);
            }
            if (p.status() == PairStatus.NO_CLICK) {
                noClick++;
                firstNoClick.merge(p.mentee().key(), p, (a, b) -> b.createdAt().isBefore(a.createdAt()) ? b : a);
            }
            if ((p.status() == PairStatus.ENDED || p.status() == PairStatus.WITHDRAWN) && m.containsKey("introducedAt")) {
                endedEarly++;
            }
        }
        int rematched = 0;
        for (Pair missed : firstNoClick.values()) {
            // another pair of theirs, made since, that went further than a proposal
            boolean again = all.stream().anyMatch(p -> p.mentee().equals(missed.mentee()) && !p.id().equals(missed.id())
                    && !p.createdAt().isBefore(missed.createdAt()) && at.getOrDefault(p.id(), Map.of())
                    .containsKey("acceptedAt"));
            rematched += again ? 1 : 0;
        }
        int waiting = (int) places.stream().filter(Enrollments.Place::mentored)
                .filter(p -> !everMatchedMentees.contains(p.person().key())).count();
        funnel.put(Stage.ENROLLED, enrolled.size());
        funnel.put(Stage.MATCHED, matched.size());
        funnel.put(Stage.MET, met.size());
        funnel.put(Stage.ACTIVE, active.size());
        funnel.put(Stage.COMPLETED, completed.size());
        // the reflections' numbers, read once for outcomes, satisfaction and progress
        List<RhythmFigures.Answered> answered = rhythm.answered(program.id());
        Map<String, List<LocalDate>> dates = meetings.datesIn(program.id());
        int logged = dates.values().stream().mapToInt(List::size).sum();
        return new Of(program, funnel, waiting, noClick, rematched, endedEarly,
                months(program, closedAt.apply(program.id()), all, at, dates, now), outcomes(answered),
                satisfactionAndProgress(answered, true), satisfactionAndProgress(answered, false),
                (long) logged * Meetings.USUAL_MINUTES, logged, pairs.thanksIn(program.id()));
    }

    /** Month by month from the programme's start to now (or its close): meetings, and the pairs active then. */
    private static List<Month> months(Program program, Optional<Instant> closed, List<Pair> all,
                                      Map<String, Map<String, Instant>> at, Map<String, List<LocalDate>> dates,
                                      Instant now) {
        ZoneId utc = ZoneOffset.UTC;
        LocalDate start = LocalDate.ofInstant(program.createdAt(), utc);
        LocalDate end = LocalDate.ofInstant(closed.filter(c -> c.isBefore(now)).orElse(now), utc);
        List<Month> out = new ArrayList<>();
        for (int i = 0; !start.plusMonths(i).isAfter(end) && i < 120; i++) {
            LocalDate from = start.plusMonths(i);
            LocalDate to = start.plusMonths(i + 1);
            int pairsThen = 0;
            Set<String> people = new HashSet<>();
            int met = 0;
            for (Pair p : all) {
                Map<String, Instant> m = at.getOrDefault(p.id(), Map.of());
                Instant activeAt = m.get("activeAt");
                Instant closedAt = m.get("closedAt");
                boolean activeThen = activeAt != null && LocalDate.ofInstant(activeAt, utc).isBefore(to)
                        && (closedAt == null || !LocalDate.ofInstant(closedAt, utc).isBefore(from));
                if (activeThen) {
                    pairsThen++;
                    people.add(p.mentee().key());
                    people.add(p.mentor().key());
                }
                for (LocalDate d : dates.getOrDefault(p.id(), List.of())) {
                    met += !d.isBefore(from) && d.isBefore(to) ? 1 : 0;
                }
            }
            out.add(new Month(i + 1, from, met, pairsThen, people.size()));
        }
        return out;
    }

    private static Answers outcomes(List<RhythmFigures.Answered> answered) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        RhythmFigures.OUTCOMES.forEach(o -> counts.put(o, 0));
        Set<String> people = new HashSet<>();
        for (RhythmFigures.Answered n : answered) {
            if (!n.outcomes().isEmpty()) {
                people.add(n.author());
                n.outcomes().forEach(o -> counts.computeIfPresent(o, (k, v) -> v + 1));
            }
        }
        return new Answers(people.size(), OptionalDouble.empty(), counts);
    }

    /** Satisfaction (1-5, midpoint and close) or progress (1-5 per objective): the average and who answered. */
    private static Answers satisfactionAndProgress(List<RhythmFigures.Answered> answered, boolean satisfaction) {
        Set<String> people = new HashSet<>();
        List<Integer> values = new ArrayList<>();
        for (RhythmFigures.Answered n : answered) {
            Collection<Integer> v = satisfaction ? (n.satisfaction() > 0 ? List.of(n.satisfaction()) : List.of())
                    : n.progress();
            if (!v.isEmpty()) {
                people.add(n.author());
                values.addAll(v);
            }
        }
        return new Answers(people.size(), values.stream().mapToInt(Integer::intValue).average(), Map.of());
    }

    /** The previous run of a programme: the latest one before it in its workspace of the same series of names. */
    static Optional<Program> previous(Program program, List<Program> all) {
        String series = series(program.name());
        return all.stream().filter(p -> !p.id().equals(program.id()) && p.createdAt().isBefore(program.createdAt()))
                .filter(p -> series(p.name()).equals(series))
                .max(Comparator.comparing(Program::createdAt));
    }

    /**
     * A programme's name without what tells runs apart ("Leadership 2026", "Leadership – 2nd cohort", "Onboarding
     * #3", "Mentoring II"): the runs of one programme share it.
     */
    static String series(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        String before;
        do {
            before = s;
            s = s.replaceAll("[\\s\\p{Pd}_#/(),.:]*(\\d+(st|nd|rd|th|e|er|ère|ème)?|[ivxlc]+|cohort|cohorte|run|session"
                    + "|edition|édition|promo|promotion|wave|vague)\\)?$", "").strip();
        } while (!s.equals(before) && !s.isEmpty());
        return s.isEmpty() ? name.strip().toLowerCase(Locale.ROOT) : s;
    }
}

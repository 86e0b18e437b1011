package org.tandem.core.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;

/** A programme's aggregates, counted now: the same numbers for {@code status} and the weekly digest. */
public final class Figures {

    static final Duration RECENT = Duration.ofDays(30);

    /**
     * One programme in numbers.
     *
     * @param capacityLeft the mentors' free places: capacity minus open pairs, summed
     * @param stages       how many pairs are at each stage, open and closed (stages with none are absent)
     * @param meetings     meetings logged in the last 30 days, when the rhythm logs them
     */
    public record Programme(Program program, int mentees, int mentors, int capacityLeft,
                            Map<PairStatus, Integer> stages, OptionalInt meetings, OptionalInt planned, int atRisk,
                            OptionalDouble progress, OptionalDouble satisfaction) {

        public int open() {
            return stages.entrySet().stream().filter(e -> e.getKey().open()).mapToInt(Map.Entry::getValue).sum();
        }
    }

    private final Enrollments enrollments;
    private final Pairs pairs;
    private final RhythmFigures rhythm;

    public Figures(Enrollments enrollments, Pairs pairs, RhythmFigures rhythm) {
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.rhythm = rhythm;
    }

    public Programme of(Program program, Instant now) {
        List<Enrollments.Place> enrolled = enrollments.places(program.id());
        int mentees = (int) enrolled.stream().filter(Enrollments.Place::mentored).count();
        int mentors = (int) enrolled.stream().filter(Enrollments.Place::mentors).count();
        Map<PairStatus, Integer> stages = new EnumMap<>(PairStatus.class);
        Map<String, Integer> load = new java.util.HashMap<>();
        List<Pair> all = pairs.inProgram(program.id(), EnumSet.allOf(PairStatus.class));
        for (Pair p : all) {
            stages.merge(p.status(), 1, Integer::sum);
            if (p.status().open()) {
                load.merge(p.mentor().key(), 1, Integer::sum);
            }
        }
        int left = 0;
        for (Enrollments.Place e : enrolled) {
            left += Math.max(0, e.capacity() - load.getOrDefault(e.person().key(), 0));
        }
        RhythmFigures.Averages averages = rhythm.averages(program.id());
        return new Programme(program, mentees, mentors, left, stages,
                rhythm.meetingsBetween(program.id(), now.minus(RECENT), now), rhythm.meetingsPlanned(program.id(), now),
                rhythm.atRiskAmong(program.id(), all, now), averages.progress(), averages.satisfaction());
    }

    public RhythmFigures rhythm() {
        return rhythm;
    }
}

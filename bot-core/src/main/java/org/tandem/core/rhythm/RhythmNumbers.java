package org.tandem.core.rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tandem.core.admin.RhythmFigures;
import org.tandem.core.meetings.MeetingPlan;
import org.tandem.core.meetings.MeetingPlans;
import org.tandem.core.pairs.Pair;
import org.tandem.core.pairs.PairStatus;
import org.tandem.core.pairs.Pairs;

/** What the rhythm tells coordinators: counts and averages, never a word anyone wrote. */
final class RhythmNumbers implements RhythmFigures {

    private final Rhythm rhythm;
    private final Pairs pairs;
    private final MeetingPlans plans;

    RhythmNumbers(Rhythm rhythm, Pairs pairs, MeetingPlans plans) {
        this.pairs = pairs;
        this.plans = plans;
        this.rhythm = rhythm;
    }

    @Override
    public boolean measures() {
        return true;
    }

    @Override
    public OptionalInt meetings(String pairId) {
        return pairs.find(pairId).map(p -> OptionalInt.of(p.rhythm().meetings())).orElse(OptionalInt.empty());
    }

    /** The count the pair's own document keeps, which {@link #meetings(String)} reads again. */
    @Override
    public OptionalInt meetings(Pair pair) {
        return OptionalInt.of(pair.rhythm().meetings());
    }

    @Override
    public OptionalInt meetingsBetween(String programId, Instant from, Instant to) {
        return OptionalInt.of(rhythm.meetings.between(programId, LocalDate.ofInstant(from, ZoneOffset.UTC),
                LocalDate.ofInstant(to, ZoneOffset.UTC)));
    }

    @Override
    public OptionalInt meetingsPlanned(String programId, Instant now) {
        return OptionalInt.of(plans.planned(programId, now));
    }

    @Override
    public Optional<Instant> nextMeeting(String pairId, Instant now) {
        return plans.find(pairId).filter(MeetingPlan::booked).flatMap(MeetingPlan::start).filter(s -> s.isAfter(now));
    }

    @Override
    public int atRiskAmong(String programId, List<Pair> all, Instant now) {
        return (int) all.stream().filter(p -> p.status() == PairStatus.ACTIVE && p.rhythm().atRisk()).count();
    }

    @Override
    public List<AtRisk> atRisk(String programId, Instant now) {
        return pairs.inProgram(programId, EnumSet.of(PairStatus.ACTIVE)).stream()
                .filter(p -> p.rhythm().atRisk())
                .map(p -> new AtRisk(p.id(), p.rhythm().unanswered() >= 2 ? "rhythm.at-risk.unanswered"
                        : "rhythm.at-risk.quiet", p.rhythm().lastMetAt().or(() -> p.rhythm().activeAt())))
                .toList();
    }

    @Override
    public OptionalDouble averageProgress(String programId) {
        return averages(programId).progress();
    }

    @Override
    public OptionalDouble averageSatisfaction(String programId) {
        return averages(programId).satisfaction();
    }

    /** Progress is given from 1 to 5 per objective; coordinators read it from 0 to 100. */
    @Override
    public List<Answered> answered(String programId) {
        return rhythm.reflections.numbers(programId).stream()
                .map(n -> new Answered(n.author(), n.progress(), n.outcomes(), n.satisfaction())).toList();
    }

    @Override
    public Averages averages(String programId) {
        Reflections.Averages a = rhythm.reflections.averages(programId);
        OptionalDouble progress = a.progress();
        return new Averages(progress.isPresent() ? OptionalDouble.of((progress.getAsDouble() - 1) / 4 * 100)
                : OptionalDouble.empty(), a.satisfaction());
    }
}

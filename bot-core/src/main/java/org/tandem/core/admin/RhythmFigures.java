package org.tandem.core.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the mentoring rhythm (agreements, check-ins, meetings, reflections) tells coordinators, as numbers and
 * bundle keys only. The interface has no way to carry a text a person wrote: reflections and check-in notes
 * cannot reach an admin output or an export through it. Until the rhythm records anything, {@link #NONE} answers
 * "not measured", and admin outputs say so instead of showing a misleading zero.
 */
public interface RhythmFigures {

    /** Nothing measured yet. */
    RhythmFigures NONE = new RhythmFigures() {
    };

    /**
     * A pair that needs a coordinator's attention.
     *
     * @param reasonKey a bundle key saying why in a few words, without arguments (e.g. "no meeting for 6 weeks")
     * @param since     since when, if the rhythm knows
     */
    record AtRisk(String pairId, String reasonKey, Optional<Instant> since) {
        public AtRisk {
            Objects.requireNonNull(pairId, "pairId");
            Objects.requireNonNull(reasonKey, "reasonKey");
            since = since == null ? Optional.empty() : since;
        }
    }

    /** How many meetings a pair logged, or empty when meetings are not logged. */
    default OptionalInt meetings(String pairId) {
        return OptionalInt.empty();
    }

    /** The same for a pair just read (lists of a whole programme): no read of its own where none is needed. */
    default OptionalInt meetings(org.tandem.core.pairs.Pair pair) {
        return meetings(pair.id());
    }

    /** How many meetings the pairs of a programme logged in {@code [from, to)}, or empty when not logged. */
    default OptionalInt meetingsBetween(String programId, Instant from, Instant to) {
        return OptionalInt.empty();
    }

    /** How many pairs of a programme have a meeting scheduled ahead of {@code now}, or empty when not known. */
    default OptionalInt meetingsPlanned(String programId, Instant now) {
        return OptionalInt.empty();
    }

    /** When a pair meets next, as they scheduled it, if a meeting is ahead of {@code now}. */
    default Optional<Instant> nextMeeting(String pairId, Instant now) {
        return Optional.empty();
    }

    /** How many of a programme's pairs, just read (all of them), need attention now: no read of its own. */
    default int atRiskAmong(String programId, List<org.tandem.core.pairs.Pair> pairs, Instant now) {
        return atRisk(programId, now).size();
    }

    /** The pairs of a programme that need attention now. */
    default List<AtRisk> atRisk(String programId, Instant now) {
        return List.of();
    }

    /** A programme's average progress (0-100) and satisfaction (out of 5), read together. */
    record Averages(OptionalDouble progress, OptionalDouble satisfaction) {}

    /** Both averages at once (one read of the reflections where the rhythm keeps them). */
    default Averages averages(String programId) {
        return new Averages(averageProgress(programId), averageSatisfaction(programId));
    }

    /** The programme's average progress towards the pairs' objectives, from 0 to 100, or empty. */
    default OptionalDouble averageProgress(String programId) {
        return OptionalDouble.empty();
    }

    /** The programme's average satisfaction, from 1 to 5, or empty. */
    default OptionalDouble averageSatisfaction(String programId) {
        return OptionalDouble.empty();
    }

    /** Where an objective stands at the close, as each of a pair says, in the order a form offers them. */
    List<String> OUTCOMES = List.of("achieved", "partly", "not-yet");

    /**
     * The numbers of one reflection, without a word of it.
     *
     * @param author       who answered, as a key: to count people (no report shows a figure of too few), never
     *                     to show them
     * @param progress     progress per objective, 1 to 5 (the mentee's)
     * @param outcomes     per objective, one of {@link #OUTCOMES}, at the close
     * @param satisfaction 1 to 5, or 0 when the reflection did not ask
     */
    record Answered(String author, List<Integer> progress, List<String> outcomes, int satisfaction) {
        public Answered {
            progress = List.copyOf(progress);
            outcomes = List.copyOf(outcomes);
        }
    }

    /** The numbers of a programme's reflections, for its report. */
    default List<Answered> answered(String programId) {
        return List.of();
    }

    /** Whether this rhythm measures anything (false for {@link #NONE}), so outputs can say "not measured yet". */
    default boolean measures() {
        return false;
    }
}

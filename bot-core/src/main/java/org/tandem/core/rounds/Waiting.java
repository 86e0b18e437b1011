package org.tandem.core.rounds;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.core.intake.Enrollments;
import org.tandem.core.matching.MenteeCandidate;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Unmatched;
import org.tandem.core.pairs.Pairs;
import org.tandem.core.program.Program;

/**
 * Why each mentee of a programme is still without a pair, as the matcher sees the pool right now (nothing is
 * stored): the matcher's kind reason for those it cannot place, {@link #MATCHABLE} for those a round would match.
 */
public final class Waiting {

    /** The reason of a mentee whom a matching round would match now. */
    public static final String MATCHABLE = "pending.matchable";

    private final Enrollments enrollments;
    private final Pairs pairs;
    private final MatchSettings settings;

    public Waiting(MongoDatabase db, Enrollments enrollments, Pairs pairs) {
        this.enrollments = enrollments;
        this.pairs = pairs;
        this.settings = new MatchSettings(db);
    }

    /** Every mentee without an open pair, in enrolment order, with why. */
    public List<Unmatched> of(Program program, Instant now) {
        Candidates pool = Candidates.of(program.id(), enrollments, pairs);
        Plan plan = settings.of(program.id()).matcher(LocalDate.ofInstant(now, ZoneOffset.UTC),
                        program.spec().workingWeek())
                .plan(pool.mentees(), pool.mentors(), pool.exclusions());
        Map<String, Unmatched> why = new HashMap<>();
        plan.unmatched().forEach(u -> why.put(u.mentee(), u));
        List<Unmatched> out = new ArrayList<>();
        for (MenteeCandidate m : pool.mentees()) {
            out.add(why.getOrDefault(m.id(), new Unmatched(m.id(), MATCHABLE, List.of())));
        }
        return out;
    }
}

package org.tandem.core.matching;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The residual-graph optimality certificate, for the benchmark (its tests use {@link ResidualCertificate}). */
public final class Certificate {

    private Certificate() {
    }

    /** Why the assignment (mentee id to mentor id) is not optimal, or empty when it is proven optimal. */
    public static Optional<String> refute(Matcher matcher, List<MenteeCandidate> mentees,
                                          List<MentorCandidate> mentors, Collection<Exclusion> exclusions,
                                          Map<String, String> assignment) {
        Instance instance = Instance.viaTable(matcher, mentees, mentors, Set.copyOf(exclusions));
        return ResidualCertificate.refute(instance, instance.mentorOf(assignment));
    }
}

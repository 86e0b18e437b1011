package org.tandem.core.matching.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Matcher;
import org.tandem.core.matching.MenteeCandidate;
import org.tandem.core.matching.MentorCandidate;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.Reason;
import org.tandem.core.matching.Shortlist;

/**
 * What issue 14's goals measure on a plan, through the public API only: how loads spread, how many proposals are
 * compromises and whether any could have been avoided (a mentor fitting all her needs still had a free place), how
 * full the shortlists are and why not, and how often a mentor appears per free place.
 */
final class Goals {

    private Goals() {
    }

    static void print(Matcher matcher, InstanceFile instance, Plan plan, boolean check) {
        List<Integer> loads = plan.loads();
        System.out.println("loads        mentors with a free place given " + IntStream.range(0, loads.size())
                .mapToObj(k -> k + ": " + loads.get(k)).collect(Collectors.joining(" · ")) + " mentees");

        Map<String, MentorCandidate> mentors = new HashMap<>();
        instance.mentors().forEach(r -> mentors.put(r.id(), r));
        Map<String, MenteeCandidate> mentees = new HashMap<>();
        instance.mentees().forEach(e -> mentees.put(e.id(), e));
        Map<String, Integer> spare = new HashMap<>();
        instance.mentors().forEach(r -> spare.put(r.id(), r.capacity()));
        plan.assignments().forEach(a -> spare.merge(a.mentor(), -1, Integer::sum));
        List<Assignment> compromises = plan.assignments().stream()
                .filter(a -> a.score().reasons().stream().anyMatch(Reason::weak)).toList();
        String avoidable = "not checked (-Dcheck=true)";
        if (check) {
            long n = compromises.parallelStream().filter(a -> instance.mentors().stream()
                    .anyMatch(r -> spare.get(r.id()) > 0 && fits(matcher, instance, mentees.get(a.mentee()), r)))
                    .count();
            avoidable = n + " could have had a mentor fitting every need with a free place in the plan";
        }
        System.out.printf(Locale.ROOT, "compromises  %d of %d proposals fail a need of the mentee; %s%n",
                compromises.size(), plan.assignments().size(), avoidable);

        int size = matcher.policy().shortlist();
        Map<Integer, Long> sizes = new TreeMap<>(plan.shortlists().values().stream()
                .collect(Collectors.groupingBy(s -> s.options().size(), Collectors.counting())));
        Map<String, Long> why = plan.shortlists().values().stream()
                .filter(s -> !s.options().isEmpty() && s.options().size() < size)
                .collect(Collectors.groupingBy(s -> s.why().isEmpty() ? "none" : s.why()
                        .substring("match.shortlist.".length()), Collectors.counting()));
        Map<String, Integer> appearances = new HashMap<>();
        plan.shortlists().values().forEach(s -> s.options().forEach(o -> appearances.merge(o.mentor(), 1,
                Integer::sum)));
        double most = appearances.entrySet().stream()
                .mapToDouble(e -> (double) e.getValue() / Math.max(1, mentors.get(e.getKey()).capacity()))
                .max().orElse(0);
        String shortButFitting = "not checked (-Dcheck=true)";
        if (check) {
            long n = plan.shortlists().values().parallelStream()
                    .filter(s -> !s.options().isEmpty() && s.options().size() < size)
                    .filter(s -> instance.mentors().stream().filter(r -> r.capacity() > 0)
                            .filter(r -> fits(matcher, instance, mentees.get(s.mentee()), r)).limit(size)
                            .count() >= size)
                    .count();
            shortButFitting = n + " of them although " + size + " mentors with a free place fit every need";
        }
        System.out.printf(Locale.ROOT, "shortlists   by options %s (0: left in the pool); short ones by why %s,"
                        + " %s; most appearances per free place %.2f (bound %d)%n", sizes, why, shortButFitting,
                most, Shortlist.APPEARANCES_PER_PLACE);
    }

    /** Allowed, and failing none of her needs: what a real alternative is. */
    private static boolean fits(Matcher matcher, InstanceFile instance, MenteeCandidate e, MentorCandidate r) {
        return matcher.allowed(e, r, instance.exclusions())
                && matcher.score(e, r).reasons().stream().noneMatch(Reason::weak);
    }
}

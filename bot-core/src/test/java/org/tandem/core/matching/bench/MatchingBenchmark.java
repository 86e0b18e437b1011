package org.tandem.core.matching.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tandem.core.matching.Assignment;
import org.tandem.core.matching.Certificate;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.GreedyMatcher;
import org.tandem.core.matching.MatchPolicy;
import org.tandem.core.matching.Matcher;
import org.tandem.core.matching.Plan;
import org.tandem.core.matching.RandomProgramme;
import org.tandem.core.matching.Weights;

/**
 * Times the matcher on a seeded random programme (or one read from JSON) and compares it with the greedy baseline.
 * Flags are system properties: see docs/matching-benchmark.md. A benchmark, not a test: it asserts nothing.
 */
public final class MatchingBenchmark {

    static final LocalDate DAY = LocalDate.of(2025, 3, 12);
    private static final long GREEDY_PAIRS = 50_000_000L;

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        InstanceFile instance = instance();
        int places = instance.mentors().stream().mapToInt(r -> r.capacity()).sum();
        System.out.printf(Locale.ROOT, "instance     %d mentees x %d mentors, %d places, %d exclusions, musts %s%n",
                instance.mentees().size(), instance.mentors().size(), places, instance.exclusions().size(),
                instance.weights().musts());
        save(System.getProperty("save"), instance.toJson());

        MatchPolicy policy = policy();
        System.out.printf(Locale.ROOT, "policy       needs %s, spread %d, shortlist %d%n", policy.needs(),
                policy.spread(), policy.shortlist());
        Matcher matcher = new Matcher(instance.weights(), policy, instance.day());
        int runs = Integer.getInteger("runs", 5);
        long first = 0;
        long best = Long.MAX_VALUE;
        Plan plan = null;
        Heap.resetPeak();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            plan = matcher.plan(instance.mentees(), instance.mentors(), instance.exclusions());
            long took = System.nanoTime() - start;
            first = run == 0 ? took : first;
            best = Math.min(best, took);
        }
        System.out.printf(Locale.ROOT, "matcher      %d matched, %d failed needs, total score %d, load cost %d;"
                        + " first run %d ms, best of %d %d ms; peak heap %d MiB (of %d)%n",
                plan.objective().matched(), plan.objective().failedNeeds(), plan.objective().totalScore(),
                plan.objective().loadCost(), first / 1_000_000, runs, best / 1_000_000, Heap.peakMiB(),
                Runtime.getRuntime().maxMemory() >> 20);
        Goals.print(matcher, instance, plan, Boolean.parseBoolean(System.getProperty("check",
                Boolean.toString((long) instance.mentees().size() * instance.mentors().size() <= 5_000_000L))));

        GreedyMatcher.Result greedy = null;
        if ((long) instance.mentees().size() * instance.mentors().size() > GREEDY_PAIRS) {
            // the baseline sorts every pair at once: past this it needs more memory than the matcher it is compared to
            System.out.println("greedy       skipped: more than " + GREEDY_PAIRS + " pairs");
        } else {
            long start = System.nanoTime();
            greedy = new GreedyMatcher(instance.weights(), policy, instance.day())
                    .match(instance.mentees(), instance.mentors(), instance.exclusions());
            System.out.printf(Locale.ROOT, "greedy       %d matched, %d failed needs, total score %d, load cost %d,"
                            + " %d ms%n", greedy.objective().matched(), greedy.objective().failedNeeds(),
                    greedy.objective().totalScore(), greedy.objective().loadCost(),
                    (System.nanoTime() - start) / 1_000_000);
        }

        if (Boolean.getBoolean("certify")) {
            Map<String, String> assignment = new java.util.HashMap<>();
            plan.assignments().forEach(a -> assignment.put(a.mentee(), a.mentor()));
            System.out.println("certificate  " + Certificate.refute(matcher, instance.mentees(), instance.mentors(),
                    instance.exclusions(), assignment).orElse("optimal: no augmenting path, no negative cycle"));
        }
        save(System.getProperty("out"), Json.write(result(plan, greedy)));
    }

    /** The policy from the flags; the defaults where a flag is not given. */
    static MatchPolicy policy() {
        MatchPolicy policy = MatchPolicy.defaults();
        String needs = System.getProperty("needs", "");
        if (!needs.isBlank()) {
            java.util.Set<Criterion> set = java.util.EnumSet.noneOf(Criterion.class);
            for (String n : needs.split(",")) {
                if (!n.isBlank() && !n.strip().equalsIgnoreCase("none")) {
                    set.add(Criterion.valueOf(n.strip().toUpperCase(Locale.ROOT)));
                }
            }
            policy = policy.withNeeds(set);
        }
        String spread = System.getProperty("spread", "");
        if (!spread.isBlank()) {
            policy = policy.withSpread(Integer.parseInt(spread.strip()));
        }
        String shortlist = System.getProperty("shortlist", "");
        if (!shortlist.isBlank()) {
            policy = policy.withShortlist(Integer.parseInt(shortlist.strip()));
        }
        return policy;
    }

    private static InstanceFile instance() throws IOException {
        String in = System.getProperty("in");
        if (in != null && !in.isBlank()) {
            return InstanceFile.parse(Files.readString(Path.of(in), StandardCharsets.UTF_8));
        }
        RandomProgramme p = RandomProgramme.generate(Integer.getInteger("mentees", 2000),
                Integer.getInteger("mentors", 500), Long.getLong("seed", 42));
        Weights weights = Weights.defaults();
        for (String must : System.getProperty("musts", "").split(",")) {
            if (!must.isBlank()) {
                weights = weights.withMust(Criterion.valueOf(must.strip().toUpperCase(Locale.ROOT)), true);
            }
        }
        return new InstanceFile(DAY, weights, p.mentees(), p.mentors(), p.exclusions());
    }

    private static Map<String, Object> result(Plan plan, GreedyMatcher.Result greedy) {
        List<Object> assignments = plan.assignments().stream().map(MatchingBenchmark::assignment).toList();
        List<Object> unmatched = plan.unmatched().stream()
                .map(u -> (Object) InstanceFile.obj("mentee", u.mentee(), "reason", u.key(), "args", u.args()))
                .toList();
        return InstanceFile.obj(
                "objective", InstanceFile.obj("matched", (long) plan.objective().matched(),
                        "failedNeeds", (long) plan.objective().failedNeeds(),
                        "totalScore", plan.objective().totalScore(), "loadCost", plan.objective().loadCost()),
                "loads", plan.loads().stream().map(n -> (Object) (long) n).toList(),
                "greedy", greedy == null ? InstanceFile.obj() : InstanceFile.obj("matched",
                        (long) greedy.objective().matched(), "totalScore", greedy.objective().totalScore()),
                "assignments", assignments, "unmatched", unmatched);
    }

    private static Object assignment(Assignment a) {
        return InstanceFile.obj("mentee", a.mentee(), "mentor", a.mentor(), "score", (long) a.score().total(),
                "reasons", a.score().reasons().stream().map(r -> (Object) InstanceFile.obj("key", r.key(),
                        "points", (long) r.points(), "args", r.args())).toList());
    }

    private static void save(String path, String json) throws IOException {
        if (path != null && !path.isBlank()) {
            Path file = Path.of(path).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
            System.out.println("wrote        " + path);
        }
    }
}

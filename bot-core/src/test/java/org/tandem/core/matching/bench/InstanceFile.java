package org.tandem.core.matching.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Exclusion;
import org.tandem.core.matching.Format;
import org.tandem.core.matching.MenteeCandidate;
import org.tandem.core.matching.MentorCandidate;
import org.tandem.core.matching.Preference;
import org.tandem.core.matching.Weights;

/** A matching instance as a JSON document (the format is in docs/matching-benchmark.md). */
record InstanceFile(LocalDate day, Weights weights, List<MenteeCandidate> mentees, List<MentorCandidate> mentors,
                    Set<Exclusion> exclusions) {

    @SuppressWarnings("unchecked")
    static InstanceFile parse(String json) {
        Map<String, Object> root = (Map<String, Object>) Json.parse(json);
        LocalDate day = root.containsKey("day") ? LocalDate.parse((String) root.get("day")) : MatchingBenchmark.DAY;
        Weights weights = root.containsKey("weights") ? weights((Map<String, Object>) root.get("weights"))
                : Weights.defaults();
        List<MenteeCandidate> mentees = new ArrayList<>();
        for (Object o : (List<Object>) root.get("mentees")) {
            Map<String, Object> e = (Map<String, Object>) o;
            mentees.add(new MenteeCandidate(str(e, "id"), strings(e, "topics"), str(e, "other"),
                    strings(e, "languages"), num(e, "seniority"), str(e, "department"), ZoneId.of(str(e, "zone")),
                    Format.valueOf(str(e, "format")), str(e, "location"), Preference.valueOf(str(e, "preference"))));
        }
        List<MentorCandidate> mentors = new ArrayList<>();
        for (Object o : (List<Object>) root.get("mentors")) {
            Map<String, Object> r = (Map<String, Object>) o;
            mentors.add(new MentorCandidate(str(r, "id"), Set.copyOf(strings(r, "expertise")), strings(r, "languages"),
                    num(r, "seniority"), num(r, "years"), str(r, "department"), ZoneId.of(str(r, "zone")),
                    Format.valueOf(str(r, "format")), str(r, "location"), num(r, "capacity")));
        }
        Set<Exclusion> exclusions = new HashSet<>();
        for (Object o : (List<Object>) root.getOrDefault("exclusions", List.of())) {
            Map<String, Object> x = (Map<String, Object>) o;
            exclusions.add(new Exclusion(str(x, "mentee"), str(x, "mentor")));
        }
        return new InstanceFile(day, weights, mentees, mentors, exclusions);
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("day", day.toString());
        Map<String, Object> w = new LinkedHashMap<>();
        weights.points().forEach((c, points) -> w.put(c.name(), (long) points));
        w.put("musts", weights.musts().stream().map(Enum::name).toList());
        root.put("weights", w);
        root.put("mentees", mentees.stream().map(e -> obj("id", e.id(), "topics", e.topics(),
                "other", e.otherTopic(), "languages", e.languages(), "seniority", (long) e.seniority(),
                "department", e.department(), "zone", e.zone().getId(), "format", e.format().name(),
                "location", e.location(), "preference", e.preference().name())).toList());
        root.put("mentors", mentors.stream().map(r -> obj("id", r.id(),
                "expertise", r.expertise().stream().sorted().toList(), "languages", r.languages(),
                "seniority", (long) r.seniority(), "years", (long) r.years(), "department", r.department(),
                "zone", r.zone().getId(), "format", r.format().name(), "location", r.location(),
                "capacity", (long) r.capacity())).toList());
        root.put("exclusions", exclusions.stream().map(x -> obj("mentee", x.mentee(),
                "mentor", x.mentor())).toList());
        return Json.write(root);
    }

    /** An object whose keys keep their order, from key, value, key, value... */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Weights weights(Map<String, Object> w) {
        Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            points.put(c, w.containsKey(c.name()) ? ((Long) w.get(c.name())).intValue() : 0);
        }
        Set<Criterion> musts = EnumSet.noneOf(Criterion.class);
        for (Object m : (List<Object>) w.getOrDefault("musts", List.of())) {
            musts.add(Criterion.valueOf((String) m));
        }
        return new Weights(points, musts);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : (String) v;
    }

    private static int num(Map<String, Object> m, String key) {
        return ((Long) m.get(key)).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String key) {
        return m.containsKey(key) ? List.copyOf((List<String>) (List<?>) m.get(key)) : List.of();
    }
}

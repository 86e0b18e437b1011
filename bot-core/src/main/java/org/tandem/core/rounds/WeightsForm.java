package org.tandem.core.rounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.MatchPolicy;
import org.tandem.core.matching.Weights;
import org.tandem.core.program.Program;

/**
 * {@code match weights}: 0 to 10 per criterion and which ones are a must, then the policy — which of a mentee's
 * needs a proposal should not fail, how far to spread mentors' load, how many mentors a shortlist offers. No
 * vendor black box: every choice is a sentence a coordinator can read.
 */
final class WeightsForm {

    static final String MUSTS = "musts";
    static final String NEEDS = "needs";
    static final String SPREAD = "spread";
    static final String SHORTLIST = "shortlist";

    private WeightsForm() {
    }

    static String field(Criterion c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The fields of the weights' form: one per criterion, the musts, and the policy. */
    static final Set<String> FIELDS = Stream.concat(Arrays.stream(Criterion.values()).map(WeightsForm::field),
            Stream.of(MUSTS, NEEDS, SPREAD, SHORTLIST)).collect(Collectors.toUnmodifiableSet());

    /** The needs in the order the form shows them. */
    private static final List<Criterion> NEEDABLE = Arrays.stream(Criterion.values())
            .filter(MatchPolicy.NEEDABLE::contains).toList();

    static Block.Form form(Texts t, Program program, Map<String, List<String>> values, Map<String, String> errors) {
        FormBuilder b = new FormBuilder(MatchFlow.WEIGHTS_FORM, t.get("match.weights.title", program.name()), t,
                values, errors);
        for (Criterion c : Criterion.values()) {
            b.number(field(c), "criterion." + field(c), true, null);
        }
        return b.multiselect(MUSTS, "match.weights.musts", false, Arrays.stream(Criterion.values())
                        .map(c -> new Block.Option(field(c), t.get("criterion." + field(c)))).toList(),
                        "match.weights.musts.hint")
                .multiselect(NEEDS, "match.weights.needs", false, NEEDABLE.stream()
                        .map(c -> new Block.Option(field(c), need(t, c))).toList(), "match.weights.needs.hint")
                .select(SPREAD, "match.weights.spread", true, IntStream.rangeClosed(0, MatchPolicy.SPREAD_MAX)
                        .mapToObj(n -> new Block.Option(Integer.toString(n), spread(t, n))).toList(),
                        "match.weights.spread.hint")
                .number(SHORTLIST, "match.weights.shortlist", true, "match.weights.shortlist.hint")
                .build("match.weights.save");
    }

    static Map<String, List<String>> values(MatchSettings.Tuning tuning) {
        Weights w = tuning.weights();
        MatchPolicy p = tuning.policy();
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) {
            v.put(field(c), List.of(Integer.toString(w.of(c))));
        }
        v.put(MUSTS, w.musts().stream().map(WeightsForm::field).toList());
        v.put(NEEDS, NEEDABLE.stream().filter(p::needs).map(WeightsForm::field).toList());
        v.put(SPREAD, List.of(Integer.toString(p.spread())));
        v.put(SHORTLIST, List.of(Integer.toString(p.shortlist())));
        return v;
    }

    static Optional<MatchSettings.Tuning> parse(FormCheck check) {
        Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            OptionalInt w = check.number(field(c), true, 0, Weights.MAX);
            w.ifPresent(x -> points.put(c, x));
        }
        List<String> musts = check.choices(MUSTS, 0, Criterion.values().length,
                Arrays.stream(Criterion.values()).map(WeightsForm::field).toList());
        List<String> needs = check.choices(NEEDS, 0, NEEDABLE.size(), NEEDABLE.stream().map(WeightsForm::field)
                .toList());
        String spread = check.choice(SPREAD, true, IntStream.rangeClosed(0, MatchPolicy.SPREAD_MAX)
                .mapToObj(Integer::toString).toList());
        OptionalInt shortlist = check.number(SHORTLIST, true, MatchPolicy.SHORTLIST_MIN, MatchPolicy.SHORTLIST_MAX);
        if (!check.ok()) {
            return Optional.empty();
        }
        return Optional.of(new MatchSettings.Tuning(new Weights(points, criteria(musts)),
                new MatchPolicy(criteria(needs), Integer.parseInt(spread), shortlist.getAsInt())));
    }

    static Rich describe(Texts t, MatchSettings.Tuning tuning) {
        Weights w = tuning.weights();
        MatchPolicy p = tuning.policy();
        List<Rich> lines = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            lines.add(t.rich(w.must(c) ? "match.weights.line.must" : "match.weights.line",
                    t.get("criterion." + field(c)), w.of(c)));
        }
        List<String> needs = NEEDABLE.stream().filter(p::needs).map(c -> need(t, c)).toList();
        lines.add(needs.isEmpty() ? t.rich("match.weights.line.needs.none")
                : t.rich("match.weights.line.needs", String.join(" · ", needs)));
        lines.add(t.rich("match.weights.line.spread", spread(t, p.spread())));
        lines.add(t.rich("match.weights.line.shortlist", p.shortlist()));
        return Rich.join("\n", lines);
    }

    /** A need as coordinators read it ("One of the mentee's topics"). */
    private static String need(Texts t, Criterion c) {
        return t.get("match.weights.need." + field(c));
    }

    /** A step of the balance: the two ends and the middle have a name, the steps between are numbers. */
    private static String spread(Texts t, int n) {
        String named = n == 0 ? "match.weights.spread.best" : n == MatchPolicy.SPREAD_MAX / 2
                ? "match.weights.spread.balanced" : n == MatchPolicy.SPREAD_MAX ? "match.weights.spread.load" : null;
        return named == null ? t.get("match.weights.spread.step", n) : t.get(named, n);
    }

    private static Set<Criterion> criteria(List<String> fields) {
        Set<Criterion> out = EnumSet.noneOf(Criterion.class);
        for (Criterion c : Criterion.values()) {
            if (fields.contains(field(c))) {
                out.add(c);
            }
        }
        return out;
    }
}

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
import java.util.stream.Stream;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.matching.Criterion;
import org.tandem.core.matching.Weights;
import org.tandem.core.program.Program;

/** {@code match weights}: 0 to 10 per criterion, and which ones are a must. No vendor black box. */
final class WeightsForm {

    private WeightsForm() {
    }

    static String field(Criterion c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The fields of the weights' form: one per criterion, and the musts. */
    static final Set<String> FIELDS = Stream.concat(Arrays.stream(Criterion.values()).map(WeightsForm::field),
            Stream.of("musts")).collect(Collectors.toUnmodifiableSet());

    static Block.Form form(Texts t, Program program, Map<String, List<String>> values, Map<String, String> errors) {
        FormBuilder b = new FormBuilder(MatchFlow.WEIGHTS_FORM, t.get("match.weights.title", program.name()), t,
                values, errors);
        for (Criterion c : Criterion.values()) {
            b.number(field(c), "criterion." + field(c), true, null);
        }
        return b.multiselect("musts", "match.weights.musts", false, Arrays.stream(Criterion.values())
                        .map(c -> new Block.Option(field(c), t.get("criterion." + field(c)))).toList(),
                "match.weights.musts.hint").build("match.weights.save");
    }

    static Map<String, List<String>> values(Weights w) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) {
            v.put(field(c), List.of(Integer.toString(w.of(c))));
        }
        v.put("musts", w.musts().stream().map(WeightsForm::field).toList());
        return v;
    }

    static Optional<Weights> parse(FormCheck check) {
        Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            OptionalInt w = check.number(field(c), true, 0, Weights.MAX);
            w.ifPresent(x -> points.put(c, x));
        }
        List<String> musts = check.choices("musts", 0, Criterion.values().length,
                Arrays.stream(Criterion.values()).map(WeightsForm::field).toList());
        if (!check.ok()) {
            return Optional.empty();
        }
        Set<Criterion> m = EnumSet.noneOf(Criterion.class);
        for (Criterion c : Criterion.values()) {
            if (musts.contains(field(c))) {
                m.add(c);
            }
        }
        return Optional.of(new Weights(points, m));
    }

    static Rich describe(Texts t, Weights w) {
        List<Rich> lines = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            lines.add(t.rich(w.must(c) ? "match.weights.line.must" : "match.weights.line",
                    t.get("criterion." + field(c)), w.of(c)));
        }
        return Rich.join("\n", lines);
    }
}

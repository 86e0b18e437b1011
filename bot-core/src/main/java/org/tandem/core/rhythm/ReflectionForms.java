package org.tandem.core.rhythm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Agreement;
import org.tandem.core.pairs.Pair;

/** The reflection forms: after a meeting, at the midpoint, at the close; the mentee's and the mentor's. */
final class ReflectionForms {

    /** What a submitted reflection holds, once checked: {@code outcomes} per objective at the close, else empty. */
    record Answers(Map<String, String> texts, List<Integer> progress, List<String> outcomes, int satisfaction,
                   List<String> share) {}

    /** Where the mentee may offer to share their thank-you: the coordinators, the programme's channel, the manager. */
    static final String COORDINATORS = "yes";
    static final String CHANNEL = "channel";
    static final String MANAGER = "manager";

    private ReflectionForms() {
    }

    /** The fields of every kind of reflection (a form shows those of its kind). */
    static final Set<String> FIELDS = Set.of("takeaway", "went-well", "try-next", "comment", "final", "progress1",
            "progress2", "progress3", "outcome1", "outcome2", "outcome3", "satisfaction", "thanks", "share", "survey", "survey-comment");

    /** {@code channel}: the programme's recognition channel's name, when it names one (only then is it offered). */
    static Block.Form form(Texts t, Pair pair, String kind, boolean mentee, String partner, Optional<String> channel,
                           Map<String, List<String>> values, Map<String, String> errors) {
        FormBuilder b = new FormBuilder(ReflectionFlow.FORM, t.get("reflection.title." + kind), t, values, errors);
        switch (kind) {
            case "meeting" -> {
                if (mentee) {
                    b.textarea("takeaway", "reflection.takeaway", true, 1000, "reflection.private");
                } else {
                    b.textarea("went-well", "reflection.went-well", true, 1000, "reflection.private")
                            .textarea("try-next", "reflection.try-next", false, 1000, null);
                }
            }
            case "midpoint" -> b.textarea("comment", "reflection.midpoint.comment", false, 1000, "reflection.private");
            default -> b.textarea("final", "reflection.final", true, 1000, "reflection.private");
        }
        if (mentee) {
            List<Agreement.Objective> objectives = pair.agreement().map(Agreement::objectives).orElse(List.of());
            for (int i = 0; i < objectives.size(); i++) {
                b.selectLabelled("progress" + (i + 1), t.get("reflection.progress", objectives.get(i).what()), true,
                        scale(t, "progress"));
            }
        }
        if (kind.equals("closing")) {
            // both of the pair say where each objective stands: counted together, never shown one by one
            List<Agreement.Objective> objectives = pair.agreement().map(Agreement::objectives).orElse(List.of());
            List<Block.Option> outcomes = Reflections.OUTCOMES.stream()
                    .map(o -> new Block.Option(o, t.get("reflection.outcome." + o))).toList();
            for (int i = 0; i < objectives.size(); i++) {
                b.selectLabelled("outcome" + (i + 1), t.get("reflection.outcome", objectives.get(i).what()), true,
                        outcomes);
            }
        }
        if (!kind.equals("meeting")) {
            b.select("satisfaction", "reflection.satisfaction", true, scale(t, "satisfaction"), null);
        }
        if (kind.equals("closing") && mentee) {
            b.textarea("thanks", "reflection.thanks", false, 1000, null)
                    .multiselect("share", "reflection.share", false, shareOptions(t, partner, channel), null)
                    .select("survey", "reflection.survey", true, scale(t, "rating"), null)
                    .textarea("survey-comment", "reflection.survey.comment", false, 1000, null);
        }
        return b.build("reflection.save");
    }

    private static List<Block.Option> shareOptions(Texts t, String partner, Optional<String> channel) {
        List<Block.Option> out = new ArrayList<>(List.of(new Block.Option(COORDINATORS,
                t.get("reflection.share.yes", partner))));
        channel.ifPresent(c -> out.add(new Block.Option(CHANNEL, t.get("reflection.share.channel", c, partner))));
        out.add(new Block.Option(MANAGER, t.get("reflection.share.manager", partner)));
        return out;
    }

    static Answers parse(FormCheck check, Pair pair, String kind, boolean mentee, boolean channel) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> fields = switch (kind) {
            case "meeting" -> mentee ? List.of("takeaway") : List.of("went-well", "try-next");
            case "midpoint" -> List.of("comment");
            default -> mentee ? List.of("final", "thanks", "survey-comment") : List.of("final");
        };
        for (String f : fields) {
            boolean required = f.equals("takeaway") || f.equals("went-well") || f.equals("final");
            String v = check.text(f, required, 1000);
            if (!v.isEmpty()) {
                texts.put(f, v);
            }
        }
        List<Integer> progress = new ArrayList<>();
        if (mentee) {
            int objectives = pair.agreement().map(a -> a.objectives().size()).orElse(0);
            for (int i = 1; i <= objectives; i++) {
                check.number("progress" + i, true, 1, 5).ifPresent(progress::add);
            }
        }
        List<String> outcomes = new ArrayList<>();
        if (kind.equals("closing")) {
            int objectives = pair.agreement().map(a -> a.objectives().size()).orElse(0);
            for (int i = 1; i <= objectives; i++) {
                String o = check.choice("outcome" + i, true, Reflections.OUTCOMES);
                if (!o.isEmpty()) {
                    outcomes.add(o);
                }
            }
        }
        int satisfaction = kind.equals("meeting") ? 0 : check.number("satisfaction", true, 1, 5).orElse(0);
        if (kind.equals("closing") && mentee) {
            check.number("survey", true, 1, 5).ifPresent(s -> texts.put("survey", Integer.toString(s)));
        }
        List<String> allowed = channel ? List.of(COORDINATORS, CHANNEL, MANAGER) : List.of(COORDINATORS, MANAGER);
        List<String> share = kind.equals("closing") && mentee ? check.choices("share", 0, allowed.size(), allowed)
                : List.of();
        return new Answers(texts, progress, outcomes, satisfaction, share);
    }

    /** A scale from 1 to 5 whose ends are worded for its question (progress, satisfaction, a rating). */
    private static List<Block.Option> scale(Texts t, String question) {
        return IntStream.rangeClosed(1, 5).mapToObj(i -> new Block.Option(Integer.toString(i),
                t.get("reflection.scale." + question + "." + i))).toList();
    }
}

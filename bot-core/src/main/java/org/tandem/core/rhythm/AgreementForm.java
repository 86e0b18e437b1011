package org.tandem.core.rhythm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.pairs.Agreement;
import org.tandem.core.program.Cadence;

/** The agreement form (1 to 3 objectives and the expectations), and the agreement as the pair reads it. */
final class AgreementForm {

    static final List<String> FORMATS = List.of("video", "in-person", "either");

    private AgreementForm() {
    }

    /** The fields of the agreement's form. */
    static final Set<String> FIELDS = Set.of("goal1", "measure1", "goal2", "measure2", "goal3", "measure3",
            "cadence", "format", "contact", "confidential");

    static Block.Form form(Texts t, Map<String, List<String>> values, Map<String, String> errors) {
        FormBuilder b = new FormBuilder(AgreementFlow.FORM, t.get("agreement.form.title"), t, values, errors);
        for (int i = 1; i <= 3; i++) {
            b.textarea("goal" + i, "agreement.form.goal" + i, i == 1, 300, i == 1 ? "agreement.form.goal.hint" : null)
                    .text("measure" + i, "agreement.form.measure", i == 1, 300, null);
        }
        return b.select("cadence", "program.form.cadence", true, Arrays.stream(Cadence.values())
                        .map(c -> new Block.Option(c.value(), t.get(c.labelKey()))).toList(), null)
                .select("format", "intake.format", true, FORMATS.stream()
                        .map(f -> new Block.Option(f, t.get("choice.format." + f))).toList(), null)
                .text("contact", "agreement.form.contact", true, 200, "agreement.form.contact.hint")
                .multiselect("confidential", "agreement.form.confidential", true,
                        List.of(new Block.Option("yes", t.get("agreement.form.confidential.yes"))), null)
                .build("agreement.form.submit");
    }

    static Optional<Agreement> parse(FormCheck check, int version) {
        List<Agreement.Objective> objectives = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String goal = check.text("goal" + i, i == 1, 300);
            String measure = check.text("measure" + i, i == 1, 300);
            if (!goal.isEmpty() && measure.isEmpty()) {
                check.error("measure" + i, "agreement.form.measure-missing");
            } else if (goal.isEmpty() && !measure.isEmpty()) {
                check.error("goal" + i, "agreement.form.goal-missing");
            } else if (!goal.isEmpty()) {
                objectives.add(new Agreement.Objective(goal, measure));
            }
        }
        String cadence = check.choice("cadence", true, Arrays.stream(Cadence.values()).map(Cadence::value).toList());
        String format = check.choice("format", true, FORMATS);
        String contact = check.text("contact", true, 200);
        List<String> confidential = check.choices("confidential", 1, 1, List.of("yes"));
        if (!check.ok()) {
            return Optional.empty();
        }
        return Optional.of(new Agreement(Agreement.Status.PROPOSED, objectives, cadence, format, contact,
                confidential.contains("yes"), "", version, Optional.empty()));
    }

    static Map<String, List<String>> values(Agreement a) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (int i = 0; i < a.objectives().size(); i++) {
            v.put("goal" + (i + 1), List.of(a.objectives().get(i).what()));
            v.put("measure" + (i + 1), List.of(a.objectives().get(i).measure()));
        }
        v.put("cadence", List.of(a.cadence()));
        v.put("format", List.of(a.format()));
        v.put("contact", List.of(a.contact()));
        v.put("confidential", a.confidential() ? List.of("yes") : List.of());
        return v;
    }

    /** The agreement as both read it. */
    static List<Block> view(Texts t, Agreement a) {
        List<Block.Field> fields = new ArrayList<>();
        for (int i = 0; i < a.objectives().size(); i++) {
            Agreement.Objective o = a.objectives().get(i);
            fields.add(new Block.Field(t.get("agreement.objective", i + 1), o.what()));
            fields.add(new Block.Field(t.get("agreement.measure"), o.measure()));
        }
        fields.add(new Block.Field(t.get("program.form.cadence"),
                Cadence.parse(a.cadence()).map(c -> t.get(c.labelKey())).orElse(a.cadence())));
        fields.add(new Block.Field(t.get("intake.format"), t.get("choice.format." + a.format())));
        fields.add(new Block.Field(t.get("agreement.form.contact"), a.contact()));
        List<Block> blocks = new ArrayList<>(List.of(new Block.Fields(fields)));
        if (a.confidential()) {
            blocks.add(new Block.Context(Rich.markup(t.get("agreement.form.confidential.yes"))));
        }
        return blocks;
    }
}

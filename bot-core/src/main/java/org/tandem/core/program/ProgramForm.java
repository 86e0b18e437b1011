package org.tandem.core.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.i18n.Languages;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.schedule.WorkingWeek;

/** The programme form (create and edit): its inputs, and turning a submission into a clean {@link ProgramDraft}. */
final class ProgramForm {

    static final int MAX_NAME = 80;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_TOPIC = 60;
    static final int MIN_TOPICS = 2;
    static final int MAX_TOPICS = 30;
    static final List<String> DURATIONS = List.of("3", "6", "9", "12");
    private static final Pattern TOPIC_SEPARATOR = Pattern.compile("[,;\\n]");

    private ProgramForm() {
    }

    /** The fields of the programme's form. */
    static final Set<String> FIELDS = Set.of("name", "description", "topics", "cadence", "duration", "matching",
            "capacity", "weeklyCap", "languages", WorkingWeekForm.START, WorkingWeekForm.END, WorkingWeekForm.DAYS);

    static Block.Form form(String formId, String titleKey, Texts t, Map<String, List<String>> values,
                           Map<String, String> errors) {
        Locale l = t.locale();
        FormBuilder form = new FormBuilder(formId, t.get(titleKey), t, values, errors)
                .text("name", "program.form.name", true, MAX_NAME, null)
                .textarea("description", "program.form.description", false, MAX_DESCRIPTION, null)
                .textarea("topics", "program.form.topics", true, 2000, "program.form.topics.hint")
                .select("cadence", "program.form.cadence", true, Arrays.stream(Cadence.values())
                        .map(c -> new Block.Option(c.value(), t.get(c.labelKey()))).toList(), null)
                .select("duration", "program.form.duration", true, DURATIONS.stream()
                        .map(d -> new Block.Option(d, t.get("program.months", d))).toList(), null)
                .select("matching", "program.form.matching", true, Arrays.stream(MatchingMode.values())
                        .map(m -> new Block.Option(m.value(), t.get(m.labelKey()))).toList(), null)
                .number("capacity", "program.form.capacity", true, "program.form.capacity.hint")
                .number("weeklyCap", "program.form.weekly-cap", false, "program.form.weekly-cap.hint")
                .multiselect("languages", "program.form.languages", true, Languages.options(Languages.OFFERED, l),
                        null);
        return WorkingWeekForm.inputs(form, l).build("program.form.submit");
    }

    /** The form's values for a draft (to edit a programme or start from a template). */
    static Map<String, List<String>> values(ProgramDraft d) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("name", List.of(d.name()));
        v.put("description", List.of(d.description()));
        v.put("topics", List.of(String.join(", ", d.topics())));
        v.put("cadence", List.of(d.cadence().value()));
        v.put("duration", List.of(Integer.toString(d.durationMonths())));
        v.put("matching", List.of(d.matchingMode().value()));
        v.put("capacity", List.of(Integer.toString(d.defaultCapacity())));
        v.put("languages", d.languages());
        d.weeklyCap().ifPresent(c -> v.put("weeklyCap", List.of(Integer.toString(c))));
        WorkingWeekForm.values(d.workingWeek(), v);
        return v;
    }

    /** The defaults of a blank form. */
    static Map<String, List<String>> blank() {
        Map<String, List<String>> v = new LinkedHashMap<>(Map.of("cadence", List.of(Cadence.BIWEEKLY.value()),
                "duration", List.of("6"), "matching", List.of(MatchingMode.MENTEE_CHOOSES.value()),
                "capacity", List.of("2"), "languages", List.of("en")));
        WorkingWeekForm.values(WorkingWeek.defaults(), v);
        return v;
    }

    static Optional<ProgramDraft> parse(FormCheck check) {
        String name = check.name("name", true, MAX_NAME);
        String description = check.text("description", false, MAX_DESCRIPTION);
        List<String> topics = topics(check);
        String cadence = check.choice("cadence", true,
                Arrays.stream(Cadence.values()).map(Cadence::value).toList());
        String duration = check.choice("duration", true, DURATIONS);
        String matching = check.choice("matching", true,
                Arrays.stream(MatchingMode.values()).map(MatchingMode::value).toList());
        OptionalInt capacity = check.number("capacity", true, 1, 5);
        List<String> languages = check.choices("languages", 1, Languages.OFFERED.size(), Languages.OFFERED);
        OptionalInt weeklyCap = check.number("weeklyCap", false, ProgramDraft.MIN_CAP, ProgramDraft.MAX_CAP);
        Optional<WorkingWeek> week = WorkingWeekForm.parse(check);
        if (!check.ok()) {
            return Optional.empty();
        }
        return Optional.of(new ProgramDraft(name, description, topics, Cadence.parse(cadence).orElseThrow(),
                Integer.parseInt(duration), MatchingMode.parse(matching).orElseThrow(), capacity.getAsInt(),
                languages, weeklyCap, week.orElseThrow()));
    }

    private static List<String> topics(FormCheck check) {
        String raw = check.text("topics", true, 2000);
        if (raw.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> topics = new ArrayList<>();
        for (String part : TOPIC_SEPARATOR.split(raw)) {
            String topic = part.strip().replaceAll("\\s+", " ");
            if (topic.isEmpty()) {
                continue;
            }
            if (topic.indexOf('<') >= 0 || topic.indexOf('>') >= 0) {
                check.error("topics", "form.no-markup");
                return List.of();
            }
            if (topic.length() > MAX_TOPIC) {
                check.error("topics", "program.form.topic-too-long", MAX_TOPIC, topic);
                return List.of();
            }
            if (seen.add(topic.toLowerCase(Locale.ROOT))) {
                topics.add(topic);
            }
        }
        if (topics.size() < MIN_TOPICS) {
            check.error("topics", "program.form.too-few-topics", MIN_TOPICS);
        } else if (topics.size() > MAX_TOPICS) {
            check.error("topics", "program.form.too-many-topics", MAX_TOPICS);
        }
        return topics;
    }
}

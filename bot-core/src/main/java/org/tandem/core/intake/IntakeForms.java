package org.tandem.core.intake;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.FormCheck;
import org.tandem.core.conversation.i18n.Languages;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.intake.Choices.Format;
import org.tandem.core.intake.Choices.Preference;
import org.tandem.core.intake.Choices.Seniority;
import org.tandem.core.program.Program;

/** The mentee and mentor questionnaires: their inputs, and turning a submission into clean answers. */
final class IntakeForms {

    static final String OTHER = "other";
    static final int MAX_FREE_TEXT = 1000;
    static final int MAX_SHORT = 80;

    private IntakeForms() {
    }

    /** The fields of the mentee's questionnaire. */
    static final Set<String> MENTEE_FIELDS = Set.of("topic1", "topic2", "topic3", "other", "hopes", "languages",
            "timeZone", "department", "seniority", "format", "location", "preference");
    /** The fields of the mentor's questionnaire. */
    static final Set<String> MENTOR_FIELDS = Set.of("topics", "other", "seniority", "years", "department",
            "languages", "timeZone", "format", "location", "capacity", "why");

    static Block.Form menteeForm(String formId, Texts t, Program program, Map<String, List<String>> values,
                                 Map<String, String> errors) {
        List<Block.Option> topics = new ArrayList<>(program.spec().topics().stream()
                .map(x -> new Block.Option(x, x)).toList());
        topics.add(new Block.Option(OTHER, t.get("intake.other-topic-option")));
        return new FormBuilder(formId, t.get("intake.mentee.title", program.name()), t, values, errors)
                .select("topic1", "intake.topic1", true, topics, "intake.topic1.hint")
                .select("topic2", "intake.topic2", false, topics, null)
                .select("topic3", "intake.topic3", false, topics, null)
                .text("other", "intake.other-topic", false, 60, "intake.other-topic.hint")
                .textarea("hopes", "intake.hopes", true, MAX_FREE_TEXT, "intake.hopes.hint")
                .multiselect("languages", "intake.languages", true,
                        Languages.options(program.spec().languages(), t.locale()), null)
                .text("timeZone", "intake.time-zone", true, 64, "intake.time-zone.hint")
                .text("department", "intake.department", true, MAX_SHORT, null)
                .select("seniority", "intake.seniority", true, Choices.options(t, Seniority.class), null)
                .select("format", "intake.format", true, Choices.options(t, Format.class), null)
                .text("location", "intake.location", false, MAX_SHORT, "intake.location.hint")
                .select("preference", "intake.preference", false, Choices.options(t, Preference.class), null)
                .build("intake.next");
    }

    static Block.Form mentorForm(String formId, Texts t, Program program, Map<String, List<String>> values,
                                 Map<String, String> errors) {
        return new FormBuilder(formId, t.get("intake.mentor.title", program.name()), t, values, errors)
                .multiselect("topics", "intake.expertise", true, program.spec().topics().stream()
                        .map(x -> new Block.Option(x, x)).toList(), null)
                .text("other", "intake.other-expertise", false, 200, null)
                .select("seniority", "intake.seniority", true, Choices.options(t, Seniority.class), null)
                .number("years", "intake.years", true, null)
                .text("department", "intake.department", true, MAX_SHORT, null)
                .multiselect("languages", "intake.languages", true,
                        Languages.options(program.spec().languages(), t.locale()), null)
                .text("timeZone", "intake.time-zone", true, 64, "intake.time-zone.hint")
                .select("format", "intake.format", true, Choices.options(t, Format.class), null)
                .text("location", "intake.location", false, MAX_SHORT, "intake.location.hint")
                .number("capacity", "intake.capacity", true, "intake.capacity.hint")
                .textarea("why", "intake.why", false, MAX_FREE_TEXT, null)
                .build("intake.next");
    }

    static Optional<MenteeAnswers> parseMentee(FormCheck check, Program program) {
        List<String> allowed = new ArrayList<>(program.spec().topics());
        allowed.add(OTHER);
        List<String> picked = new ArrayList<>();
        for (String field : List.of("topic1", "topic2", "topic3")) {
            String v = check.choice(field, field.equals("topic1"), allowed);
            if (!v.isEmpty()) {
                if (picked.contains(v)) {
                    check.error(field, "intake.topic-twice");
                }
                picked.add(v);
            }
        }
        String other = check.name("other", false, 60);
        if (picked.contains(OTHER) && other.isEmpty()) {
            check.error("other", "intake.other-topic-missing");
        }
        String hopes = check.text("hopes", true, MAX_FREE_TEXT);
        List<String> languages = check.choices("languages", 1, 20, program.spec().languages());
        String zone = timeZone(check);
        String department = check.name("department", true, MAX_SHORT);
        String seniority = check.choice("seniority", true, Choices.values(Seniority.class));
        String format = check.choice("format", true, Choices.values(Format.class));
        String location = location(check, format);
        String preference = check.choice("preference", false, Choices.values(Preference.class));
        if (!check.ok()) {
            return Optional.empty();
        }
        return Optional.of(new MenteeAnswers(picked.stream().filter(x -> !x.equals(OTHER)).toList(),
                picked.contains(OTHER) ? other : "", hopes, languages, zone, department, seniority, format, location,
                preference.isEmpty() ? Choices.value(Preference.NONE) : preference));
    }

    static Optional<MentorAnswers> parseMentor(FormCheck check, Program program) {
        List<String> topics = check.choices("topics", 1, program.spec().topics().size(), program.spec().topics());
        String other = check.name("other", false, 200);
        String seniority = check.choice("seniority", true, Choices.values(Seniority.class));
        OptionalInt years = check.number("years", true, 0, 60);
        String department = check.name("department", true, MAX_SHORT);
        List<String> languages = check.choices("languages", 1, 20, program.spec().languages());
        String zone = timeZone(check);
        String format = check.choice("format", true, Choices.values(Format.class));
        String location = location(check, format);
        OptionalInt capacity = check.number("capacity", true, 1, 5);
        String why = check.text("why", false, MAX_FREE_TEXT);
        if (!check.ok()) {
            return Optional.empty();
        }
        return Optional.of(new MentorAnswers(topics, other, seniority, years.getAsInt(), department, languages, zone,
                format, location, capacity.getAsInt(), why));
    }

    /** The mentee form's values for stored answers (to edit them). */
    static Map<String, List<String>> values(MenteeAnswers a) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        List<String> topics = new ArrayList<>(a.topics());
        if (!a.other().isEmpty()) {
            topics.add(OTHER);
        }
        for (int i = 0; i < topics.size() && i < 3; i++) {
            v.put("topic" + (i + 1), List.of(topics.get(i)));
        }
        v.put("other", List.of(a.other()));
        v.put("hopes", List.of(a.hopes()));
        v.put("languages", a.languages());
        v.put("timeZone", List.of(a.timeZone()));
        v.put("department", List.of(a.department()));
        v.put("seniority", List.of(a.seniority()));
        v.put("format", List.of(a.format()));
        v.put("location", List.of(a.location()));
        v.put("preference", List.of(a.preference()));
        return v;
    }

    static Map<String, List<String>> values(MentorAnswers a) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("topics", a.topics());
        v.put("other", List.of(a.other()));
        v.put("seniority", List.of(a.seniority()));
        v.put("years", List.of(Integer.toString(a.years())));
        v.put("department", List.of(a.department()));
        v.put("languages", a.languages());
        v.put("timeZone", List.of(a.timeZone()));
        v.put("format", List.of(a.format()));
        v.put("location", List.of(a.location()));
        v.put("capacity", List.of(Integer.toString(a.capacity())));
        v.put("why", List.of(a.why()));
        return v;
    }

    private static String timeZone(FormCheck check) {
        String zone = check.name("timeZone", true, 64);
        if (zone.isEmpty() || !check.errors().containsKey("timeZone") && valid(zone)) {
            return zone.isEmpty() ? zone : ZoneId.of(zone).getId();
        }
        check.error("timeZone", "intake.time-zone.invalid", zone);
        return zone;
    }

    private static boolean valid(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String location(FormCheck check, String format) {
        String location = check.name("location", false, MAX_SHORT);
        if (format.equals(Choices.value(Format.IN_PERSON)) && location.isEmpty()) {
            check.error("location", "intake.location.required");
        }
        return location;
    }
}

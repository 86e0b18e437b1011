package org.tandem.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid answers for the core's forms, to vary one field at a time in tests. */
public final class Forms {

    private Forms() {
    }

    public static Map<String, Object> program(String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("description", "Grow as a leader with someone who did it before.");
        v.put("topics", "leadership, public speaking, career growth, negotiation, data science");
        v.put("cadence", "biweekly");
        v.put("duration", "6");
        v.put("matching", "mentee-chooses");
        v.put("capacity", "2");
        v.put("languages", List.of("en", "fr"));
        v.put("workStart", "09:30");
        v.put("workEnd", "17:00");
        v.put("workDays", List.of("monday", "tuesday", "wednesday", "thursday", "friday"));
        return v;
    }

    public static Map<String, Object> mentee() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("topic1", "public speaking");
        v.put("topic2", "leadership");
        v.put("topic3", "");
        v.put("other", "");
        v.put("hopes", "Speak with confidence at the quarterly all-hands.");
        v.put("languages", List.of("en"));
        v.put("timeZone", "Europe/Paris");
        v.put("department", "Finance");
        v.put("seniority", "junior");
        v.put("format", "video");
        v.put("location", "");
        v.put("preference", "other-department");
        return v;
    }

    public static Map<String, Object> mentor() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("topics", List.of("leadership", "public speaking"));
        v.put("other", "");
        v.put("seniority", "lead");
        v.put("years", "15");
        v.put("department", "Engineering");
        v.put("languages", List.of("en", "fr"));
        v.put("timeZone", "Europe/Berlin");
        v.put("format", "either");
        v.put("location", "");
        v.put("capacity", "2");
        v.put("why", "Someone did it for me.");
        return v;
    }

    public static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(base);
        v.put(field, value);
        return v;
    }
}

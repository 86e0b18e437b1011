package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.tandem.core.conversation.i18n.Texts;

/**
 * Reads a submitted form field by field, collecting a clear message per bad field. Flows call it, then either
 * store the clean values or send the form again with {@link #errors()} and the submitted values, so nobody
 * retypes what was right.
 */
public final class FormCheck {

    /** Anything that could be read as markup or a mention on some platform, in a short name-like answer. */
    private static final Pattern MARKUP = Pattern.compile("[<>]|\\p{Cntrl}");
    private static final Pattern CONTROL_BUT_NEWLINE = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final Input.Submit submit;
    private final Texts t;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormCheck(Input.Submit submit, Texts t) {
        this.submit = submit;
        this.t = t;
    }

    /** Free text (multi-line allowed). Markup is kept literally: renderers escape it. */
    public String text(String field, boolean required, int max) {
        String v = CONTROL_BUT_NEWLINE.matcher(submit.value(field)).replaceAll("").strip();
        if (v.isEmpty()) {
            if (required) {
                error(field, "form.required");
            }
            return "";
        }
        if (v.length() > max) {
            error(field, "form.too-long", max, v.length());
        }
        return v;
    }

    /** A short, single-line answer such as a name, a department or a topic: no markup characters at all. */
    public String name(String field, boolean required, int max) {
        String v = submit.value(field);
        if (MARKUP.matcher(v).find()) {
            error(field, "form.no-markup");
            return v;
        }
        return text(field, required, max);
    }

    public OptionalInt number(String field, boolean required, int min, int max) {
        String v = submit.value(field);
        if (v.isEmpty()) {
            if (required) {
                error(field, "form.required");
            }
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                error(field, "form.range", min, max);
                return OptionalInt.empty();
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            error(field, "form.not-a-number", min, max);
            return OptionalInt.empty();
        }
    }

    /** One value out of a known set. */
    public String choice(String field, boolean required, Collection<String> allowed) {
        List<String> v = submit.list(field);
        if (v.isEmpty()) {
            if (required) {
                error(field, "form.required");
            }
            return "";
        }
        if (v.size() > 1 || !allowed.contains(v.get(0))) {
            error(field, "form.unknown-choice");
            return "";
        }
        return v.get(0);
    }

    /** Several values out of a known set, in the order given, without repeats. */
    public List<String> choices(String field, int min, int max, Collection<String> allowed) {
        List<String> v = new ArrayList<>(new LinkedHashSet<>(submit.list(field)));
        if (v.stream().anyMatch(x -> !allowed.contains(x))) {
            error(field, "form.unknown-choice");
            return List.of();
        }
        if (v.size() < min) {
            error(field, min == 1 ? "form.required" : "form.too-few", min);
        } else if (v.size() > max) {
            error(field, "form.too-many", max);
        }
        return v;
    }

    /** Records a message for a field (the first one per field wins). */
    public void error(String field, String key, Object... args) {
        errors.putIfAbsent(field, t.get(key, args));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** What was submitted, to show again. */
    public Map<String, List<String>> submitted() {
        return submit.values();
    }
}

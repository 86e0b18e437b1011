package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.core.conversation.i18n.Texts;

/**
 * Builds a {@link Block.Form} input by input, filling each with the value to show (a previous answer or what
 * was just submitted) and its error, if any.
 */
public final class FormBuilder {

    private final String formId;
    private final String title;
    private final Texts t;
    private final Map<String, List<String>> values;
    private final Map<String, String> errors;
    private final List<Block.FormInput> inputs = new ArrayList<>();

    public FormBuilder(String formId, String title, Texts t, Map<String, List<String>> values,
                       Map<String, String> errors) {
        this.formId = formId;
        this.title = title;
        this.t = t;
        this.values = values;
        this.errors = errors;
    }

    public FormBuilder text(String id, String labelKey, boolean required, int max, String hintKey) {
        return add(id, labelKey, Block.InputKind.TEXT, required, List.of(), hintKey, max);
    }

    public FormBuilder textarea(String id, String labelKey, boolean required, int max, String hintKey) {
        return add(id, labelKey, Block.InputKind.TEXTAREA, required, List.of(), hintKey, max);
    }

    public FormBuilder number(String id, String labelKey, boolean required, String hintKey) {
        return add(id, labelKey, Block.InputKind.NUMBER, required, List.of(), hintKey, 0);
    }

    public FormBuilder select(String id, String labelKey, boolean required, List<Block.Option> options,
                              String hintKey) {
        return add(id, labelKey, Block.InputKind.SELECT, required, options, hintKey, 0);
    }

    /** A select whose label is already written (e.g. it names a learning objective). */
    public FormBuilder selectLabelled(String id, String label, boolean required, List<Block.Option> options) {
        inputs.add(new Block.FormInput(id, label, Block.InputKind.SELECT, required, options,
                values.getOrDefault(id, List.of()), null, errors.get(id), 0));
        return this;
    }

    public FormBuilder multiselect(String id, String labelKey, boolean required, List<Block.Option> options,
                                   String hintKey) {
        return add(id, labelKey, Block.InputKind.MULTISELECT, required, options, hintKey, 0);
    }

    /** A date picker; its value is {@code yyyy-MM-dd}. */
    public FormBuilder date(String id, String labelKey, boolean required, String hintKey) {
        return add(id, labelKey, Block.InputKind.DATE, required, List.of(), hintKey, 10);
    }

    /** A time picker; its value is {@code HH:mm}. */
    public FormBuilder time(String id, String labelKey, boolean required, String hintKey) {
        return add(id, labelKey, Block.InputKind.TIME, required, List.of(), hintKey, 5);
    }

    /** The form; with errors, a summary line on top says how many answers need a look. */
    public Block.Form build(String submitLabelKey) {
        String summary = errors.isEmpty() ? null : t.get("form.fix-errors", errors.size());
        return new Block.Form(formId, title, inputs, t.get(submitLabelKey), summary, t.get("form.cancel"));
    }

    private FormBuilder add(String id, String labelKey, Block.InputKind kind, boolean required,
                            List<Block.Option> options, String hintKey, int max) {
        List<String> v = values.getOrDefault(id, List.of());
        inputs.add(new Block.FormInput(id, t.get(labelKey), kind, required, options, v,
                hintKey == null ? null : t.get(hintKey), errors.get(id), max));
        return this;
    }
}

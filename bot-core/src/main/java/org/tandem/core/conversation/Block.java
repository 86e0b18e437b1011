package org.tandem.core.conversation;

import java.util.List;
import java.util.Objects;

/**
 * The few kinds of block a message is made of. Every plain {@code String} here (labels, values, options) is
 * shown literally: renderers escape it. Only {@link Rich} carries markup.
 */
public sealed interface Block {

    /** A paragraph. */
    record Text(Rich text) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Label / value pairs, e.g. a profile. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** A row of buttons; each click comes back as an {@link Input.Click} with the button's action id and value. */
    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            if (buttons.isEmpty()) {
                throw new IllegalArgumentException("a buttons block needs at least one button");
            }
            buttons = List.copyOf(buttons);
        }
    }

    /** How a button looks: plain, the main action, or a destructive one. */
    enum Style { DEFAULT, PRIMARY, DANGER }

    record Button(String actionId, String label, String value, Style style) {
        public Button {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
            style = style == null ? Style.DEFAULT : style;
        }

        public Button(String actionId, String label, String value) {
            this(actionId, label, value, Style.DEFAULT);
        }
    }

    /** A single or multiple choice that acts immediately; the chosen values come back as a click. */
    record Choice(String actionId, String label, List<Option> options, boolean multiple) implements Block {
        public Choice {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(label, "label");
            options = List.copyOf(options);
        }
    }

    record Option(String value, String label) {
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A form: inputs submitted together, or cancelled. Slack shows it as a modal, Teams as an Adaptive Card, the web
     * chat inline. Cancelling is a click of {@link #CANCEL} with the form's id as its value.
     */
    record Form(String formId, String title, List<FormInput> inputs, String submitLabel, String error,
                String cancelLabel) implements Block {

        /** The action id every renderer gives a form's cancel button (or a modal's close). */
        public static final String CANCEL = "form.cancel";

        public Form {
            Objects.requireNonNull(formId, "formId");
            Objects.requireNonNull(title, "title");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(submitLabel, "submitLabel");
            Objects.requireNonNull(cancelLabel, "cancelLabel");
        }
    }

    /**
     * The kinds of form input. A {@code DATE} comes back as {@code yyyy-MM-dd}, a {@code TIME} as {@code HH:mm}
     * (each platform's picker, never a box to type a format into).
     */
    enum InputKind { TEXT, TEXTAREA, NUMBER, SELECT, MULTISELECT, DATE, TIME }

    /**
     * One input of a form, with what to show in it now ({@code values}: a previous answer, so nobody retypes
     * after an error) and the error to show beside it, if any.
     */
    record FormInput(String id, String label, InputKind kind, boolean required, List<Option> options,
                     List<String> values, String hint, String error, int maxLength) {
        public FormInput {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
            options = List.copyOf(options);
            values = List.copyOf(values);
        }
    }

    /** A small, secondary line (hints, who sees what). */
    record Context(Rich text) implements Block {
        public Context {
            Objects.requireNonNull(text, "text");
        }
    }
}

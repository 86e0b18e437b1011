package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says: an ordered list of blocks, and, for a message with buttons or a form, the question it asks. A
 * question has a key the flow chooses (a request, a check-in, a preview…) and the language the message is in:
 * every copy of a question is recorded when sent, and updated in place to show the outcome once it is answered,
 * expires or is superseded. Renderers ignore the question.
 */
public record Message(List<Block> blocks, Optional<Question> question) {

    /** The question a message asks: its key, and the language its copies' outcomes are told in. */
    public record Question(String key, Locale locale) {
        public Question {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(locale, "locale");
        }
    }

    public Message {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one block");
        }
        blocks = List.copyOf(blocks);
        question = question == null ? Optional.empty() : question;
    }

    public Message(List<Block> blocks) {
        this(blocks, Optional.empty());
    }

    /** The same message, asking {@code key} (its copies are updated when the question is answered). */
    public Message asking(String key, Locale locale) {
        return new Message(blocks, Optional.of(new Question(key, locale)));
    }

    /** Whether people can act on it: a button, a choice or a form. */
    public boolean interactive() {
        return blocks.stream().anyMatch(b -> b instanceof Block.Buttons || b instanceof Block.Choice
                || b instanceof Block.Form);
    }

    /** The message as it shows once answered: its content without what can be acted on, and the outcome below. */
    public Message answered(Rich outcome) {
        List<Block> kept = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Form f) {
                kept.add(new Block.Text(Rich.markup("*").append(Rich.literal(f.title())).append(Rich.markup("*"))));
            } else if (!(b instanceof Block.Buttons || b instanceof Block.Choice)) {
                kept.add(b);
            }
        }
        kept.add(new Block.Context(outcome));
        return new Message(kept);
    }

    public static Message of(Block... blocks) {
        return new Message(List.of(blocks));
    }

    public static Message text(Rich text) {
        return of(new Block.Text(text));
    }

    /** A short plain summary, for notifications and platforms that need a fallback text. */
    public String summary() {
        for (Block b : blocks) {
            if (b instanceof Block.Text t) {
                return t.text().plain();
            }
            if (b instanceof Block.Form f) {
                return f.title();
            }
        }
        return "";
    }

    /**
     * The message's words as plain text, a line each: its texts, fields ({@code label: value}) and context lines,
     * where a chart's numbers are; its {@link #summary()} when it has none of those. For an image's alt text.
     */
    public String words() {
        List<String> lines = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Text t) {
                lines.add(t.text().plain());
            } else if (b instanceof Block.Fields f) {
                f.fields().forEach(field -> lines.add(field.label() + ": " + field.value()));
            } else if (b instanceof Block.Context c) {
                lines.add(c.text().plain());
            }
        }
        String text = String.join("\n", lines).strip();
        return text.isEmpty() ? summary().strip() : text;
    }

    /** Builds a message block by block. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects blocks in order. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder text(Rich text) {
            blocks.add(new Block.Text(text));
            return this;
        }

        public Builder context(Rich text) {
            blocks.add(new Block.Context(text));
            return this;
        }

        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder fields(List<Block.Field> fields) {
            if (!fields.isEmpty()) {
                blocks.add(new Block.Fields(fields));
            }
            return this;
        }

        public Builder buttons(List<Block.Button> buttons) {
            if (!buttons.isEmpty()) {
                blocks.add(new Block.Buttons(buttons));
            }
            return this;
        }

        public boolean isEmpty() {
            return blocks.isEmpty();
        }

        public Message build() {
            return new Message(blocks);
        }
    }
}

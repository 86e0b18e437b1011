package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.List;

/** What the bot says: an ordered list of blocks. */
public record Message(List<Block> blocks) {

    public Message {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one block");
        }
        blocks = List.copyOf(blocks);
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

package org.tandem.core.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a person did: typed a command, clicked a button, submitted a form, or typed free text. */
public sealed interface Input {

    /**
     * A command such as {@code join} or {@code program create}: a slash command, or a DM text that the core
     * recognised as one. {@code args} is the rest of the line, split on white space.
     */
    record Command(String name, List<String> args, String rest) implements Input {
        public Command {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
            rest = rest == null ? "" : rest;
        }

        /** Parses {@code "program open Leadership 2026"} into name {@code program} and its arguments. */
        public static Command parse(String line) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
            String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
            List<String> args = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
            return new Command(name, args, rest);
        }

        public Optional<String> arg(int i) {
            return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
        }
    }

    /**
     * A button (or a choice) clicked: the core-owned action id, the value attached to it, and the message it
     * was clicked on when the platform says so (so the flow can update it).
     */
    record Click(String actionId, String value, Optional<MessageRef> message) implements Input {
        public Click {
            Objects.requireNonNull(actionId, "actionId");
            value = value == null ? "" : value;
            message = message == null ? Optional.empty() : message;
        }

        public Click(String actionId, String value) {
            this(actionId, value, Optional.empty());
        }
    }

    /**
     * A form submitted: the core-owned form id and, per field, the values (one for text, several for a
     * multi-choice); and the message the form was on, when the platform says so (a card, the web chat's message),
     * so that the answer can replace it.
     */
    record Submit(String formId, Map<String, List<String>> values, Optional<MessageRef> message) implements Input {
        public Submit {
            Objects.requireNonNull(formId, "formId");
            values = Map.copyOf(values);
            message = message == null ? Optional.empty() : message;
        }

        public Submit(String formId, Map<String, List<String>> values) {
            this(formId, values, Optional.empty());
        }

        /** The first value of a field, stripped, or empty when absent or blank. */
        public String value(String field) {
            List<String> v = values.get(field);
            return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).strip();
        }

        public List<String> list(String field) {
            List<String> v = values.get(field);
            return v == null ? List.of() : v.stream().filter(Objects::nonNull).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * The person opened Tandem, or added it somewhere, as the platform tells it: the web chat's page opened, Slack's
     * App Home opened, the app installed in a personal chat or added to a team. Where is the event's place: a first
     * contact in the person's direct conversation, or a group (a team's channel) Tandem has just joined. Nothing is
     * answered when there is nothing new to say: a platform may tell it every time.
     */
    record Arrived() implements Input {}

    /** Text typed in a conversation that is not a command. */
    record FreeText(String text) implements Input {
        public FreeText {
            Objects.requireNonNull(text, "text");
        }
    }
}

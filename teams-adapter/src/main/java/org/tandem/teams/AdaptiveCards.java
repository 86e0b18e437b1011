package org.tandem.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

/**
 * Renders a neutral {@link Message} as one Adaptive Card 1.5. Buttons and forms become {@code Action.Submit}
 * whose data carries our ids under {@value #DATA}: {@code {"action": id, "value": v}} for a button,
 * {@code {"form": id}} for a form (Teams adds the inputs' values next to it), {@code {"action": id, "input": i}} for
 * a choice. Text goes through {@link TeamsMarkdown}; labels and options are plain text in cards. Teams returns a
 * multi-select as one comma-separated string, so option values must not contain commas (the core's codes and
 * topics do not).
 */
final class AdaptiveCards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The key of our data in a submit's value; an input may not use it. */
    static final String DATA = "tandem";
    /** Marks the inputs whose submitted value is a comma-separated list. */
    static final String MULTI = "multi";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    static ObjectNode render(Message message, TeamsTexts texts) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.5");
        ArrayNode body = card.putArray("body");
        int choices = 0;
        for (Block block : message.blocks()) {
            if (block instanceof Block.Text t) {
                text(body, t.text(), false);
            } else if (block instanceof Block.Context c) {
                text(body, c.text(), true);
            } else if (block instanceof Block.Fields f) {
                facts(body, f);
            } else if (block instanceof Block.Buttons b) {
                buttons(body, b);
            } else if (block instanceof Block.Choice c) {
                choice(body, c, "choice." + choices++, texts);
            } else if (block instanceof Block.Form f) {
                form(body, f, texts);
                card.putObject("msteams").put("width", "Full");
            } else {
                throw new IllegalArgumentException("no Adaptive Card rendering for " + block.getClass().getSimpleName());
            }
        }
        return card;
    }

    /** Adds a paragraph under the card. */
    static void appendText(ObjectNode card, Rich text) {
        AdaptiveCards.text((ArrayNode) card.get("body"), text, false);
    }

    /** Adds a row with a link button under the card (e.g. the group chat of an introduction). */
    static void addLink(ObjectNode card, String title, String url) {
        ObjectNode set = ((ArrayNode) card.get("body")).addObject();
        set.put("type", "ActionSet");
        ObjectNode open = set.putArray("actions").addObject();
        open.put("type", "Action.OpenUrl");
        open.put("title", title);
        open.put("url", url);
    }

    private static void text(ArrayNode body, Rich rich, boolean context) {
        List<String> lines = TeamsMarkdown.lines(rich);
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode t = body.addObject();
            t.put("type", "TextBlock");
            t.put("text", lines.get(i).isEmpty() ? " " : lines.get(i));
            t.put("wrap", true);
            if (i > 0) {
                t.put("spacing", "None");
            }
            if (context) {
                t.put("isSubtle", true);
                t.put("size", "Small");
            }
        }
    }

    private static void facts(ArrayNode body, Block.Fields fields) {
        ObjectNode set = body.addObject();
        set.put("type", "FactSet");
        ArrayNode facts = set.putArray("facts");
        for (Block.Field f : fields.fields()) {
            ObjectNode fact = facts.addObject();
            fact.put("title", TeamsMarkdown.literal(f.label()));
            fact.put("value", f.value().isEmpty() ? "—" : TeamsMarkdown.literal(f.value()));
        }
    }

    private static void buttons(ArrayNode body, Block.Buttons buttons) {
        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        for (Block.Button b : buttons.buttons()) {
            ObjectNode a = submit(actions, b.label());
            style(a, b.style());
            a.put("associatedInputs", "none");
            a.putObject("data").putObject(DATA).put("action", b.actionId()).put("value", b.value());
        }
    }

    private static void choice(ArrayNode body, Block.Choice choice, String inputId, TeamsTexts texts) {
        ObjectNode in = body.addObject();
        in.put("type", "Input.ChoiceSet");
        in.put("id", inputId);
        in.put("label", choice.label());
        in.put("isMultiSelect", choice.multiple());
        in.put("style", choice.multiple() ? "expanded" : "compact");
        options(in, choice.options());
        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ObjectNode a = submit(set.putArray("actions"), texts.get("choice.ok"));
        ObjectNode data = a.putObject("data").putObject(DATA).put("action", choice.actionId()).put("input", inputId);
        if (choice.multiple()) {
            data.putArray(MULTI).add(inputId);
        }
    }

    private static void form(ArrayNode body, Block.Form form, TeamsTexts texts) {
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock");
        title.put("text", TeamsMarkdown.literal(form.title()));
        title.put("weight", "Bolder");
        title.put("size", "Medium");
        title.put("wrap", true);
        if (form.error() != null) {
            error(body, form.error());
        }
        ArrayNode multi = JSON.arrayNode();
        for (Block.FormInput in : form.inputs()) {
            if (in.id().equals(DATA)) {
                throw new IllegalArgumentException("a form input may not be called '" + DATA + "'");
            }
            input(body, in, texts);
            if (in.kind() == Block.InputKind.MULTISELECT) {
                multi.add(in.id());
            }
        }
        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ObjectNode a = submit(set.putArray("actions"), form.submitLabel());
        a.put("style", "positive");
        ObjectNode data = a.putObject("data").putObject(DATA).put("form", form.formId());
        if (!multi.isEmpty()) {
            data.set(MULTI, multi);
        }
    }

    private static void input(ArrayNode body, Block.FormInput in, TeamsTexts texts) {
        ObjectNode n = body.addObject();
        n.put("id", in.id());
        n.put("label", in.label());
        n.put("isRequired", in.required());
        if (in.required() || in.error() != null) {
            n.put("errorMessage", in.error() != null ? in.error() : texts.get("input.required"));
        }
        String first = in.values().isEmpty() ? "" : in.values().get(0);
        switch (in.kind()) {
            case TEXT, TEXTAREA -> {
                n.put("type", "Input.Text");
                n.put("isMultiline", in.kind() == Block.InputKind.TEXTAREA);
                if (in.maxLength() > 0) {
                    n.put("maxLength", in.maxLength());
                }
                n.put("value", first);
            }
            case NUMBER -> {
                n.put("type", "Input.Number");
                try {
                    n.put("value", Long.parseLong(first.strip()));
                } catch (NumberFormatException e) {
                    // an invalid previous answer is not shown again: the error says what was wrong
                }
            }
            case SELECT, MULTISELECT -> {
                boolean multi = in.kind() == Block.InputKind.MULTISELECT;
                n.put("type", "Input.ChoiceSet");
                n.put("isMultiSelect", multi);
                n.put("style", multi ? "expanded" : "compact");
                options(n, in.options());
                n.put("value", multi ? String.join(",", in.values()) : first);
            }
            default -> throw new IllegalArgumentException(in.kind().name());
        }
        if (in.hint() != null) {
            ObjectNode hint = body.addObject();
            hint.put("type", "TextBlock");
            hint.put("text", TeamsMarkdown.literal(in.hint()));
            hint.put("isSubtle", true);
            hint.put("size", "Small");
            hint.put("spacing", "None");
            hint.put("wrap", true);
        }
        if (in.error() != null) {
            error(body, in.error()).put("spacing", "None");
        }
    }

    private static ObjectNode error(ArrayNode body, String message) {
        ObjectNode e = body.addObject();
        e.put("type", "TextBlock");
        e.put("text", TeamsMarkdown.literal(message));
        e.put("color", "Attention");
        e.put("wrap", true);
        return e;
    }

    private static void options(ObjectNode input, List<Block.Option> options) {
        ArrayNode choices = input.putArray("choices");
        for (Block.Option o : options) {
            choices.addObject().put("title", o.label()).put("value", o.value());
        }
    }

    private static ObjectNode submit(ArrayNode actions, String title) {
        ObjectNode a = actions.addObject();
        a.put("type", "Action.Submit");
        a.put("title", title);
        return a;
    }

    private static void style(ObjectNode action, Block.Style style) {
        switch (style) {
            case PRIMARY -> action.put("style", "positive");
            case DANGER -> action.put("style", "destructive");
            default -> { }
        }
    }
}

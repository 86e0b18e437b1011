package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

/**
 * Renders a neutral {@link Message} as one Adaptive Card 1.5. Buttons and forms become Universal Actions
 * ({@code Action.Execute}, answered by an {@code adaptiveCard/action} invoke), each with an {@code Action.Submit}
 * as its {@code fallback} for the clients that know no {@code Action.Execute}; both carry our ids under
 * {@value #DATA}: {@code {"action": id, "value": v}} for a button, {@code {"form": id}} for a form (Teams adds the
 * inputs' values next to it), {@code {"action": id, "input": i}} for a choice, and the card's own id
 * ({@code "card"}) when it has one, so that a click names the card it came from. A card with something to act on
 * also gets a {@code refresh} for its recipients ({@link Live#userIds()}): each of them sees the card as it is now,
 * not as it was sent. Text goes through {@link TeamsMarkdown}; labels and options are plain text in cards. Teams
 * returns a multi-select as one comma-separated string, so option values must not contain commas (the core's codes
 * and topics do not).
 */
final class AdaptiveCards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The key of our data in a submit's value; an input may not use it. */
    static final String DATA = "tandem";
    /** Marks the inputs whose submitted value is a comma-separated list. */
    static final String MULTI = "multi";
    /**
     * Marks the inputs whose submitted value is a time: Teams clients whose picker has a seconds column send
     * {@code HH:mm:ss}, which is read back as the core's {@code HH:mm}.
     */
    static final String TIME = "time";
    /** The key of a card's own id in its actions' data. */
    static final String CARD = "card";
    /** The key of the card id in a refresh's data, and the refresh's verb. */
    static final String REFRESH = "refresh";
    static final String REFRESH_VERB = "tandem.refresh";

    /**
     * Who a card is for: its id in {@link TeamsCards} and the Teams ids (MRIs, {@code 29:…}) of the people whose view
     * refreshes by itself (none: a refresh from the card's menu only).
     */
    record Live(String cardId, List<String> userIds) {
        static final Live NONE = new Live(null, List.of());

        Live {
            userIds = List.copyOf(userIds);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    /** A card of no one in particular (no id, no refresh): for tests and previews. */
    static ObjectNode render(Message message, TeamsTexts texts) {
        return render(message, texts, Live.NONE);
    }

    static ObjectNode render(Message message, TeamsTexts texts, Live live) {
        ObjectNode card = JSON.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.5");
        if (live.cardId() != null && message.interactive()) {
            refresh(card, live, texts);
        }
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
                buttons(body, b, live);
            } else if (block instanceof Block.Choice c) {
                choice(body, c, "choice." + choices++, texts, live);
            } else if (block instanceof Block.Form f) {
                form(body, f, texts, live);
                card.putObject("msteams").put("width", "Full");
            } else {
                throw new IllegalArgumentException("no Adaptive Card rendering for " + block.getClass().getSimpleName());
            }
        }
        return card;
    }

    /** Whether anything on a rendered card can still be acted on (an action other than a link, or an input). */
    static boolean live(ObjectNode card) {
        for (JsonNode b : card.path("body")) {
            if (b.path("type").asText().startsWith("Input.")) {
                return true;
            }
            for (JsonNode a : b.path("actions")) {
                if (!a.path("type").asText().equals("Action.OpenUrl")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refresh(ObjectNode card, Live live, TeamsTexts texts) {
        ObjectNode refresh = card.putObject("refresh");
        ObjectNode action = refresh.putObject("action");
        action.put("type", "Action.Execute");
        action.put("title", texts.get("card.refresh"));
        action.put("verb", REFRESH_VERB);
        action.putObject("data").putObject(DATA).put(REFRESH, live.cardId());
        ArrayNode users = refresh.putArray("userIds");
        live.userIds().forEach(users::add);
    }

    /** Adds a paragraph under the card. */
    static void appendText(ObjectNode card, Rich text) {
        AdaptiveCards.text((ArrayNode) card.get("body"), text, false);
    }

    /**
     * Adds a picture under the card, by its address (Teams fetches it: a card holds no bytes), as wide as the card
     * allows and no wider than it is; a click on it opens it.
     */
    static void addImage(ObjectNode card, String url, String altText) {
        ObjectNode image = ((ArrayNode) card.get("body")).addObject();
        image.put("type", "Image");
        image.put("url", url);
        image.put("altText", altText);
        image.put("size", "Auto");
        ObjectNode open = image.putObject("selectAction");
        open.put("type", "Action.OpenUrl");
        open.put("url", url);
        (card.has("msteams") ? (ObjectNode) card.get("msteams") : card.putObject("msteams")).put("width", "Full");
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

    private static void buttons(ArrayNode body, Block.Buttons buttons, Live live) {
        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        for (Block.Button b : buttons.buttons()) {
            ObjectNode data = data(live).put("action", b.actionId()).put("value", b.value());
            execute(actions, b.actionId(), b.label(), b.style(), false, data);
        }
    }

    private static void choice(ArrayNode body, Block.Choice choice, String inputId, TeamsTexts texts, Live live) {
        ObjectNode in = body.addObject();
        in.put("type", "Input.ChoiceSet");
        in.put("id", inputId);
        in.put("label", choice.label());
        in.put("isMultiSelect", choice.multiple());
        in.put("style", choice.multiple() ? "expanded" : "compact");
        options(in, choice.options());
        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ObjectNode data = data(live).put("action", choice.actionId()).put("input", inputId);
        if (choice.multiple()) {
            data.putArray(MULTI).add(inputId);
        }
        execute(set.putArray("actions"), choice.actionId(), texts.get("choice.ok"), Block.Style.DEFAULT, true, data);
    }

    private static void form(ArrayNode body, Block.Form form, TeamsTexts texts, Live live) {
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
        ArrayNode times = JSON.arrayNode();
        for (Block.FormInput in : form.inputs()) {
            if (in.id().equals(DATA)) {
                throw new IllegalArgumentException("a form input may not be called '" + DATA + "'");
            }
            input(body, in, texts);
            if (in.kind() == Block.InputKind.MULTISELECT) {
                multi.add(in.id());
            }
            if (in.kind() == Block.InputKind.TIME) {
                times.add(in.id());
            }
        }
        ObjectNode set = body.addObject();
        set.put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        ObjectNode data = data(live).put("form", form.formId());
        if (!multi.isEmpty()) {
            data.set(MULTI, multi);
        }
        if (!times.isEmpty()) {
            data.set(TIME, times);
        }
        execute(actions, form.formId(), form.submitLabel(), Block.Style.PRIMARY, true, data);
        // cancelling sends nothing of what was typed, and needs no required answer
        execute(actions, Block.Form.CANCEL, form.cancelLabel(), Block.Style.DEFAULT, false,
                data(live).put("action", Block.Form.CANCEL).put("value", form.formId()));
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
            case DATE -> {
                n.put("type", "Input.Date");
                n.put("value", first.matches("\\d{4}-\\d{2}-\\d{2}") ? first : "");
            }
            case TIME -> {
                n.put("type", "Input.Time");
                n.put("value", first.matches("\\d{2}:\\d{2}") ? first : "");
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

    /** Our data, with the card's id when it has one. */
    private static ObjectNode data(Live live) {
        ObjectNode ours = JSON.objectNode();
        if (live.cardId() != null) {
            ours.put(CARD, live.cardId());
        }
        return ours;
    }

    /**
     * An {@code Action.Execute} ({@code verb}: our id, for Teams' logs) with the same {@code Action.Submit} as its
     * fallback; {@code inputs} says whether the card's inputs go with it (and are checked first).
     */
    private static void execute(ArrayNode actions, String verb, String title, Block.Style style, boolean inputs,
                                ObjectNode ours) {
        ObjectNode a = actions.addObject();
        a.put("type", "Action.Execute");
        a.put("title", title);
        a.put("verb", verb);
        style(a, style);
        if (!inputs) {
            a.put("associatedInputs", "none");
        }
        a.putObject("data").set(DATA, ours);
        ObjectNode fallback = a.deepCopy();
        fallback.put("type", "Action.Submit");
        fallback.remove("verb");
        a.set("fallback", fallback);
    }

    private static void style(ObjectNode action, Block.Style style) {
        switch (style) {
            case PRIMARY -> action.put("style", "positive");
            case DANGER -> action.put("style", "destructive");
            default -> { }
        }
    }
}

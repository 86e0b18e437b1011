package org.tandem.webchat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

/**
 * Renders the neutral model as the web chat's JSON (kept as BSON documents in the outbox). Text keeps our small
 * markdown subset; everything people typed is backslash-escaped so the page shows it literally.
 */
final class WebchatRenderer {

    private static final String SPECIAL = "\\`*_~[]<>#";

    private WebchatRenderer() {
    }

    static List<Document> render(Message message) {
        List<Document> blocks = new ArrayList<>();
        for (Block block : message.blocks()) {
            blocks.add(render(block));
        }
        return blocks;
    }

    /** Escapes literal text so that the page's markdown never interprets it. */
    static String escape(String literal) {
        StringBuilder b = new StringBuilder(literal.length());
        for (char c : literal.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    static String markdown(Rich rich) {
        StringBuilder b = new StringBuilder();
        for (Rich.Span s : rich.spans()) {
            b.append(s instanceof Rich.Literal ? escape(s.text()) : s.text());
        }
        return b.toString();
    }

    private static Document render(Block block) {
        if (block instanceof Block.Text t) {
            return new Document("type", "text").append("text", markdown(t.text()));
        }
        if (block instanceof Block.Context c) {
            return new Document("type", "context").append("text", markdown(c.text()));
        }
        if (block instanceof Block.Fields f) {
            return new Document("type", "fields").append("fields", f.fields().stream()
                    .map(x -> new Document("label", x.label()).append("value", x.value())).toList());
        }
        if (block instanceof Block.Buttons bs) {
            return new Document("type", "buttons").append("buttons", bs.buttons().stream()
                    .map(x -> new Document("id", x.actionId()).append("label", x.label()).append("value", x.value())
                            .append("style", x.style().name().toLowerCase(java.util.Locale.ROOT)))
                    .toList());
        }
        if (block instanceof Block.Choice c) {
            return new Document("type", "choice").append("id", c.actionId()).append("label", c.label())
                    .append("multiple", c.multiple()).append("options", options(c.options()));
        }
        if (block instanceof Block.Form f) {
            // Cancel is a click of the core's id with the form's id as its value, on every platform
            Document form = new Document("type", "form").append("id", f.formId()).append("title", f.title())
                    .append("submit", f.submitLabel())
                    .append("cancel", new Document("id", Block.Form.CANCEL).append("label", f.cancelLabel()));
            if (f.error() != null) {
                form.append("error", f.error());
            }
            form.append("fields", f.inputs().stream().map(WebchatRenderer::input).toList());
            return form;
        }
        throw new IllegalArgumentException("no web chat rendering for " + block.getClass().getSimpleName());
    }

    private static Document input(Block.FormInput in) {
        Document d = new Document("id", in.id()).append("label", in.label())
                .append("kind", in.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append("required", in.required())
                .append("value", in.values());
        if (!in.options().isEmpty()) {
            d.append("options", options(in.options()));
        }
        if (in.hint() != null) {
            d.append("hint", in.hint());
        }
        if (in.error() != null) {
            d.append("error", in.error());
        }
        if (in.maxLength() > 0) {
            d.append("maxLength", in.maxLength());
        }
        return d;
    }

    private static List<Document> options(List<Block.Option> options) {
        return options.stream().map(o -> new Document("value", o.value()).append("label", o.label())).toList();
    }
}

package org.tandem.core.conversation;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * A message as a MongoDB document and back, block by block, markup kept apart from literal text: what the core
 * keeps of a question's copy so that it can show it again with its outcome.
 */
final class MessageCodec {

    private MessageCodec() {
    }

    static Document write(Message m) {
        return new Document("blocks", m.blocks().stream().map(MessageCodec::block).toList());
    }

    static Message read(Document d) {
        return new Message(d.getList("blocks", Document.class).stream().map(MessageCodec::block).toList());
    }

    private static Document block(Block b) {
        if (b instanceof Block.Text t) {
            return new Document("type", "text").append("text", rich(t.text()));
        }
        if (b instanceof Block.Context c) {
            return new Document("type", "context").append("text", rich(c.text()));
        }
        if (b instanceof Block.Fields f) {
            return new Document("type", "fields").append("fields", f.fields().stream()
                    .map(x -> new Document("label", x.label()).append("value", x.value())).toList());
        }
        if (b instanceof Block.Buttons bs) {
            return new Document("type", "buttons").append("buttons", bs.buttons().stream()
                    .map(x -> new Document("action", x.actionId()).append("label", x.label()).append("value", x.value())
                            .append("style", x.style().name())).toList());
        }
        if (b instanceof Block.Choice c) {
            return new Document("type", "choice").append("action", c.actionId()).append("label", c.label())
                    .append("options", options(c.options())).append("multiple", c.multiple());
        }
        Block.Form f = (Block.Form) b;
        return new Document("type", "form").append("id", f.formId()).append("title", f.title())
                .append("submit", f.submitLabel()).append("error", f.error()).append("cancel", f.cancelLabel())
                .append("inputs", f.inputs().stream().map(i -> new Document("id", i.id()).append("label", i.label())
                        .append("kind", i.kind().name()).append("required", i.required())
                        .append("options", options(i.options())).append("values", i.values())
                        .append("hint", i.hint()).append("error", i.error()).append("max", i.maxLength()))
                        .toList());
    }

    private static Block block(Document d) {
        return switch (d.getString("type")) {
            case "text" -> new Block.Text(rich(d.getList("text", Document.class)));
            case "context" -> new Block.Context(rich(d.getList("text", Document.class)));
            case "fields" -> new Block.Fields(d.getList("fields", Document.class).stream()
                    .map(x -> new Block.Field(x.getString("label"), x.getString("value"))).toList());
            case "buttons" -> new Block.Buttons(d.getList("buttons", Document.class).stream()
                    .map(x -> new Block.Button(x.getString("action"), x.getString("label"), x.getString("value"),
                            Block.Style.valueOf(x.getString("style")))).toList());
            case "choice" -> new Block.Choice(d.getString("action"), d.getString("label"),
                    readOptions(d.getList("options", Document.class)), d.getBoolean("multiple"));
            case "form" -> new Block.Form(d.getString("id"), d.getString("title"),
                    d.getList("inputs", Document.class).stream().map(i -> new Block.FormInput(i.getString("id"),
                            i.getString("label"), Block.InputKind.valueOf(i.getString("kind")),
                            i.getBoolean("required"), readOptions(i.getList("options", Document.class)),
                            i.getList("values", String.class), i.getString("hint"), i.getString("error"),
                            i.getInteger("max"))).toList(),
                    d.getString("submit"), d.getString("error"), d.getString("cancel"));
            default -> throw new IllegalArgumentException("not a stored block: " + d.getString("type"));
        };
    }

    static List<Document> rich(Rich r) {
        List<Document> out = new ArrayList<>();
        for (Rich.Span s : r.spans()) {
            out.add(new Document(s instanceof Rich.Markup ? "markup" : "literal", s.text()));
        }
        return out;
    }

    static Rich rich(List<Document> spans) {
        List<Rich.Span> out = new ArrayList<>();
        for (Document s : spans) {
            out.add(s.containsKey("markup") ? new Rich.Markup(s.getString("markup"))
                    : new Rich.Literal(s.getString("literal")));
        }
        return new Rich(out);
    }

    private static List<Document> options(List<Block.Option> options) {
        return options.stream().map(o -> new Document("value", o.value()).append("label", o.label())).toList();
    }

    private static List<Block.Option> readOptions(List<Document> docs) {
        return docs.stream().map(o -> new Block.Option(o.getString("value"), o.getString("label"))).toList();
    }
}

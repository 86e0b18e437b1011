package org.tandem.core.testing;

import java.util.stream.Collectors;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

/** Renders a message as plain lines, the way a transcript test reads it: buttons as {@code [label]}. */
public final class Render {

    private Render() {
    }

    public static String text(Message message) {
        StringBuilder b = new StringBuilder();
        for (Block block : message.blocks()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            if (block instanceof Block.Text t) {
                b.append(raw(t.text()));
            } else if (block instanceof Block.Context c) {
                b.append("(").append(raw(c.text())).append(")");
            } else if (block instanceof Block.Fields f) {
                b.append(f.fields().stream().map(x -> x.label() + ": " + x.value())
                        .collect(Collectors.joining("\n")));
            } else if (block instanceof Block.Buttons bs) {
                b.append(bs.buttons().stream().map(x -> "[" + x.label() + "]").collect(Collectors.joining(" ")));
            } else if (block instanceof Block.Choice c) {
                b.append(c.label()).append(": ").append(c.options().stream().map(o -> "(" + o.label() + ")")
                        .collect(Collectors.joining(" ")));
            } else if (block instanceof Block.Form f) {
                b.append("<form ").append(f.title()).append(">");
                if (f.error() != null) {
                    b.append("\n! ").append(f.error());
                }
                for (Block.FormInput in : f.inputs()) {
                    b.append("\n  ").append(in.label()).append(": ").append(String.join(", ", in.values()));
                    if (in.error() != null) {
                        b.append("  ! ").append(in.error());
                    }
                }
            }
        }
        return b.toString();
    }

    private static String raw(Rich rich) {
        StringBuilder b = new StringBuilder();
        rich.spans().forEach(s -> b.append(s.text()));
        return b.toString();
    }
}

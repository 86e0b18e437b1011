package org.tandem.core.testing;

import java.util.List;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

/**
 * One message with every kind of block, markup and literal text mixed (with characters every platform escapes), for
 * each renderer's test: all three render the same fixture, so a block kind added to the model and forgotten by a
 * renderer fails there.
 */
public final class EveryBlock {

    /** A literal that must come out exactly as written, never as markup or a mention. */
    public static final String LITERAL = "<@U1> *not bold* _x_ `y` & <b>";

    private EveryBlock() {
    }

    public static Message message() {
        return Message.of(
                new Block.Text(Rich.markup("*Title* with _markup_ and ").append(Rich.literal(LITERAL))),
                new Block.Fields(List.of(new Block.Field("Label", LITERAL), new Block.Field("Second", "two"))),
                new Block.Buttons(List.of(
                        new Block.Button("demo.primary", "Go", "v1", Block.Style.PRIMARY),
                        new Block.Button("demo.plain", "Later", "v2"),
                        new Block.Button("demo.danger", "Stop", "v3", Block.Style.DANGER))),
                new Block.Choice("demo.choice", "Pick one", List.of(new Block.Option("a", "Alpha"),
                        new Block.Option("b", "Beta")), false),
                new Block.Choice("demo.many", "Pick some", List.of(new Block.Option("a", "Alpha"),
                        new Block.Option("b", "Beta")), true),
                new Block.Context(Rich.markup("a context line")));
    }

    /** A form with every kind of input, a value kept and an error shown, and its cancel. */
    public static Message form() {
        return Message.of(new Block.Form("demo.form", "A form", List.of(
                new Block.FormInput("name", "Name", Block.InputKind.TEXT, true, List.of(), List.of(LITERAL),
                        "a hint", "an error", 40),
                new Block.FormInput("story", "Story", Block.InputKind.TEXTAREA, false, List.of(), List.of(), null, null,
                        400),
                new Block.FormInput("count", "Count", Block.InputKind.NUMBER, true, List.of(), List.of("3"), null,
                        null, 0),
                new Block.FormInput("one", "One", Block.InputKind.SELECT, true,
                        List.of(new Block.Option("a", "Alpha"), new Block.Option("b", "Beta")), List.of("b"), null,
                        null, 0),
                new Block.FormInput("many", "Many", Block.InputKind.MULTISELECT, false,
                        List.of(new Block.Option("a", "Alpha"), new Block.Option("b", "Beta")), List.of("a", "b"),
                        null, null, 0)),
                "Save", "Please check 1 answer", "Cancel"));
    }
}

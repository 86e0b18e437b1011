package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.EveryBlock;

class WebchatRendererTest {

    @Test
    void literalTextIsEscapedAndMarkupKept() {
        Rich r = Rich.markup("Welcome, *").append(Rich.literal("<script>*x*_y_`z`")).append(Rich.markup("*!"));
        assertThat(WebchatRenderer.markdown(r)).isEqualTo("Welcome, *\\<script\\>\\*x\\*\\_y\\_\\`z\\`*!");
    }

    @Test
    void everyBlockKindHasAShape() {
        Message m = Message.of(
                new Block.Text(Rich.markup("hi")),
                new Block.Fields(List.of(new Block.Field("Name", "Alice"))),
                new Block.Buttons(List.of(new Block.Button("join.role", "Mentee", "mentee", Block.Style.PRIMARY))),
                new Block.Choice("x.pick", "Pick", List.of(new Block.Option("a", "A")), true),
                new Block.Form("x.form", "Title", List.of(new Block.FormInput("name", "Name", Block.InputKind.TEXT,
                        true, List.of(), List.of("Al"), "hint", "too short", 80)), "Send", null, "Cancel"),
                new Block.Context(Rich.markup("small")));
        List<Document> blocks = WebchatRenderer.render(m);
        assertThat(blocks).extracting(d -> d.getString("type"))
                .containsExactly("text", "fields", "buttons", "choice", "form", "context");
        assertThat(blocks.get(2).toJson()).contains("\"style\": \"primary\"");
        assertThat(blocks.get(4).toJson()).contains("\"error\": \"too short\"", "\"value\": [\"Al\"]",
                "\"maxLength\": 80");
    }

    @Test
    void theEveryBlockMessageKeepsItsLiteralsLiteral() {
        List<Document> blocks = WebchatRenderer.render(EveryBlock.message());
        assertThat(blocks).extracting(d -> d.getString("type"))
                .containsExactly("text", "fields", "buttons", "choice", "choice", "context");
        String escaped = WebchatRenderer.escape(EveryBlock.LITERAL);
        assertThat(blocks.get(0).getString("text")).isEqualTo("*Title* with _markup_ and " + escaped);
        // plain strings (labels, values, options) go as they are: the page shows them as text, never as markdown
        assertThat(blocks.get(1).getList("fields", Document.class).get(0).getString("value"))
                .isEqualTo(EveryBlock.LITERAL);
        assertThat(blocks.get(2).getList("buttons", Document.class)).extracting(b -> b.getString("id") + "="
                + b.getString("value") + ":" + b.getString("style"))
                .containsExactly("demo.primary=v1:primary", "demo.plain=v2:default", "demo.danger=v3:danger");
        assertThat(blocks.get(3).getBoolean("multiple")).isFalse();
        assertThat(blocks.get(4).getBoolean("multiple")).isTrue();
        assertThat(blocks.get(4).getList("options", Document.class)).extracting(o -> o.getString("label"))
                .containsExactly("Alpha", "Beta");
        assertThat(blocks.get(5).getString("text")).isEqualTo("a context line");
    }

    @Test
    void theEveryBlockFormHasItsValuesErrorsAndCancel() {
        Document form = WebchatRenderer.render(EveryBlock.form()).get(0);
        assertThat(form.getString("type")).isEqualTo("form");
        assertThat(form.getString("id")).isEqualTo("demo.form");
        assertThat(form.getString("submit")).isEqualTo("Save");
        assertThat(form.getString("error")).isEqualTo("Please check 1 answer");
        assertThat(form.get("cancel", Document.class))
                .isEqualTo(new Document("id", Block.Form.CANCEL).append("label", "Cancel"));
        List<Document> fields = form.getList("fields", Document.class);
        assertThat(fields).extracting(f -> f.getString("id") + ":" + f.getString("kind"))
                .containsExactly("name:text", "story:textarea", "count:number", "one:select", "many:multiselect");
        assertThat(fields.get(0).getList("value", String.class)).containsExactly(EveryBlock.LITERAL);
        assertThat(fields.get(0).getString("hint")).isEqualTo("a hint");
        assertThat(fields.get(0).getString("error")).isEqualTo("an error");
        assertThat(fields.get(0).getInteger("maxLength")).isEqualTo(40);
        assertThat(fields.get(1).containsKey("error")).isFalse();
        assertThat(fields.get(4).getList("value", String.class)).containsExactly("a", "b");
        assertThat(fields.get(3).getList("options", Document.class)).extracting(o -> o.getString("value"))
                .containsExactly("a", "b");
    }

    @Test
    void anAnsweredMessageHasNothingLeftToActOn() {
        Rich outcome = Rich.markup("✓ Sent.");
        List<Document> card = WebchatRenderer.render(EveryBlock.message().answered(outcome));
        assertThat(card).extracting(d -> d.getString("type")).containsExactly("text", "fields", "context", "context");
        List<Document> form = WebchatRenderer.render(EveryBlock.form().answered(outcome));
        assertThat(form).extracting(d -> d.getString("type")).containsExactly("text", "context");
        assertThat(form.get(0).getString("text")).isEqualTo("*A form*");
        assertThat(form.get(1).getString("text")).isEqualTo("✓ Sent.");
    }
}

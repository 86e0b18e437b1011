package org.tandem.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

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
}

package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Rich;
import org.tandem.core.testing.EveryBlock;

/**
 * The one fixture every renderer renders ({@link EveryBlock}), as Teams gets it: Adaptive Cards 1.5, every action an
 * {@code Action.Execute} naming its card, with an {@code Action.Submit} fallback carrying the same data, a refresh
 * for the recipient, literal text escaped; once answered, nothing left to act on and no refresh.
 */
class AdaptiveCardsEveryBlockTest {

    private static final AdaptiveCards.Live LIVE = new AdaptiveCards.Live("card-1", List.of("29:ann"));
    private final TeamsTexts en = TeamsTexts.of(Locale.ENGLISH);

    @Test
    void everyBlockIsACardOfUniversalActionsWithAFallbackAndARefresh() {
        ObjectNode card = AdaptiveCards.render(EveryBlock.message(), en, LIVE);
        assertWellFormed(card);
        assertThat(card.at("/refresh/action/type").asText()).isEqualTo("Action.Execute");
        assertThat(card.at("/refresh/action/data/tandem/refresh").asText()).isEqualTo("card-1");
        assertThat(card.at("/refresh/userIds")).hasSize(1);
        assertThat(card.at("/refresh/userIds/0").asText()).isEqualTo("29:ann");

        String texts = texts(card);
        assertThat(texts).contains("**Title** with _markup_", "<@U1> \\*not bold\\* \\_x\\_ \\`y\\` & <b>",
                "a context line");
        assertThat(card.at("/body/1/facts/0/value").asText()).isEqualTo("<@U1> \\*not bold\\* \\_x\\_ \\`y\\` & <b>");
        List<JsonNode> actions = actions(card);
        assertThat(actions).extracting(a -> a.at("/data/tandem/action").asText())
                .containsExactly("demo.primary", "demo.plain", "demo.danger", "demo.choice", "demo.many");
        assertThat(actions.get(0).get("style").asText()).isEqualTo("positive");
        assertThat(actions.get(2).get("style").asText()).isEqualTo("destructive");
        assertThat(actions.get(3).at("/data/tandem/input").asText()).isEqualTo("choice.0");
        assertThat(actions.get(4).at("/data/tandem/multi/0").asText()).isEqualTo("choice.1");
    }

    @Test
    void theFormKeepsItsValuesShowsItsErrorsAndCanBeCancelled() {
        ObjectNode card = AdaptiveCards.render(EveryBlock.form(), en, LIVE);
        assertWellFormed(card);
        assertThat(card.at("/refresh/userIds/0").asText()).isEqualTo("29:ann");
        assertThat(input(card, "name").get("value").asText()).isEqualTo(EveryBlock.LITERAL);
        assertThat(input(card, "name").get("errorMessage").asText()).isEqualTo("an error");
        assertThat(input(card, "count").get("value").asLong()).isEqualTo(3);
        assertThat(input(card, "one").get("value").asText()).isEqualTo("b");
        assertThat(input(card, "many").get("value").asText()).isEqualTo("a,b");
        assertThat(texts(card)).contains("Please check 1 answer", "a hint");
        List<JsonNode> actions = actions(card);
        assertThat(actions).extracting(a -> a.get("title").asText()).containsExactly("Save", "Cancel");
        assertThat(actions.get(0).at("/data/tandem/form").asText()).isEqualTo("demo.form");
        assertThat(actions.get(0).at("/data/tandem/multi/0").asText()).isEqualTo("many");
        assertThat(actions.get(1).at("/data/tandem/action").asText()).isEqualTo(Block.Form.CANCEL);
        assertThat(actions.get(1).at("/data/tandem/value").asText()).isEqualTo("demo.form");
    }

    @Test
    void answeredThereIsNothingToActOnAndNoRefresh() {
        ObjectNode card = AdaptiveCards.render(EveryBlock.message().answered(Rich.markup("Done")), en, LIVE);
        assertWellFormed(card);
        assertThat(AdaptiveCards.live(card)).isFalse();
        assertThat(card.has("refresh")).isFalse();
        assertThat(texts(card)).contains("Done", "**Title**");
        ObjectNode form = AdaptiveCards.render(EveryBlock.form().answered(Rich.markup("Cancelled")), en, LIVE);
        assertThat(AdaptiveCards.live(form)).isFalse();
        assertThat(texts(form)).contains("A form", "Cancelled");
        assertThat(AdaptiveCards.live(AdaptiveCards.render(EveryBlock.form(), en, LIVE))).isTrue();
    }

    /** What Teams would refuse or show wrongly: the version, known elements, every action and its fallback. */
    static void assertWellFormed(JsonNode card) {
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.5");
        for (JsonNode b : card.get("body")) {
            assertThat(b.get("type").asText()).isIn("TextBlock", "FactSet", "ActionSet", "Input.Text",
                    "Input.Number", "Input.ChoiceSet");
        }
        for (JsonNode a : actions(card)) {
            assertThat(a.get("type").asText()).isEqualTo("Action.Execute");
            assertThat(a.get("verb").asText()).isNotBlank();
            assertThat(a.get("title").asText()).isNotBlank();
            assertThat(a.at("/data/tandem/card").asText()).isEqualTo("card-1");
            JsonNode fallback = a.get("fallback");
            assertThat(fallback.get("type").asText()).isEqualTo("Action.Submit");
            assertThat(fallback.get("title")).isEqualTo(a.get("title"));
            assertThat(fallback.get("data")).isEqualTo(a.get("data"));
            assertThat(fallback.path("associatedInputs")).isEqualTo(a.path("associatedInputs"));
        }
    }

    static List<JsonNode> actions(JsonNode card) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode b : card.get("body")) {
            b.path("actions").forEach(all::add);
        }
        return all;
    }

    private static String texts(JsonNode card) {
        StringBuilder t = new StringBuilder();
        for (JsonNode b : card.get("body")) {
            if (b.get("type").asText().equals("TextBlock")) {
                t.append(b.get("text").asText()).append('\n');
            }
        }
        return t.toString();
    }

    private static JsonNode input(JsonNode card, String id) {
        for (JsonNode b : card.get("body")) {
            if (b.path("id").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no input " + id + " in " + card);
    }
}

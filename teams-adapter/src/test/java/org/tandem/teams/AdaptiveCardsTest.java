package org.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

class AdaptiveCardsTest {

    private final TeamsTexts en = TeamsTexts.of(Locale.ENGLISH);

    @Test
    void aCardIsVersionOneFiveWithTextFactsAndContext() {
        ObjectNode card = AdaptiveCards.render(Message.builder()
                .text(Rich.markup("*Your profile*\nsecond line"))
                .fields(List.of(new Block.Field("Department", "R&D *core*"), new Block.Field("Location", "")))
                .context(Rich.markup("`leave` withdraws you"))
                .build(), en);
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.5");
        JsonNode body = card.get("body");
        assertThat(body.get(0).get("type").asText()).isEqualTo("TextBlock");
        assertThat(body.get(0).get("text").asText()).isEqualTo("**Your profile**");
        assertThat(body.get(0).get("wrap").asBoolean()).isTrue();
        assertThat(body.get(1).get("text").asText()).isEqualTo("second line");
        assertThat(body.get(1).get("spacing").asText()).isEqualTo("None");
        assertThat(body.get(2).get("type").asText()).isEqualTo("FactSet");
        assertThat(body.get(2).at("/facts/0/title").asText()).isEqualTo("Department");
        assertThat(body.get(2).at("/facts/0/value").asText()).isEqualTo("R&D \\*core\\*");
        assertThat(body.get(2).at("/facts/1/value").asText()).isEqualTo("—");
        assertThat(body.get(3).get("isSubtle").asBoolean()).isTrue();
        assertThat(body.get(3).get("text").asText()).isEqualTo("**leave** withdraws you");
    }

    @Test
    void buttonsExecuteTheActionIdAndValueWithoutTheInputsAndFallBackToASubmit() {
        ObjectNode card = AdaptiveCards.render(Message.of(new Block.Buttons(List.of(
                new Block.Button("intake.role", "Mentee", "mentee", Block.Style.PRIMARY),
                new Block.Button("leave.yes", "Leave", "p1", Block.Style.DANGER),
                new Block.Button("x.y", "Plain", null)))), en);
        JsonNode actions = card.at("/body/0/actions");
        assertThat(card.at("/body/0/type").asText()).isEqualTo("ActionSet");
        assertThat(actions.get(0).get("type").asText()).isEqualTo("Action.Execute");
        assertThat(actions.get(0).get("verb").asText()).isEqualTo("intake.role");
        assertThat(actions.get(0).get("title").asText()).isEqualTo("Mentee");
        JsonNode fallback = actions.get(0).get("fallback");
        assertThat(fallback.get("type").asText()).isEqualTo("Action.Submit");
        assertThat(fallback.get("title").asText()).isEqualTo("Mentee");
        assertThat(fallback.get("data")).isEqualTo(actions.get(0).get("data"));
        assertThat(fallback.get("associatedInputs").asText()).isEqualTo("none");
        assertThat(fallback.has("verb")).isFalse();
        assertThat(actions.get(0).get("style").asText()).isEqualTo("positive");
        assertThat(actions.get(0).get("associatedInputs").asText()).isEqualTo("none");
        assertThat(actions.get(0).at("/data/tandem/action").asText()).isEqualTo("intake.role");
        assertThat(actions.get(0).at("/data/tandem/value").asText()).isEqualTo("mentee");
        assertThat(actions.get(1).get("style").asText()).isEqualTo("destructive");
        assertThat(actions.get(2).has("style")).isFalse();
        assertThat(actions.get(2).at("/data/tandem/value").asText()).isEmpty();
    }

    @Test
    void aFormHasLabelledInputsPreviousValuesErrorsAndOneSubmit() {
        Block.Form form = new Block.Form("intake.mentee", "About you — *Lead*", List.of(
                new Block.FormInput("hopes", "What do you hope?", Block.InputKind.TEXTAREA, true, List.of(),
                        List.of("Speak *up*"), "A few sentences", null, 500),
                new Block.FormInput("years", "Years", Block.InputKind.NUMBER, false, List.of(), List.of("12"),
                        null, "Please give a number from 0 to 60.", 0),
                new Block.FormInput("seniority", "Stage", Block.InputKind.SELECT, true,
                        List.of(new Block.Option("junior", "Early career"), new Block.Option("lead", "Lead")),
                        List.of("lead"), null, null, 0),
                new Block.FormInput("languages", "Languages", Block.InputKind.MULTISELECT, true,
                        List.of(new Block.Option("en", "English"), new Block.Option("fr", "French")),
                        List.of("en", "fr"), null, null, 0)),
                "Next", "Please check the answer marked below", "Cancel");
        ObjectNode card = AdaptiveCards.render(Message.of(form), en);
        JsonNode body = card.get("body");
        assertThat(card.at("/msteams/width").asText()).isEqualTo("Full");
        assertThat(body.get(0).get("text").asText()).isEqualTo("About you — \\*Lead\\*");
        assertThat(body.get(1).get("color").asText()).isEqualTo("Attention");
        JsonNode hopes = body.get(2);
        assertThat(hopes.get("type").asText()).isEqualTo("Input.Text");
        assertThat(hopes.get("id").asText()).isEqualTo("hopes");
        assertThat(hopes.get("label").asText()).isEqualTo("What do you hope?");
        assertThat(hopes.get("isMultiline").asBoolean()).isTrue();
        assertThat(hopes.get("isRequired").asBoolean()).isTrue();
        assertThat(hopes.get("errorMessage").asText()).isEqualTo("Please answer this.");
        assertThat(hopes.get("maxLength").asInt()).isEqualTo(500);
        assertThat(hopes.get("value").asText()).isEqualTo("Speak *up*");
        assertThat(body.get(3).get("text").asText()).isEqualTo("A few sentences");
        JsonNode years = body.get(4);
        assertThat(years.get("type").asText()).isEqualTo("Input.Number");
        assertThat(years.get("value").asLong()).isEqualTo(12);
        assertThat(years.get("errorMessage").asText()).isEqualTo("Please give a number from 0 to 60.");
        assertThat(body.get(5).get("color").asText()).isEqualTo("Attention");
        assertThat(body.get(5).get("text").asText()).isEqualTo("Please give a number from 0 to 60.");
        JsonNode seniority = body.get(6);
        assertThat(seniority.get("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(seniority.get("style").asText()).isEqualTo("compact");
        assertThat(seniority.at("/choices/1/title").asText()).isEqualTo("Lead");
        assertThat(seniority.get("value").asText()).isEqualTo("lead");
        JsonNode languages = body.get(7);
        assertThat(languages.get("isMultiSelect").asBoolean()).isTrue();
        assertThat(languages.get("value").asText()).isEqualTo("en,fr");
        JsonNode submit = body.get(8).at("/actions/0");
        assertThat(submit.get("type").asText()).isEqualTo("Action.Execute");
        assertThat(submit.at("/fallback/type").asText()).isEqualTo("Action.Submit");
        assertThat(submit.get("title").asText()).isEqualTo("Next");
        assertThat(submit.at("/data/tandem/form").asText()).isEqualTo("intake.mentee");
        assertThat(submit.at("/data/tandem/multi/0").asText()).isEqualTo("languages");
        assertThat(submit.has("associatedInputs")).isFalse();
        assertThat(submit.at("/fallback/associatedInputs").isMissingNode()).isTrue();
        JsonNode cancel = body.get(8).at("/actions/1");
        assertThat(cancel.get("title").asText()).isEqualTo("Cancel");
        assertThat(cancel.at("/data/tandem/action").asText()).isEqualTo(Block.Form.CANCEL);
        assertThat(cancel.at("/data/tandem/value").asText()).isEqualTo("intake.mentee");
        assertThat(cancel.get("associatedInputs").asText()).as("cancelling checks no answer").isEqualTo("none");
        assertThat(cancel.at("/fallback/type").asText()).isEqualTo("Action.Submit");
    }

    @Test
    void aChoiceSubmitsItsInputWithTheActionId() {
        ObjectNode card = AdaptiveCards.render(Message.of(new Block.Choice("x.pick", "Pick",
                List.of(new Block.Option("a", "A")), false)), TeamsTexts.of(Locale.FRENCH));
        assertThat(card.at("/body/0/id").asText()).isEqualTo("choice.0");
        assertThat(card.at("/body/1/actions/0/title").asText()).isEqualTo("Valider");
        assertThat(card.at("/body/1/actions/0/data/tandem/action").asText()).isEqualTo("x.pick");
        assertThat(card.at("/body/1/actions/0/data/tandem/input").asText()).isEqualTo("choice.0");
    }

    @Test
    void aDateAndATimeArePickersAndTheSubmitSaysWhichInputIsATime() {
        Block.Form form = new Block.Form("schedule.form", "Choose a time (Europe/London)", List.of(
                new Block.FormInput("date", "Date", Block.InputKind.DATE, true, List.of(), List.of("2027-03-16"),
                        null, null, 10),
                new Block.FormInput("time", "Start time", Block.InputKind.TIME, true, List.of(), List.of("08:00"),
                        null, null, 5)), "Propose", null, "Cancel");
        JsonNode body = AdaptiveCards.render(Message.of(form), en).get("body");
        assertThat(body.get(1).get("type").asText()).isEqualTo("Input.Date");
        assertThat(body.get(1).get("value").asText()).isEqualTo("2027-03-16");
        assertThat(body.get(2).get("type").asText()).isEqualTo("Input.Time");
        assertThat(body.get(2).get("value").asText()).isEqualTo("08:00");
        JsonNode submit = body.get(3).at("/actions/0");
        assertThat(submit.at("/data/tandem/time/0").asText()).isEqualTo("time");
        assertThat(submit.at("/data/tandem/time").size()).isEqualTo(1);
        assertThat(submit.at("/fallback/data/tandem/time/0").asText()).isEqualTo("time");
        assertThat(submit.at("/data/tandem/multi").isMissingNode()).isTrue();
    }

    @Test
    void anInputMayNotTakeOurDataKey() {
        Block.Form form = new Block.Form("f", "T", List.of(new Block.FormInput("tandem", "x", Block.InputKind.TEXT,
                false, List.of(), List.of(), null, null, 0)), "OK", null, "Cancel");
        assertThatThrownBy(() -> AdaptiveCards.render(Message.of(form), en)).hasMessageContaining("tandem");
    }
}

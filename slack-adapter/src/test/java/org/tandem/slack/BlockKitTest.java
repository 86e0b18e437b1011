package org.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.FormBuilder;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;
import org.tandem.core.conversation.i18n.Texts;
import org.tandem.core.testing.EveryBlock;

/** The Block Kit JSON Slack receives for each neutral block: structure, escaping and limits. */
class BlockKitTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private final Texts t = Texts.of(Locale.ENGLISH);

    private static JsonArray json(List<LayoutBlock> blocks) {
        return GSON.toJsonTree(blocks).getAsJsonArray();
    }

    private static JsonObject json(View view) {
        return GSON.toJsonTree(view).getAsJsonObject();
    }

    @Test
    void literalTextIsEscapedAndMarkupKept() {
        Rich text = Rich.markup("*Hi* ").append(Rich.literal("<!channel> & <https://x.example|y> *z*"))
                .append(Rich.markup(" & more"));
        JsonObject section = json(BlockKit.blocks(Message.text(text))).get(0).getAsJsonObject();
        assertThat(section.get("type").getAsString()).isEqualTo("section");
        JsonObject mrkdwn = section.getAsJsonObject("text");
        assertThat(mrkdwn.get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(mrkdwn.get("verbatim").getAsBoolean()).isTrue();
        assertThat(mrkdwn.get("text").getAsString())
                .isEqualTo("*Hi* &lt;!channel&gt; &amp; &lt;https://x.example|y&gt; *z* &amp; more");
        assertThat(BlockKit.fallback(Message.text(text))).doesNotContain("<").contains("&lt;!channel&gt;");
    }

    @Test
    void fieldsGoTenToASectionWithBoldEscapedLabels() {
        List<Block.Field> fields = IntStream.range(0, 12).mapToObj(i -> new Block.Field("L<" + i, "v&" + i)).toList();
        JsonArray blocks = json(BlockKit.blocks(Message.of(new Block.Fields(fields))));
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonArray("fields")).hasSize(10);
        assertThat(blocks.get(1).getAsJsonObject().getAsJsonArray("fields")).hasSize(2);
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject().get("text")
                .getAsString()).isEqualTo("*L&lt;0*\nv&amp;0");
    }

    @Test
    void buttonsGetUniqueActionIdsStylesAndShortLabels() {
        List<Block.Button> buttons = new ArrayList<>();
        buttons.add(new Block.Button("join.role", "Mentee", "mentee", Block.Style.PRIMARY));
        buttons.add(new Block.Button("join.role", "x".repeat(100), "mentor", Block.Style.DANGER));
        IntStream.range(0, 28).forEach(i -> buttons.add(new Block.Button("more.b", "B" + i, "v" + i)));
        JsonArray blocks = json(BlockKit.blocks(Message.of(new Block.Buttons(buttons))));
        assertThat(blocks).hasSize(2);
        JsonArray first = blocks.get(0).getAsJsonObject().getAsJsonArray("elements");
        assertThat(first).hasSize(25);
        JsonObject mentee = first.get(0).getAsJsonObject();
        assertThat(mentee.get("action_id").getAsString()).isEqualTo("join.role#0");
        assertThat(mentee.get("style").getAsString()).isEqualTo("primary");
        assertThat(mentee.get("value").getAsString()).isEqualTo("mentee");
        JsonObject mentor = first.get(1).getAsJsonObject();
        assertThat(mentor.get("action_id").getAsString()).isEqualTo("join.role#1");
        assertThat(mentor.get("style").getAsString()).isEqualTo("danger");
        assertThat(mentor.getAsJsonObject("text").get("text").getAsString()).hasSize(75).endsWith("…");
        assertThat(first.get(2).getAsJsonObject().has("style")).isFalse();
        Set<String> ids = new HashSet<>();
        blocks.forEach(b -> b.getAsJsonObject().getAsJsonArray("elements")
                .forEach(e -> assertThat(ids.add(e.getAsJsonObject().get("action_id").getAsString())).isTrue()));
        assertThat(BlockKit.coreActionId("join.role#1")).isEqualTo("join.role");
        assertThat(BlockKit.coreActionId("plain")).isEqualTo("plain");
    }

    @Test
    void choicesAreSelectsOfAtMostAHundredOptions() {
        List<Block.Option> many = IntStream.range(0, 120).mapToObj(i -> new Block.Option("v" + i, "Option " + i))
                .toList();
        JsonArray blocks = json(BlockKit.blocks(Message.of(new Block.Choice("pick.one", "Pick <one>", many, false),
                new Block.Choice("pick.many", "Pick some", many.subList(0, 3), true))));
        JsonObject single = blocks.get(0).getAsJsonObject();
        assertThat(single.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Pick &lt;one&gt;");
        JsonObject select = single.getAsJsonObject("accessory");
        assertThat(select.get("type").getAsString()).isEqualTo("static_select");
        assertThat(select.getAsJsonArray("options")).hasSize(100);
        assertThat(select.get("action_id").getAsString()).isEqualTo("pick.one#0");
        JsonObject multi = blocks.get(1).getAsJsonObject().getAsJsonObject("accessory");
        assertThat(multi.get("type").getAsString()).isEqualTo("multi_static_select");
        assertThat(multi.get("action_id").getAsString()).isEqualTo("pick.many#1");
    }

    @Test
    void longTextsAreSplitAndLongMessagesCut() {
        String line = "a".repeat(999) + "\n";
        List<LayoutBlock> blocks = BlockKit.blocks(Message.text(Rich.literal(line.repeat(7))));
        assertThat(blocks).hasSizeGreaterThan(2);
        json(blocks).forEach(b -> assertThat(b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString()
                .length()).isBetween(1, 3000));
        List<LayoutBlock> oneLine = BlockKit.blocks(Message.text(Rich.literal("b".repeat(7000))));
        json(oneLine).forEach(b -> assertThat(b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString()
                .length()).isBetween(1, 3000));
        assertThat(BlockKit.cut("x &amp; y", 6)).isEqualTo("x …");

        Message.Builder big = Message.builder();
        IntStream.range(0, 120).forEach(i -> big.text(Rich.markup("line " + i)));
        List<List<LayoutBlock>> messages = BlockKit.perMessage(BlockKit.blocks(big.build()));
        assertThat(messages).extracting(List::size).containsExactly(50, 50, 20);
    }

    @Test
    void aFormBecomesAModalWithInputsValuesAndErrors() {
        List<Block.Option> seniority = List.of(new Block.Option("junior", "Junior"), new Block.Option("lead", "Lead"));
        List<Block.Option> languages = List.of(new Block.Option("en", "English"), new Block.Option("fr", "French"));
        Block.Form form = new FormBuilder("intake.mentee", "About you as a mentee — Leadership 2026", t,
                Map.of("hopes", List.of("Grow & <lead>"), "seniority", List.of("lead"), "languages", List.of("fr"),
                        "years", List.of("12"), "department", List.of("x".repeat(200))),
                Map.of("department", "Please keep it to 80 characters (this has 200)."))
                .textarea("hopes", "intake.hopes", true, 1000, "intake.hopes.hint")
                .text("department", "intake.department", true, 80, null)
                .select("seniority", "intake.seniority", true, seniority, null)
                .multiselect("languages", "intake.languages", false, languages, null)
                .number("years", "intake.years", true, null)
                .build("intake.next");
        Message message = Message.builder().context(Rich.markup("A tip")).add(form).build();
        JsonObject modal = json(BlockKit.modal(message, form, "dm"));

        assertThat(modal.get("type").getAsString()).isEqualTo("modal");
        assertThat(modal.get("callback_id").getAsString()).isEqualTo("intake.mentee");
        assertThat(modal.get("private_metadata").getAsString()).isEqualTo("dm");
        assertThat(modal.getAsJsonObject("title").get("text").getAsString())
                .as("the part before the dash, not a phrase cut mid-word").isEqualTo("About you as a mentee");
        assertThat(modal.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Next");
        assertThat(modal.getAsJsonObject("close").get("text").getAsString()).as("the form's cancel")
                .isEqualTo("Cancel");
        assertThat(modal.get("notify_on_close").getAsBoolean()).as("its close is a cancel Tandem hears of").isTrue();
        JsonArray blocks = modal.getAsJsonArray("blocks");
        assertThat(type(blocks, 0)).isEqualTo("header");
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("About you as a mentee — Leadership 2026");
        assertThat(type(blocks, 1)).isEqualTo("context");
        assertThat(type(blocks, 2)).as("the form's summary of errors").isEqualTo("context");

        JsonObject hopes = input(blocks, "hopes");
        assertThat(hopes.get("optional").getAsBoolean()).isFalse();
        assertThat(hopes.getAsJsonObject("element").get("type").getAsString()).isEqualTo("plain_text_input");
        assertThat(hopes.getAsJsonObject("element").get("multiline").getAsBoolean()).isTrue();
        assertThat(hopes.getAsJsonObject("element").get("max_length").getAsInt()).isEqualTo(1000);
        assertThat(hopes.getAsJsonObject("element").get("initial_value").getAsString())
                .as("plain text is shown as typed").isEqualTo("Grow & <lead>");
        assertThat(hopes.getAsJsonObject("element").get("action_id").getAsString()).isEqualTo("hopes");

        JsonObject department = input(blocks, "department");
        assertThat(department.getAsJsonObject("element").get("initial_value").getAsString()).hasSize(80);
        assertThat(department.getAsJsonObject("hint").get("text").getAsString()).startsWith("⚠ Please keep it");

        JsonObject select = input(blocks, "seniority").getAsJsonObject("element");
        assertThat(select.get("type").getAsString()).isEqualTo("static_select");
        assertThat(select.getAsJsonObject("initial_option").get("value").getAsString()).isEqualTo("lead");

        JsonObject multi = input(blocks, "languages");
        assertThat(multi.get("optional").getAsBoolean()).isTrue();
        assertThat(multi.getAsJsonObject("element").get("type").getAsString()).isEqualTo("multi_static_select");
        assertThat(multi.getAsJsonObject("element").getAsJsonArray("initial_options")).hasSize(1);

        JsonObject years = input(blocks, "years").getAsJsonObject("element");
        assertThat(years.get("type").getAsString()).isEqualTo("number_input");
        assertThat(years.get("is_decimal_allowed").getAsBoolean()).isFalse();
        assertThat(years.get("initial_value").getAsString()).isEqualTo("12");
    }

    @Test
    void aLongModalTitleIsShortenedWhereItReadsWell() {
        assertThat(BlockKit.shortTitle("New programme")).isEqualTo("New programme");
        assertThat(BlockKit.shortTitle("Matching weights — Leadership for new managers"))
                .isEqualTo("Matching weights");
        assertThat(BlockKit.shortTitle("Why are you leaving the programme today")).isEqualTo("Why are you leaving the…");
        assertThat(BlockKit.shortTitle("Supercalifragilisticexpialidocious")).hasSize(24).endsWith("…");
        for (String t : List.of("A", "x".repeat(40), "Intro — " + "y".repeat(40), "Quoi de neuf : un très long titre ici")) {
            assertThat(BlockKit.shortTitle(t).length()).isBetween(1, BlockKit.TITLE);
        }
    }

    @Test
    void aSelectWithoutAMatchingValueHasNoInitialOption() {
        Block.Form form = new FormBuilder("f.x", "Short", t, Map.of("s", List.of("gone")), Map.of())
                .select("s", "intake.seniority", true, List.of(new Block.Option("a", "A")), null).build("intake.next");
        JsonObject modal = json(BlockKit.modal(Message.of(form), form, "admin"));
        assertThat(type(modal.getAsJsonArray("blocks"), 0)).as("no header for a short title").isEqualTo("input");
        assertThat(input(modal.getAsJsonArray("blocks"), "s").getAsJsonObject("element").has("initial_option"))
                .isFalse();
    }

    @Test
    void theHomeIsAHomeViewAndAPromptOpensAKeptForm() {
        JsonObject home = json(BlockKit.home(Message.builder().text(Rich.markup("*Home*"))
                .buttons(List.of(new Block.Button("home.run", "Help", "help"))).build()));
        assertThat(home.get("type").getAsString()).isEqualTo("home");
        assertThat(home.getAsJsonArray("blocks")).hasSize(2);

        Block.Form form = (Block.Form) EveryBlock.form().blocks().get(0);
        JsonArray prompt = json(BlockKit.openFormPrompt(t.rich("form.open.prompt", "New <programme>"),
                t.get("form.open"), "id-1", form));
        assertThat(prompt.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .contains("*New &lt;programme&gt;*");
        JsonArray buttons = prompt.get(1).getAsJsonObject().getAsJsonArray("elements");
        JsonObject button = buttons.get(0).getAsJsonObject();
        assertThat(BlockKit.coreActionId(button.get("action_id").getAsString())).isEqualTo(BlockKit.OPEN_FORM);
        assertThat(button.get("value").getAsString()).isEqualTo("id-1");
        assertThat(button.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Open the form");
        JsonObject cancel = buttons.get(1).getAsJsonObject();
        assertThat(BlockKit.coreActionId(cancel.get("action_id").getAsString())).as("every form can be cancelled")
                .isEqualTo(Block.Form.CANCEL);
        assertThat(cancel.get("value").getAsString()).isEqualTo("demo.form");
        assertThat(cancel.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Cancel");
    }

    @Test
    void everyKindOfBlockIsRenderedWithLiteralsEscaped() {
        JsonArray blocks = json(BlockKit.blocks(EveryBlock.message()));
        assertThat(blocks).extracting(b -> b.getAsJsonObject().get("type").getAsString())
                .containsExactly("section", "section", "actions", "section", "section", "context");
        String escaped = BlockKit.escape(EveryBlock.LITERAL);
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("*Title* with _markup_ and " + escaped);
        assertThat(blocks.get(1).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject().get("text")
                .getAsString()).isEqualTo("*Label*\n" + escaped);
        JsonArray row = blocks.get(2).getAsJsonObject().getAsJsonArray("elements");
        assertThat(row).extracting(e -> e.getAsJsonObject().has("style")
                ? e.getAsJsonObject().get("style").getAsString() : "plain").containsExactly("primary", "plain", "danger");
        assertThat(blocks.get(3).getAsJsonObject().getAsJsonObject("accessory").get("type").getAsString())
                .isEqualTo("static_select");
        assertThat(blocks.get(4).getAsJsonObject().getAsJsonObject("accessory").get("type").getAsString())
                .isEqualTo("multi_static_select");
        assertThat(blocks.toString()).doesNotContain("<@U1>", "<b>");
        assertThat(BlockKit.fallback(EveryBlock.message())).doesNotContain("<");

        Message answered = EveryBlock.message().answered(Rich.markup("✓ Done"));
        JsonArray closed = json(BlockKit.blocks(answered));
        assertThat(closed).as("an answered message has nothing left to act on")
                .noneMatch(b -> b.getAsJsonObject().get("type").getAsString().equals("actions")
                        || b.getAsJsonObject().has("accessory"));
        assertThat(closed.get(closed.size() - 1).toString()).contains("✓ Done");
    }

    @Test
    void theEveryBlockFormIsAModalWithEveryInputItsValuesItsErrorAndItsCancel() {
        Message message = EveryBlock.form();
        Block.Form form = BlockKit.formOf(message).orElseThrow();
        assertThat(BlockKit.blocks(message)).as("a form is not a message block").isEmpty();
        JsonObject modal = json(BlockKit.modal(message, form, "group:G1"));
        assertThat(modal.get("callback_id").getAsString()).isEqualTo("demo.form");
        assertThat(modal.get("private_metadata").getAsString()).isEqualTo("group:G1");
        assertThat(modal.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Save");
        assertThat(modal.getAsJsonObject("close").get("text").getAsString()).isEqualTo("Cancel");
        assertThat(modal.get("notify_on_close").getAsBoolean()).isTrue();
        JsonArray blocks = modal.getAsJsonArray("blocks");
        assertThat(blocks.get(0).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject().get("text")
                .getAsString()).as("the form's error on top").isEqualTo("Please check 1 answer");
        JsonObject name = input(blocks, "name");
        assertThat(name.getAsJsonObject("element").get("initial_value").getAsString())
                .as("plain text inputs show the value as typed").isEqualTo(EveryBlock.LITERAL);
        assertThat(name.getAsJsonObject("element").get("max_length").getAsInt()).isEqualTo(40);
        assertThat(name.getAsJsonObject("hint").get("text").getAsString()).isEqualTo("⚠ an error — a hint");
        assertThat(input(blocks, "story").getAsJsonObject("element").get("multiline").getAsBoolean()).isTrue();
        assertThat(input(blocks, "story").get("optional").getAsBoolean()).isTrue();
        assertThat(input(blocks, "count").getAsJsonObject("element").get("initial_value").getAsString()).isEqualTo("3");
        assertThat(input(blocks, "one").getAsJsonObject("element").getAsJsonObject("initial_option").get("value")
                .getAsString()).isEqualTo("b");
        assertThat(input(blocks, "many").getAsJsonObject("element").getAsJsonArray("initial_options")).hasSize(2);

        JsonObject closed = json(BlockKit.closedModal(message.answered(Rich.markup("Cancelled."))));
        assertThat(closed.get("title").getAsJsonObject().get("text").getAsString()).isEqualTo("A form");
        assertThat(closed.has("submit")).as("nothing to submit once answered").isFalse();
        assertThat(closed.toString()).contains("Cancelled.").doesNotContain("\"input\"");
    }

    private static String type(JsonArray blocks, int i) {
        return blocks.get(i).getAsJsonObject().get("type").getAsString();
    }

    private static JsonObject input(JsonArray blocks, String id) {
        for (JsonElement b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if ("input".equals(o.get("type").getAsString()) && id.equals(o.get("block_id").getAsString())) {
                return o;
            }
        }
        throw new AssertionError("no input " + id + " in " + blocks);
    }
}

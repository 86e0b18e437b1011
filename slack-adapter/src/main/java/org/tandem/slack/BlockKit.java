package org.tandem.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.Rich;

/**
 * Renders the neutral model as Block Kit: text as mrkdwn sections, fields, buttons as actions, choices as
 * selects, forms as modals. Everything people typed is escaped ({@code & < >}) so nobody can inject
 * {@code <!channel>} or a link, mrkdwn is {@code verbatim} so nothing is auto-linked or mentioned, and every
 * Block Kit limit is respected: long texts are split or shortened, never refused by Slack.
 */
final class BlockKit {

    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int SECTION_TEXT = 3000;
    static final int FIELD_TEXT = 2000;
    static final int FIELDS = 10;
    static final int ACTIONS = 25;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    static final int OPTIONS = 100;
    static final int OPTION_TEXT = 75;
    static final int TITLE = 24;
    static final int HEADER = 150;
    static final int LABEL = 2000;
    static final int INPUT_MAX = 3000;
    static final int FALLBACK_TEXT = 3000;

    /** The adapter's own button that opens a form which could not be opened directly. */
    static final String OPEN_FORM = "slack.open-form";
    /** Separates a core action id from the number that makes it unique in a message (Slack requires it). */
    private static final char SEQ = '#';

    private final List<LayoutBlock> out = new ArrayList<>();
    private int actions;

    private BlockKit() {
    }

    /** A message's blocks, forms left out (the messenger shows those as modals or an "open the form" button). */
    static List<LayoutBlock> blocks(Message message) {
        BlockKit b = new BlockKit();
        message.blocks().forEach(b::block);
        return b.out;
    }

    /** Splits blocks into messages of at most 50. */
    static List<List<LayoutBlock>> perMessage(List<LayoutBlock> blocks) {
        List<List<LayoutBlock>> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i += MESSAGE_BLOCKS) {
            out.add(blocks.subList(i, Math.min(blocks.size(), i + MESSAGE_BLOCKS)));
        }
        return out;
    }

    /**
     * A modal for a form: the message's other blocks on top, the form's error, then one input block per input
     * (block id and action id = the input's id, so an error answer can point at it). Its close button is the form's
     * cancel, and Slack says when it is used ({@code notify_on_close}: a {@code view_closed}).
     */
    static View modal(Message message, Block.Form form, String privateMetadata) {
        BlockKit b = new BlockKit();
        if (form.title().length() > TITLE) {
            b.out.add(HeaderBlock.builder().text(plain(form.title(), HEADER)).build());
        }
        for (Block block : message.blocks()) {
            if (block != form) {
                b.block(block);
            }
        }
        if (form.error() != null) {
            b.context(Rich.literal(form.error()));
        }
        form.inputs().forEach(b::input);
        return View.builder().type("modal").callbackId(form.formId()).privateMetadata(privateMetadata)
                .title(ViewTitle.builder().type("plain_text").text(shortTitle(form.title())).build())
                .submit(ViewSubmit.builder().type("plain_text").text(cut(form.submitLabel(), TITLE)).build())
                .close(ViewClose.builder().type("plain_text").text(cut(form.cancelLabel(), TITLE)).build())
                .notifyOnClose(true)
                .blocks(limit(b.out, VIEW_BLOCKS)).build();
    }

    /**
     * What an open modal turns into once its form is answered elsewhere (cancelled, say): what the message shows
     * now, nothing to submit, and Slack's own close button.
     */
    static View closedModal(Message message) {
        return View.builder().type("modal")
                .title(ViewTitle.builder().type("plain_text").text(shortTitle(message.summary())).build())
                .blocks(limit(blocks(message), VIEW_BLOCKS)).build();
    }

    /**
     * A modal's title in Slack's 24 characters: the whole title when it fits, else its first part before a dash
     * ("About you as a mentee — Leadership" -> "About you as a mentee"), else cut at a word. The full title is
     * the header block under it.
     */
    static String shortTitle(String title) {
        String t = title.isBlank() ? " " : title.strip();
        if (t.length() <= TITLE) {
            return t;
        }
        for (String dash : List.of(" — ", " – ", " - ", ": ")) {
            int at = t.indexOf(dash);
            if (at > 0 && at <= TITLE) {
                return t.substring(0, at).strip();
            }
        }
        int space = t.lastIndexOf(' ', TITLE - 1);
        return space > TITLE / 2 ? t.substring(0, space) + "…" : cut(t, TITLE);
    }

    /** The App Home tab. */
    static View home(Message message) {
        return View.builder().type("home").blocks(limit(blocks(message), VIEW_BLOCKS)).build();
    }

    /**
     * Instead of a form that cannot be opened now: its title, a button that opens it and the form's cancel (a click
     * of {@link Block.Form#CANCEL} with the form's id, as everywhere).
     */
    static List<LayoutBlock> openFormPrompt(Rich prompt, String buttonLabel, String pendingId, Block.Form form) {
        BlockKit b = new BlockKit();
        b.text(prompt);
        b.out.add(ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                .actionId(b.nextActionId(OPEN_FORM)).text(plain(buttonLabel, BUTTON_TEXT)).value(pendingId)
                .style("primary").build(), ButtonElement.builder().actionId(b.nextActionId(Block.Form.CANCEL))
                .text(plain(form.cancelLabel(), BUTTON_TEXT)).value(cut(form.formId(), BUTTON_VALUE)).build()))
                .build());
        return b.out;
    }

    /** The notification text of a message (Slack shows it where blocks cannot be, e.g. in a push). */
    static String fallback(Message message) {
        String summary = message.summary();
        return cut(escape(summary.isBlank() ? "…" : summary), FALLBACK_TEXT);
    }

    /** Escapes text for mrkdwn: Slack reads {@code <…>} as links and mentions, so these three must be entities. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Our markup is Slack's mrkdwn subset already; every span is escaped (bundle texts may hold an {@code &} too). */
    static String mrkdwn(Rich rich) {
        StringBuilder b = new StringBuilder();
        rich.spans().forEach(s -> b.append(escape(s.text())));
        return b.toString();
    }

    /** The core's action id behind a Slack action id ({@code join.role#2} -> {@code join.role}). */
    static String coreActionId(String slackActionId) {
        int i = slackActionId.lastIndexOf(SEQ);
        return i < 0 ? slackActionId : slackActionId.substring(0, i);
    }

    private void block(Block block) {
        if (block instanceof Block.Text t) {
            text(t.text());
        } else if (block instanceof Block.Context c) {
            context(c.text());
        } else if (block instanceof Block.Fields f) {
            fields(f);
        } else if (block instanceof Block.Buttons bs) {
            buttons(bs);
        } else if (block instanceof Block.Choice c) {
            choice(c);
        } else if (!(block instanceof Block.Form)) {
            throw new IllegalArgumentException("no Block Kit rendering for " + block.getClass().getSimpleName());
        }
    }

    private void text(Rich rich) {
        for (String part : split(mrkdwn(rich), SECTION_TEXT)) {
            out.add(SectionBlock.builder().text(markdown(part)).build());
        }
    }

    private void context(Rich rich) {
        for (String part : split(mrkdwn(rich), SECTION_TEXT)) {
            out.add(ContextBlock.builder().elements(List.of(markdown(part))).build());
        }
    }

    private void fields(Block.Fields f) {
        List<TextObject> row = new ArrayList<>();
        for (Block.Field field : f.fields()) {
            row.add(markdown(cut("*" + escape(field.label()) + "*\n" + escape(field.value()), FIELD_TEXT)));
            if (row.size() == FIELDS) {
                out.add(SectionBlock.builder().fields(row).build());
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            out.add(SectionBlock.builder().fields(row).build());
        }
    }

    private void buttons(Block.Buttons bs) {
        List<BlockElement> row = new ArrayList<>();
        for (Block.Button button : bs.buttons()) {
            row.add(ButtonElement.builder().actionId(nextActionId(button.actionId()))
                    .text(plain(button.label(), BUTTON_TEXT)).value(cut(button.value(), BUTTON_VALUE))
                    .style(switch (button.style()) {
                        case PRIMARY -> "primary";
                        case DANGER -> "danger";
                        case DEFAULT -> null;
                    }).build());
            if (row.size() == ACTIONS) {
                out.add(ActionsBlock.builder().elements(row).build());
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            out.add(ActionsBlock.builder().elements(row).build());
        }
    }

    private void choice(Block.Choice c) {
        List<OptionObject> options = options(c.options());
        if (options.isEmpty()) {
            text(Rich.literal(c.label()));
            return;
        }
        BlockElement select = c.multiple()
                ? MultiStaticSelectElement.builder().actionId(nextActionId(c.actionId())).options(options).build()
                : StaticSelectElement.builder().actionId(nextActionId(c.actionId())).options(options).build();
        String label = c.label().isBlank() ? " " : escape(c.label());
        out.add(SectionBlock.builder().text(markdown(cut(label, SECTION_TEXT))).accessory(select).build());
    }

    private void input(Block.FormInput in) {
        List<OptionObject> options = options(in.options());
        String first = in.values().isEmpty() ? "" : in.values().get(0);
        BlockElement element = switch (in.kind()) {
            case SELECT -> options.isEmpty() ? textInput(in, first, false) : StaticSelectElement.builder()
                    .actionId(in.id()).options(options)
                    .initialOption(options.stream().filter(o -> o.getValue().equals(first)).findFirst().orElse(null))
                    .build();
            case MULTISELECT -> options.isEmpty() ? textInput(in, first, false) : MultiStaticSelectElement.builder()
                    .actionId(in.id()).options(options)
                    .initialOptions(nullIfEmpty(options.stream().filter(o -> in.values().contains(o.getValue()))
                            .toList()))
                    .build();
            case NUMBER -> NumberInputElement.builder().actionId(in.id()).decimalAllowed(false)
                    .initialValue(first.matches("-?\\d{1,9}") ? first : null).build();
            case TEXTAREA -> textInput(in, first, true);
            case TEXT -> textInput(in, first, false);
            case DATE -> DatePickerElement.builder().actionId(in.id())
                    .initialDate(first.matches("\\d{4}-\\d{2}-\\d{2}") ? first : null).build();
            case TIME -> TimePickerElement.builder().actionId(in.id())
                    .initialTime(first.matches("\\d{2}:\\d{2}") ? first : null).build();
        };
        // an error shown when the form is (re)opened; a submission's errors go back in the ack instead
        String hint = in.error() != null ? "⚠ " + in.error() + (in.hint() != null ? " — " + in.hint() : "")
                : in.hint();
        out.add(InputBlock.builder().blockId(in.id()).label(plain(in.label(), LABEL)).element(element)
                .optional(!in.required()).hint(hint == null ? null : plain(hint, LABEL)).build());
    }

    private static BlockElement textInput(Block.FormInput in, String first, boolean multiline) {
        int max = in.maxLength() > 0 ? Math.min(in.maxLength(), INPUT_MAX) : INPUT_MAX;
        return PlainTextInputElement.builder().actionId(in.id()).multiline(multiline).maxLength(max)
                .initialValue(first.isEmpty() ? null : cut(first, max)).build();
    }

    private static List<OptionObject> options(List<Block.Option> options) {
        return options.stream().limit(OPTIONS)
                .map(o -> OptionObject.builder().text(plain(o.label(), OPTION_TEXT)).value(o.value()).build())
                .toList();
    }

    private String nextActionId(String coreId) {
        return coreId + SEQ + actions++;
    }

    private static MarkdownTextObject markdown(String mrkdwn) {
        return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
    }

    /** Plain text is shown as it is (no mrkdwn, no entities): only its length needs care. */
    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(cut(text.isBlank() ? " " : text, max)).emoji(true).build();
    }

    /** Shortens to a length, with an ellipsis, never cutting an entity or a surrogate pair in two. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end);
        if (amp >= 0 && amp > end - 6 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end) + "…";
    }

    /** Splits at line breaks where possible, so a long text becomes several sections, not a refused message. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.isEmpty() ? " " : text;
        while (rest.length() > max) {
            int at = rest.lastIndexOf('\n', max);
            if (at <= 0) {
                at = rest.lastIndexOf(' ', max);
            }
            if (at <= 0) {
                String piece = cut(rest, max);
                parts.add(piece);
                rest = rest.substring(piece.length() - 1);
                continue;
            }
            parts.add(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        parts.add(rest);
        return parts;
    }

    private static List<LayoutBlock> limit(List<LayoutBlock> blocks, int max) {
        return blocks.size() <= max ? blocks : blocks.subList(0, max);
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    static Optional<Block.Form> formOf(Message message) {
        return message.blocks().stream().filter(Block.Form.class::isInstance).map(Block.Form.class::cast).findFirst();
    }
}

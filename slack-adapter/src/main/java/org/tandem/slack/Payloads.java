package org.tandem.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading Slack's payloads into the neutral model: submitted values, clicked values, text. */
final class Payloads {

    /** Slack's markup in text: {@code <target>} or {@code <target|label>}; a typed {@code <} arrives as {@code &lt;}. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private Payloads() {
    }

    /** A submitted modal's values by input id: one for a text, the chosen ones for a select. */
    static Map<String, List<String>> values(ViewState state) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return out;
        }
        state.getValues().forEach((blockId, byAction) -> {
            ViewState.Value v = byAction.getOrDefault(blockId,
                    byAction.values().stream().findFirst().orElse(null));
            if (v == null) {
                return;
            }
            List<String> values = new ArrayList<>();
            if (v.getSelectedOptions() != null) {
                v.getSelectedOptions().forEach(o -> values.add(o.getValue()));
            } else if (v.getSelectedOption() != null) {
                values.add(v.getSelectedOption().getValue());
            } else if (v.getSelectedDate() != null) {
                values.add(v.getSelectedDate());
            } else if (v.getSelectedTime() != null) {
                values.add(v.getSelectedTime());
            } else if (v.getValue() != null) {
                values.add(v.getValue());
            }
            out.put(blockId, values);
        });
        return out;
    }

    static String value(BlockActionPayload.Action a) {
        if (a.getSelectedOptions() != null) {
            return String.join(",", a.getSelectedOptions().stream().map(o -> o.getValue()).toList());
        }
        if (a.getSelectedOption() != null) {
            return a.getSelectedOption().getValue();
        }
        return a.getValue();
    }

    static String tenant(String fromPayload, Context ctx) {
        return fromPayload != null ? fromPayload : ctx.getTeamId();
    }

    /**
     * What the person typed, from Slack's text: links ({@code <https://…|label>}), channels ({@code <#C1|name>}) and
     * {@code @here}-like specials ({@code <!here>}) read as they were shown, then {@code & < >}, which Slack sends as
     * entities, as typed. A mention of a person stays Slack's {@code <@U123>} or {@code <@U123|name>} (a slash
     * command escapes it so: see the manifest's {@code should_escape}), which is how the core names someone.
     */
    static String unescape(String text) {
        Matcher m = MARKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(shown(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return entities(out.toString());
    }

    /** {@code & < >} as typed, from the entities Slack (and Block Kit text Tandem escaped) writes them as. */
    static String entities(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String shown(String target, String label) {
        if (target.startsWith("@")) {
            return "<" + target + (label == null ? "" : "|" + label) + ">";
        }
        if (target.startsWith("#")) {
            return "#" + (label == null || label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("!")) {
            if (label != null && !label.isEmpty()) {
                return label.startsWith("@") || target.startsWith("!date") ? label : "@" + label;
            }
            return "@" + target.substring(1).replaceFirst("\\^.*", "");
        }
        return label == null || label.isEmpty() ? target : label;
    }
}

package org.tandem.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading Slack's payloads into the neutral model: submitted values, clicked values, text. */
final class Payloads {

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

    /** Slack sends {@code & < >} in message text as entities; the core wants what the person typed. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}

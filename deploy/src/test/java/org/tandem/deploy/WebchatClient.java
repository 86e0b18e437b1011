package org.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** People using the web chat API of a running application, and what each of them was sent. */
final class WebchatClient {

    private final RunningApp app;
    private final Map<String, String> names = new HashMap<>();

    WebchatClient(RunningApp app) {
        this.app = app;
    }

    /** From now on, what {@code user} posts carries this display name (else their id, capitalised). */
    WebchatClient named(String user, String name) {
        names.put(user, name);
        return this;
    }

    void say(String user, String text) {
        post(user, "\"text\":\"" + text + "\"");
    }

    void admin(String text) {
        post("coordinator", "\"conversation\":\"admin\",\"text\":\"" + text + "\"");
    }

    void click(String user, String id, String value) {
        post(user, "\"action\":{\"id\":\"" + id + "\",\"value\":\"" + value + "\"}");
    }

    /** Posts {@code {"user":…,"name":…, <rest>}} and expects it accepted; the answer says what the turn did. */
    JsonNode post(String user, String rest) {
        String name = names.getOrDefault(user, Character.toUpperCase(user.charAt(0)) + user.substring(1));
        RunningApp.Reply r = app.post("/api/webchat/inbound", "{\"user\":\"" + user + "\",\"name\":\"" + name
                + "\"," + rest + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    /**
     * Clicks a button on a message as the page does: in the message's conversation, saying which message it is on.
     * The answer lists the messages the turn sent ({@code replies}) and changed ({@code updated}).
     */
    JsonNode clickOn(String user, JsonNode message, String id, String value) {
        return post(user, on(message) + "\"action\":{\"id\":\"" + id + "\",\"value\":\"" + value + "\"}");
    }

    /** Clicks the button with this action id on a message, with the value it carries. */
    JsonNode clickOn(String user, JsonNode message, String id) {
        return clickOn(user, message, id, buttonValue(message, id));
    }

    /** Submits the form a message shows, as the page does; {@code values} is the JSON object of its fields. */
    JsonNode submitOn(String user, JsonNode message, String formId, String values) {
        return post(user, on(message) + "\"form\":{\"id\":\"" + formId + "\",\"values\":" + values + "}");
    }

    private static String on(JsonNode message) {
        String conversation = message.at("/conversation").asString();
        return (conversation.equals("dm") ? "" : "\"conversation\":\"" + conversation + "\",")
                + "\"message\":" + message.at("/seq").asLong() + ",";
    }

    /** The latest message the person received with a button of this action id. */
    JsonNode withButton(String user, String actionId) {
        List<JsonNode> all = messages(user, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (hasButton(all.get(i), actionId)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no " + actionId + " button for " + user + " in " + all);
    }

    /** The latest message the person received with a form of this id. */
    JsonNode withForm(String user, String formId) {
        List<JsonNode> all = messages(user, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            for (JsonNode b : all.get(i).at("/blocks")) {
                if (b.at("/type").asString().equals("form") && b.at("/id").asString().equals(formId)) {
                    return all.get(i);
                }
            }
        }
        throw new AssertionError("no " + formId + " form for " + user + " in " + all);
    }

    /** A message as the person reads it now. */
    JsonNode message(String user, long seq) {
        return messages(user, 0).stream().filter(m -> m.at("/seq").asLong() == seq).findFirst()
                .orElseThrow(() -> new AssertionError(user + " cannot read message " + seq));
    }

    /** Whether anything on the message can still be acted on: a button, a choice, a form. */
    static boolean actionable(JsonNode message) {
        for (JsonNode b : message.at("/blocks")) {
            if (List.of("buttons", "choice", "form").contains(b.at("/type").asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasButton(JsonNode message, String actionId) {
        for (JsonNode b : message.at("/blocks")) {
            if (b.at("/type").asString().equals("buttons")) {
                for (JsonNode x : b.at("/buttons")) {
                    if (x.at("/id").asString().equals(actionId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String buttonValue(JsonNode message, String actionId) {
        for (JsonNode b : message.at("/blocks")) {
            if (b.at("/type").asString().equals("buttons")) {
                for (JsonNode x : b.at("/buttons")) {
                    if (x.at("/id").asString().equals(actionId)) {
                        return x.at("/value").asString();
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button on " + message);
    }

    /** Moves the dev clock forward, performing what fell due; the new time. */
    String advance(String period) {
        RunningApp.Reply r = app.post("/api/dev/clock", "{\"advance\":\"" + period + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/now").asString();
    }

    /**
     * Moves the clock on by {@code period} in one jump, which must have brought {@code user} {@code text}: the jump
     * stops on its way wherever something fell due, as time passing would.
     */
    String advanceAndExpect(String period, String user, String text) {
        String now = advance(period);
        assertThat(text(user)).as("after a jump of " + period + " to " + now).contains(text);
        return now;
    }

    /** How many buttons with this action id the person received so far. */
    int count(String user, String actionId) {
        int n = 0;
        for (JsonNode m : messages(user, 0)) {
            for (JsonNode b : m.at("/blocks")) {
                if (b.at("/type").asString().equals("buttons")) {
                    for (JsonNode x : b.at("/buttons")) {
                        n += x.at("/id").asString().equals(actionId) ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    /** The value of the latest button with this action id in what the person received. */
    String button(String user, String actionId) {
        List<JsonNode> all = messages(user, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            for (JsonNode b : all.get(i).at("/blocks")) {
                if (b.at("/type").asString().equals("buttons")) {
                    for (JsonNode x : b.at("/buttons")) {
                        if (x.at("/id").asString().equals(actionId)) {
                            return x.at("/value").asString();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button for " + user + " in " + all);
    }

    /** The latest conversation of the person whose key starts with {@code prefix}, e.g. {@code group:}. */
    String lastConversation(String user, String prefix) {
        List<JsonNode> all = messages(user, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            String c = all.get(i).at("/conversation").asString();
            if (c.startsWith(prefix)) {
                return c;
            }
        }
        throw new AssertionError("no " + prefix + " conversation for " + user);
    }

    /** The latest block of this type in the messages, newest first. */
    static JsonNode lastBlock(List<JsonNode> messages, String type) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            for (JsonNode b : messages.get(i).at("/blocks")) {
                if (b.at("/type").asString().equals(type)) {
                    return b;
                }
            }
        }
        throw new AssertionError("no " + type + " block in " + messages);
    }

    List<JsonNode> messages(String user, long after) {
        RunningApp.Reply r = app.get("/api/webchat/outbox?user=" + user + "&after=" + after);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().at("/messages").forEach(out::add);
        return out;
    }

    /** The last revision the person has read: what to ask {@code after} to get only what comes next. */
    long last(String user) {
        return messages(user, 0).stream().mapToLong(m -> m.at("/rev").asLong(m.at("/seq").asLong())).max()
                .orElse(0);
    }

    /** Everything the person may read, as one string to search. */
    String text(String user) {
        return messages(user, 0).toString();
    }
}

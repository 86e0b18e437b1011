package org.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;

/**
 * Reads what the core needs from an Activity: who (tenant, user, name, locale, time zone), where (personal chat,
 * channel, group chat) and what (text, or the data of an {@code Action.Submit}). What it reads is checked before
 * the activity is acknowledged (its shape by {@link ActivityShape}, its input by {@link #check}), so a malformed one
 * is refused with a 400.
 */
final class InboundActivity {

    static final int MAX_TEXT = 4000;
    static final int MAX_FIELDS = 50;
    static final int MAX_ID = 200;
    /** The names our cards give their inputs. */
    static final String FIELD_NAME = "[A-Za-z][A-Za-z0-9_-]{0,63}";
    /** What a conversation id Teams gives looks like: printable ASCII, of a sane length. */
    static final String CONVERSATION_ID = "[\\x21-\\x7E]{1,512}";
    /** The tenant of activities that name none (the Bot Framework Emulator). */
    static final String NO_TENANT = "local";
    /** A time as Teams clients send it: hours and minutes, perhaps one digit of hours, perhaps seconds. */
    private static final Pattern TIME_VALUE =
            Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d(?:\\.\\d{1,9})?)?");

    private InboundActivity() {
    }

    /** A request that cannot be taken, with the reason to answer. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * The checks done before acknowledging, on an activity whose JSON shape {@link ActivityShape} checked: who sent
     * it must be someone the core can name, and what a message asks (its text, or the data of a card's submit)
     * something it can take.
     */
    static void check(Activity a) {
        try {
            new PersonRef(TeamsMessenger.PLATFORM, tenant(a), userId(a.getFrom()));
        } catch (IllegalArgumentException e) {
            throw new Invalid("the sender's or the tenant's id is not one Teams gives");
        }
        // it goes back to Teams in a header of every reply: printable ASCII only, as Teams' own ids are
        if (!a.getConversation().getId().matches(CONVERSATION_ID)) {
            throw new Invalid("the conversation's id is not one Teams gives");
        }
        if (a.isType(ActivityTypes.MESSAGE)) {
            input(a, text(a));
            if (a.getValue() != null) {
                CardAction.cardId(Serialization.objectToTree(a.getValue()));
            }
        } else if (a.isType(ActivityTypes.INVOKE)) {
            if (!CardAction.isCardAction(a)) {
                throw new Invalid("this bot answers no invoke named '" + String.valueOf(a.getName())
                        .replaceAll("[^\\w./-]", "?") + "'");
            }
            if (CardAction.read(a) instanceof CardAction.Act act) {
                submitted(act.data(), Optional.empty());
            }
        }
    }

    /**
     * What a card's action asks, without the card it came from: an {@code Action.Submit} (a message with our data as
     * its value) or an {@code Action.Execute} ({@code adaptiveCard/action}); empty for anything else.
     */
    static Optional<Input> cardInput(Activity a) {
        if (a.isType(ActivityTypes.MESSAGE) && a.getValue() != null) {
            JsonNode v = Serialization.objectToTree(a.getValue());
            return v.isObject() && v.has(AdaptiveCards.DATA) ? Optional.of(submitted(v, Optional.empty()))
                    : Optional.empty();
        }
        if (CardAction.isCardAction(a) && CardAction.read(a) instanceof CardAction.Act act) {
            return Optional.of(submitted(act.data(), Optional.empty()));
        }
        return Optional.empty();
    }

    /** Personal chat with the bot (the Emulator names no conversation type: it is one too). */
    static boolean personal(Activity a) {
        String type = a.getConversation().getConversationType();
        return type == null || type.equals("personal");
    }

    static String tenant(Activity a) {
        String t = a.getConversation().getTenantId();
        if (blank(t) && a.getChannelData() != null) {
            JsonNode data = Serialization.objectToTree(a.getChannelData());
            t = data.path("tenant").path("id").asText(null);
        }
        return blank(t) ? NO_TENANT : t;
    }

    /** The team of a channel's activity ({@code channelData.team.id}), or null outside a team. */
    static String teamId(Activity a) {
        if (a.getChannelData() == null) {
            return null;
        }
        String team = Serialization.objectToTree(a.getChannelData()).path("team").path("id").asText(null);
        return blank(team) ? null : team;
    }

    /** The team's name, which Teams gives on some of a channel's activities only ({@code channelData.team.name}). */
    static String teamName(Activity a) {
        if (a.getChannelData() == null) {
            return null;
        }
        String name = Serialization.objectToTree(a.getChannelData()).path("team").path("name").asText(null);
        return blank(name) ? null : name;
    }

    /**
     * Whether the activity says the bot was removed from where it came: the app uninstalled (personal chat, team or
     * group chat), or the bot among the members removed.
     */
    static boolean removesBot(Activity a) {
        if (a.isType(ActivityTypes.INSTALLATION_UPDATE)) {
            return "remove".equals(a.getAction()) || "remove-upgrade".equals(a.getAction());
        }
        String bot = a.getRecipient() == null ? null : a.getRecipient().getId();
        return a.isType(ActivityTypes.CONVERSATION_UPDATE) && bot != null && a.getMembersRemoved() != null
                && a.getMembersRemoved().stream().anyMatch(m -> bot.equals(m.getId()));
    }

    /**
     * Whether the activity says the bot was just added where it came from: the app installed (not upgraded) in a
     * personal chat, a team or a group chat, or the bot among the members added.
     */
    static boolean addsBot(Activity a) {
        if (a.isType(ActivityTypes.INSTALLATION_UPDATE)) {
            return "add".equals(a.getAction());
        }
        String bot = a.getRecipient() == null ? null : a.getRecipient().getId();
        return a.isType(ActivityTypes.CONVERSATION_UPDATE) && bot != null && a.getMembersAdded() != null
                && a.getMembersAdded().stream().anyMatch(m -> bot.equals(m.getId()));
    }

    /** A person's stable id: their Microsoft Entra object id, or the channel id where there is none (Emulator). */
    static String userId(ChannelAccount account) {
        return blank(account.getAadObjectId()) ? account.getId() : account.getAadObjectId();
    }

    /** A channel's conversation id without the thread suffix ({@code ;messageid=…}) of a reply. */
    static String conversationId(Activity a) {
        String id = a.getConversation().getId();
        int thread = id.indexOf(";messageid=");
        return thread < 0 ? id : id.substring(0, thread);
    }

    /** The message's text without the bot's @mention (channels and group chats mention the bot). */
    static String text(Activity a) {
        String text = personal(a) ? a.getText() : Activity.removeRecipientMentionImmutable(a);
        return text == null ? "" : text.strip();
    }

    static Locale locale(Activity a) {
        String tag = a.getLocale();
        if (blank(tag)) {
            tag = clientInfo(a).map(c -> c.path("locale").asText(null)).orElse(null);
        }
        if (blank(tag)) {
            return Locale.ENGLISH;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return Locale.ENGLISH;
        }
    }

    /** The time zone Teams reports in the {@code clientInfo} entity, e.g. {@code Europe/Paris}. */
    static Optional<ZoneId> timeZone(Activity a) {
        return clientInfo(a).map(c -> c.path("timezone").asText(null)).filter(z -> !blank(z)).flatMap(z -> {
            try {
                return Optional.of(ZoneId.of(z));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The message as input, from the card its {@code replyToId} names (see {@link #input(Activity, String, Optional)}). */
    static Optional<Input> input(Activity a, String text) {
        return input(a, text, replyTo(a));
    }

    /**
     * The message as input: the submit data of a card (an {@code Action.Submit}, from a client without Universal
     * Actions), on {@code card}; else the text; empty when there is nothing to handle.
     */
    static Optional<Input> input(Activity a, String text, Optional<MessageRef> card) {
        Object value = a.getValue();
        if (value != null) {
            JsonNode v = Serialization.objectToTree(value);
            if (v.isObject() && v.has(AdaptiveCards.DATA)) {
                return Optional.of(submitted(v, card));
            }
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() > MAX_TEXT) {
            throw new Invalid("the text is longer than " + MAX_TEXT + " characters");
        }
        return Optional.of(new Input.FreeText(text));
    }

    /** The card Teams says an activity answers ({@code replyToId}), by where it shows. */
    static Optional<MessageRef> replyTo(Activity a) {
        return Optional.ofNullable(a.getReplyToId()).filter(r -> !blank(r))
                .map(r -> TeamsRefs.activity(a.getServiceUrl(), tenant(a), conversationId(a), r));
    }

    /**
     * A card's data as input: {@code value} is an {@code Action.Submit}'s value or an {@code Action.Execute}'s data
     * (our ids under {@value AdaptiveCards#DATA}, the inputs' values beside them).
     */
    static Input submitted(JsonNode value, Optional<MessageRef> card) {
        JsonNode data = value.get(AdaptiveCards.DATA);
        if (!data.isObject()) {
            throw new Invalid("'" + AdaptiveCards.DATA + "' must be an object");
        }
        Set<String> multi = new HashSet<>();
        data.path(AdaptiveCards.MULTI).forEach(m -> multi.add(m.asText()));
        Set<String> times = new HashSet<>();
        data.path(AdaptiveCards.TIME).forEach(m -> times.add(m.asText()));
        if (data.has("form")) {
            String form = id(data, "form");
            if (value.size() > MAX_FIELDS + 1) {
                throw new Invalid("a form has at most " + MAX_FIELDS + " fields");
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> {
                if (!e.getKey().equals(AdaptiveCards.DATA) && !e.getKey().equals("msteams")) {
                    // our cards name their inputs plainly: "$where" or "a.b" never came from one
                    if (!e.getKey().matches(FIELD_NAME)) {
                        throw new Invalid("a form field is named '" + e.getKey().replaceAll("[^\\w.$-]", "?")
                                + "', which no card of ours has");
                    }
                    List<String> v = values(e.getKey(), e.getValue(), multi.contains(e.getKey()));
                    fields.put(e.getKey(), times.contains(e.getKey()) ? v.stream().map(InboundActivity::time).toList()
                            : v);
                }
            });
            return new Input.Submit(form, fields, card);
        }
        String action = id(data, "action");
        if (data.has("input")) {
            String input = id(data, "input");
            List<String> chosen = values(input, value.path(input), multi.contains(input));
            return new Input.Click(action, String.join(",", chosen), card);
        }
        return new Input.Click(action, scalar("value", data.path("value")), card);
    }

    /**
     * A time picked in a card as the core reads it, {@code HH:mm}: Teams sends {@code 14:30}, or {@code 14:30:00}
     * from a picker with a seconds column, or {@code 9:05}; anything else is left for the core to refuse.
     */
    static String time(String picked) {
        Matcher m = TIME_VALUE.matcher(picked.strip());
        return m.matches() ? (m.group(1).length() == 1 ? "0" : "") + m.group(1) + ":" + m.group(2) : picked;
    }

    private static List<String> values(String field, JsonNode v, boolean multi) {
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            List<String> out = new ArrayList<>();
            v.forEach(x -> out.add(scalar(field, x)));
            return out;
        }
        String s = scalar(field, v);
        if (!multi) {
            return List.of(s);
        }
        return s.isBlank() ? List.of() : List.of(s.split(","));
    }

    private static String scalar(String field, JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (!v.isValueNode()) {
            throw new Invalid("'" + field + "' must be a string, a number or a boolean");
        }
        String s = v.asText();
        if (s.length() > MAX_TEXT) {
            throw new Invalid("'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }

    private static String id(JsonNode data, String field) {
        JsonNode n = data.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank() || n.asText().length() > MAX_ID) {
            throw new Invalid("'" + AdaptiveCards.DATA + "." + field + "' must be a non-empty id");
        }
        return n.asText();
    }

    private static Optional<JsonNode> clientInfo(Activity a) {
        if (a.getEntities() == null) {
            return Optional.empty();
        }
        for (Entity e : a.getEntities()) {
            if ("clientInfo".equalsIgnoreCase(e.getType())) {
                return Optional.of(Serialization.objectToTree(e));
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

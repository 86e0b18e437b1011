package org.tandem.teams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tandem.core.conversation.MessageRef;

/**
 * How the core names a Teams message: {@code c:<id>} for one Tandem sent (its card in {@link TeamsCards}, whatever
 * became of it: delivered, waiting in a lane, parked), {@code c:<id>+<id>…} for one message sent as several copies
 * (a pair's group is each member's personal chat: one card each, updated together), or {@code m:<…>} for a card
 * Teams names by its activity id alone (one sent before cards were kept: its service URL, tenant, conversation and
 * activity id).
 */
final class TeamsRefs {

    private static final String CARD = "c:";
    private static final String ACTIVITY = "m:";
    /** Between the copies' ids (which are UUIDs: no '+' in them). */
    private static final String JOIN = "+";

    private TeamsRefs() {
    }

    static MessageRef card(String cardId) {
        return new MessageRef(TeamsMessenger.PLATFORM, CARD + cardId);
    }

    /** One message shown as several cards (one per person). */
    static MessageRef cards(List<String> cardIds) {
        return cardIds.size() == 1 ? card(cardIds.get(0))
                : new MessageRef(TeamsMessenger.PLATFORM, CARD + String.join(JOIN, cardIds));
    }

    /** The cards a reference names: one, several copies, or none (not one of ours). */
    static List<String> cardIds(MessageRef ref) {
        if (!ref.platform().equals(TeamsMessenger.PLATFORM) || !ref.id().startsWith(CARD)) {
            return List.of();
        }
        return Arrays.stream(ref.id().substring(CARD.length()).split(Pattern.quote(JOIN)))
                .filter(id -> !id.isEmpty()).toList();
    }

    /** A card known only by where Teams shows it. */
    static MessageRef activity(String serviceUrl, String tenant, String conversationId, String activityId) {
        String raw = String.join("\n", serviceUrl, tenant, conversationId, activityId);
        return new MessageRef(TeamsMessenger.PLATFORM,
                ACTIVITY + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** Where an {@code m:} reference points: service URL, tenant, conversation, activity id. */
    record Shown(String serviceUrl, String tenant, String conversationId, String activityId) {}

    static Optional<Shown> shown(MessageRef ref) {
        if (!ref.id().startsWith(ACTIVITY)) {
            return Optional.empty();
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(ref.id().substring(ACTIVITY.length())),
                    StandardCharsets.UTF_8).split("\n", -1);
            return p.length == 4 ? Optional.of(new Shown(p[0], p[1], p[2], p[3])) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

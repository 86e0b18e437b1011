package org.tandem.teams;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.tandem.core.conversation.MessageRef;

/**
 * How the core names a Teams message: {@code c:<id>} for one Tandem sent (its card in {@link TeamsCards}, whatever
 * became of it: delivered, waiting in a lane, parked), or {@code m:<…>} for a card Teams names by its activity id
 * alone (one sent before cards were kept: its service URL, tenant, conversation and activity id).
 */
final class TeamsRefs {

    private static final String CARD = "c:";
    private static final String ACTIVITY = "m:";

    private TeamsRefs() {
    }

    static MessageRef card(String cardId) {
        return new MessageRef(TeamsMessenger.PLATFORM, CARD + cardId);
    }

    static Optional<String> cardId(MessageRef ref) {
        return ref.platform().equals(TeamsMessenger.PLATFORM) && ref.id().startsWith(CARD)
                ? Optional.of(ref.id().substring(CARD.length())) : Optional.empty();
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

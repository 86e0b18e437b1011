package org.tandem.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * What Slack gave with one interaction, for its answers ({@link SlackReplies}): who acted and where, the
 * {@code trigger_id} that may open one modal (valid 3 s, once), after a slash command its {@code response_url}
 * and the channel it was typed in (a private answer there works where Tandem is not a member), and after a click on
 * a message shown to that person only, the click's {@code response_url}: the one way to change that message.
 */
final class Interaction {

    /** A trigger id is valid for 3 s after the user's action; leave a margin for the call itself. */
    static final Duration TRIGGER_LIFETIME = Duration.ofMillis(2500);

    private final PersonRef actor;
    private final Place place;
    private final String triggerId;
    private final Instant triggerExpires;
    private final Clock clock;
    private final String channel;
    private final String responseUrl;
    private final SlackRef.Ephemeral clicked;
    private final String clickedUrl;
    private boolean triggerUsed;

    private Interaction(PersonRef actor, Place place, String triggerId, Instant receivedAt, Clock clock,
                        String channel, String responseUrl, SlackRef.Ephemeral clicked, String clickedUrl) {
        this.clicked = clicked;
        this.clickedUrl = clickedUrl;
        this.actor = actor;
        this.place = place;
        this.triggerId = triggerId;
        this.triggerExpires = receivedAt == null ? Instant.MIN : receivedAt.plus(TRIGGER_LIFETIME);
        this.clock = clock;
        this.channel = channel;
        this.responseUrl = responseUrl;
    }

    /** A click: its trigger may open one modal. */
    static Interaction triggered(PersonRef actor, Place place, String triggerId, Instant receivedAt, Clock clock) {
        return new Interaction(actor, place, triggerId, receivedAt, clock, null, null, null, null);
    }

    /** A click on a message shown to the person only: its {@code response_url} replaces that message. */
    static Interaction onEphemeral(PersonRef actor, Place place, String triggerId, Instant receivedAt, Clock clock,
                                   SlackRef.Ephemeral clicked, String responseUrl) {
        return new Interaction(actor, place, triggerId, receivedAt, clock, null, null, clicked, responseUrl);
    }

    /** A slash command typed in {@code channel}: its trigger, and its response URL for private answers there. */
    static Interaction command(PersonRef actor, Place place, String triggerId, Instant receivedAt, Clock clock,
                               String channel, String responseUrl) {
        return new Interaction(actor, place, triggerId, receivedAt, clock, channel, responseUrl, null, null);
    }

    /** A message, a submission or another event with nothing to open a modal with. */
    static Interaction plain(PersonRef actor, Place place, Clock clock) {
        return new Interaction(actor, place, null, null, clock, null, null, null, null);
    }

    PersonRef actor() {
        return actor;
    }

    Place place() {
        return place;
    }

    /** The command's response URL, for a private answer in {@code inChannel}, where it was typed. */
    Optional<String> responseUrl(String inChannel) {
        return responseUrl != null && inChannel != null && inChannel.equals(channel) ? Optional.of(responseUrl)
                : Optional.empty();
    }

    /** The {@code response_url} that replaces {@code message}, when it is the ephemeral message clicked on. */
    Optional<String> replacing(SlackRef message) {
        return clicked != null && clickedUrl != null && clicked.equals(message) ? Optional.of(clickedUrl)
                : Optional.empty();
    }

    /** Takes the trigger to open a modal, if it is fresh and nobody used it yet. */
    synchronized Optional<String> takeTrigger() {
        if (triggerId == null || triggerUsed || clock.instant().isAfter(triggerExpires)) {
            return Optional.empty();
        }
        triggerUsed = true;
        return Optional.of(triggerId);
    }
}

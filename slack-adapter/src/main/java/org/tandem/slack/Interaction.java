package org.tandem.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * What the core's answer to one Slack interaction may use, bound to the thread that hands the event to the core
 * (the core answers on the calling thread). The core's port only says "send this to that person"; Slack,
 * though, opens a form as a modal only with the interaction's {@code trigger_id} (valid 3 s, once), and answers
 * a modal submission in the HTTP response itself. So:
 * <ul>
 *   <li>after a command or a click, the first form for the person who acted opens as a modal with the trigger;</li>
 *   <li>while a modal submission is handled, the first form for the submitter is captured to become the
 *       response (errors or the next form), and every other send is deferred until Slack has its answer;</li>
 *   <li>after a slash command, its {@code response_url} answers the person privately where they typed it, even
 *       where Tandem is not a member.</li>
 * </ul>
 */
final class Interaction {

    /** A trigger id is valid for 3 s after the user's action; leave a margin for the call itself. */
    static final Duration TRIGGER_LIFETIME = Duration.ofMillis(2500);
    private static final ThreadLocal<Interaction> CURRENT = new ThreadLocal<>();

    private final PersonRef actor;
    private final Place place;
    private final String triggerId;
    private final Instant triggerExpires;
    private final boolean capturing;
    private final Clock clock;
    private final String channel;
    private final String responseUrl;
    private boolean triggerUsed;
    private Message captured;
    private final List<Runnable> deferred = new ArrayList<>();

    private Interaction(PersonRef actor, Place place, String triggerId, Instant receivedAt, boolean capturing,
                        Clock clock, String channel, String responseUrl) {
        this.channel = channel;
        this.responseUrl = responseUrl;
        this.actor = actor;
        this.place = place;
        this.triggerId = triggerId;
        this.triggerExpires = receivedAt == null ? Instant.MIN : receivedAt.plus(TRIGGER_LIFETIME);
        this.capturing = capturing;
        this.clock = clock;
    }

    /** A command or a click: its trigger may open one modal. */
    static Interaction triggered(PersonRef actor, Place place, String triggerId, Instant receivedAt, Clock clock) {
        return new Interaction(actor, place, triggerId, receivedAt, false, clock, null, null);
    }

    /** A slash command typed in {@code channel}: its trigger, and its response URL for private answers there. */
    static Interaction command(PersonRef actor, Place place, String triggerId, Instant receivedAt, Clock clock,
                               String channel, String responseUrl) {
        return new Interaction(actor, place, triggerId, receivedAt, false, clock, channel, responseUrl);
    }

    /** A modal submission: answers are captured for the response, other sends wait for the ack. */
    static Interaction capturing(PersonRef actor, Place place, Clock clock) {
        return new Interaction(actor, place, null, null, true, clock, null, null);
    }

    /** A message or another event with nothing to open a modal with. */
    static Interaction plain(PersonRef actor, Place place, Clock clock) {
        return new Interaction(actor, place, null, null, false, clock, null, null);
    }

    /** The command's response URL, for a private answer to {@code person} in {@code channel} (where it was typed). */
    Optional<String> responseUrl(PersonRef person, String inChannel) {
        return responseUrl != null && actor.equals(person) && inChannel != null && inChannel.equals(channel)
                ? Optional.of(responseUrl) : Optional.empty();
    }

    /** Runs the core's handling of the event with this interaction bound to the thread. */
    void run(Runnable handling) {
        Interaction outer = CURRENT.get();
        CURRENT.set(this);
        try {
            handling.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static Optional<Interaction> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Whether a send to this destination is an answer to the person who acted, where they acted. */
    boolean answers(Destination to) {
        if (to instanceof Destination.Person p) {
            return p.who().equals(actor);
        }
        if (to instanceof Destination.Admin a) {
            return place instanceof Place.Admin && a.tenant().equals(actor.tenant());
        }
        Destination.Group g = (Destination.Group) to;
        return place instanceof Place.Group pg && pg.groupId().equals(g.channel());
    }

    /** Takes the trigger to open a modal, if it is fresh and nobody used it yet. */
    Optional<String> takeTrigger() {
        if (triggerId == null || triggerUsed || clock.instant().isAfter(triggerExpires)) {
            return Optional.empty();
        }
        triggerUsed = true;
        return Optional.of(triggerId);
    }

    boolean capturing() {
        return capturing;
    }

    /** Keeps the first form answered to the submitter; false when one was kept already. */
    boolean capture(Message message) {
        if (!capturing || captured != null) {
            return false;
        }
        captured = message;
        return true;
    }

    Optional<Message> captured() {
        return Optional.ofNullable(captured);
    }

    /** A send to do once Slack has its response. */
    void defer(Runnable send) {
        deferred.add(send);
    }

    List<Runnable> deferred() {
        return List.copyOf(deferred);
    }

    PersonRef actor() {
        return actor;
    }

    Place place() {
        return place;
    }
}

package org.tandem.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.store.Retry;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.telemetry.Redacted;

/**
 * Tries parked messages again ({@link Undelivered}), oldest first, on the core's sweep or as soon as their
 * conversation appears; a message delivered at last gives its card its activity id, and one updated while it was
 * being sent is updated in place right after.
 */
final class Redelivery {

    private static final Logger log = LoggerFactory.getLogger(Redelivery.class);

    /** A parked message is tried again after a minute, doubling up to an hour, for a week at most. */
    static final Retry RETRY = new Retry(Outbox.PARKED_RETRY, Duration.ofHours(1), Integer.MAX_VALUE,
            Undelivered.MAX_AGE);

    private final Undelivered undelivered;
    private final Destinations destinations;
    private final Delivery delivery;
    private final TeamsCards cards;
    private final TeamsConversations conversations;
    private final Clock clock;

    Redelivery(Undelivered undelivered, Destinations destinations, Delivery delivery, TeamsCards cards,
               TeamsConversations conversations, Clock clock) {
        this.undelivered = undelivered;
        this.destinations = destinations;
        this.delivery = delivery;
        this.cards = cards;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** A conversation just appeared (a first message, {@code admin here}): what waited for it is sent now. */
    void flush(String tenant, String to) {
        if (undelivered.dueNow(tenant, to, clock.instant()) > 0) {
            due(100);
        }
    }

    /** Tries parked messages again, at most {@code limit}; returns how many were delivered. */
    int due(int limit) {
        int delivered = 0;
        for (int i = 0; i < limit; i++) {
            Optional<Undelivered.Parked> claimed = undelivered.claimDue(clock.instant());
            if (claimed.isEmpty()) {
                break;
            }
            delivered += tryAgain(claimed.get()) ? 1 : 0;
        }
        return delivered;
    }

    private boolean tryAgain(Undelivered.Parked p) {
        if (!p.at().plus(Undelivered.MAX_AGE).isAfter(clock.instant())) {
            log.error("gave up the message {} to {} in tenant {} after {} attempts over {}: never delivered",
                    p.id(), Logged.key(p.to()), p.tenant(), p.attempts(), Undelivered.MAX_AGE);
            undelivered.dead(p, "too old");
            delivery.meters().send(TeamsMessenger.PLATFORM, Meters.Outcome.DEAD);
            return false;
        }
        Optional<TeamsConversations.Stored> to = Optional.empty();
        Delivery.Outcome o;
        try {
            to = destinations.resolve(p.tenant(), p.to());
            o = to.map(s -> Outbox.send(delivery, s, p.to(), p.activity()))
                    .orElse(new Delivery.Outcome.Failed("no conversation yet", true));
        } catch (RuntimeException e) {
            log.error("redelivering the parked message {} to {} failed", p.id(), Logged.key(p.to()), Redacted.of(e));
            o = new Delivery.Outcome.Failed(e.toString(), true);
        }
        if (o instanceof Delivery.Outcome.Sent sent) {
            TeamsConversations.Stored s = to.orElseThrow();
            if (p.card() != null) {
                cards.delivered(p.card(), s.reference().getServiceUrl(), s.conversationId(), sent.activityId());
            }
            // updated while it was on its way: Teams shows the first version until this
            undelivered.delivered(p).ifPresent(later -> {
                later.setId(sent.activityId());
                delivery.update(Outbox.target(s), sent.activityId(), Outbox.addressed(later, s.reference()));
            });
            return true;
        }
        if (o instanceof Delivery.Outcome.Failed f && !f.retryable()) {
            undelivered.dropped(p);
            return false;
        }
        if (o instanceof Delivery.Outcome.Gone) {
            to.ifPresent(s -> conversations.markStale(s.key(), clock.instant()));
        }
        Duration asked = o instanceof Delivery.Outcome.Failed f ? f.retryIn() : Duration.ZERO;
        Retry.Next next = RETRY.after(p.attempts(), p.at(), clock.instant(), asked, true);
        if (next instanceof Retry.Next.Again again) {
            undelivered.retryLater(p, again.at(), String.valueOf(o));
        } else {
            log.error("gave up the message {} to {} in tenant {} after {} attempts: never delivered", p.id(),
                    Logged.key(p.to()), p.tenant(), p.attempts());
            undelivered.dead(p, String.valueOf(o));
            delivery.meters().send(TeamsMessenger.PLATFORM, Meters.Outcome.DEAD);
        }
        return false;
    }
}

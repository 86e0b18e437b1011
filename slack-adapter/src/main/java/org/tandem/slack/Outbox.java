package org.tandem.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.telemetry.Meters;
import org.tandem.core.telemetry.Redacted;

/**
 * Posts rendered messages with {@code chat.postMessage}, one conversation's messages in its {@link Lanes lane}, in
 * order. What Slack does not take even after the inline retries is kept in {@link Undelivered} and tried again by
 * the core's sweep ({@link #redeliver}); what follows it to the same conversation takes it along when Slack takes
 * messages again ({@link #catchUp}), else waits behind it; what Slack
 * refuses for good is recorded as dead and logged at ERROR. Nothing is dropped silently, and no message text
 * reaches the logs: only where it went, the workspace and Slack's error. In a channel the coordinators named
 * ({@link Destination.Channel}) that Slack says Tandem is not in, Tandem joins it and tries once more; one it cannot
 * join (a private channel it was removed from) keeps the message for the sweep, as when Slack is busy, so that it
 * goes out once someone invites Tandem back, and an archived one refuses it for good.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** Slack's errors for a conversation Tandem is not a member of (or cannot see). */
    static final Set<String> NOT_HERE = Set.of("channel_not_found", "not_in_channel");
    private static final String NO_ADMIN_CHANNEL = "no_admin_channel";
    /** How many kept messages a send to their conversation takes along at most, before it waits behind the rest. */
    static final int CATCH_UP = 20;

    /** Where the parts go instead when Slack says Tandem is not in the conversation; null when it did not work. */
    @FunctionalInterface
    interface Elsewhere {
        MessageRef send(List<Undelivered.Part> rest);
    }

    private final WebApi api;
    private final AdminChannels admins;
    private final Undelivered undelivered;
    private final Lanes lanes;
    private final Channels channels;

    Outbox(WebApi api, AdminChannels admins, Undelivered undelivered, Lanes lanes, Channels channels) {
        this.api = api;
        this.admins = admins;
        this.undelivered = undelivered;
        this.lanes = lanes;
        this.channels = channels;
    }

    /** Posts the parts in order; what Slack does not take is kept for the sweep, or recorded as dead. */
    MessageRef send(Destination to, List<Undelivered.Part> parts) {
        return send(to, parts, null);
    }

    /**
     * The same, with somewhere else to go when Slack says Tandem is not in the conversation. Returns the first
     * part's reference; for a message kept whole, the kept one (its updates change what goes out later).
     */
    MessageRef send(Destination to, List<Undelivered.Part> parts, Elsewhere elsewhere) {
        return lanes.in(to.tenant(), to.key(), () -> {
            if (undelivered.keeps(to.tenant(), to.key()) && !catchUp(to)) {
                // an earlier message to this conversation still waits: this one goes after it, not before
                api.meters().send(SlackMessenger.PLATFORM, Meters.Outcome.PARKED);
                return parked(to, undelivered.parkBehind(to.tenant(), to.key(), parts));
            }
            return post(to, parts, elsewhere);
        });
    }

    /**
     * Before a new message to a conversation that has some kept, those that are due go first, oldest first, one try
     * each (in the conversation's lane, which the caller holds): when Slack takes them again, a turn's answer does
     * not wait for the next sweep, and still comes after them. True when nothing waits for the conversation any
     * more; a try Slack refuses plans that message again as the sweep would.
     */
    private boolean catchUp(Destination to) {
        for (int i = 0; i < CATCH_UP; i++) {
            Optional<Undelivered.Parked> oldest = undelivered.claimOldestDue(to.tenant(), to.key());
            if (oldest.isEmpty() || !redeliver(oldest.get(), new HashSet<>())) {
                break;
            }
        }
        return !undelivered.keeps(to.tenant(), to.key());
    }

    private MessageRef post(Destination to, List<Undelivered.Part> parts, Elsewhere elsewhere) {
        MessageRef first = null;
        int sent = 0;
        try {
            for (Undelivered.Part part : parts) {
                SlackRef.Posted posted = postPart(to.tenant(), to.key(), part, false);
                if (first == null) {
                    first = posted.ref();
                }
                sent++;
            }
            return first;
        } catch (WebApi.Failed e) {
            List<Undelivered.Part> rest = parts.subList(sent, parts.size());
            MessageRef there = elsewhere != null && NOT_HERE.contains(e.error) ? elsewhere.send(rest) : null;
            if (there != null) {
                return first != null ? first : there;
            }
            Optional<ObjectId> kept = keep(to, rest, e, first != null);
            return first != null ? first : kept.map(id -> parked(to, id)).orElse(SlackMessenger.PENDING);
        }
    }

    private static MessageRef parked(Destination to, ObjectId id) {
        return new SlackRef.Parked(to.tenant(), id.toHexString(), to.key()).ref();
    }

    private Optional<ObjectId> keep(Destination to, List<Undelivered.Part> rest, WebApi.Failed e, boolean started) {
        String tenant = to.tenant();
        if (NO_ADMIN_CHANNEL.equals(e.error)) {
            log.warn("Slack workspace {} has no admin channel yet: a message for its coordinators is kept until one "
                    + "of them types /mentor admin here in a private channel", tenant);
            return Optional.of(undelivered.hold(tenant, to.key(), rest));
        }
        if (e.notInstalled()) {
            log.info("a message to {} was not sent: workspace {} is not installed (any more)", Logged.to(to), tenant);
            return Optional.empty();
        }
        if (e.retryable) {
            api.meters().send(SlackMessenger.PLATFORM, Meters.Outcome.PARKED);
            log.warn("Slack did not take a message to {} in {} ({}): kept in slack_undelivered for the sweep",
                    Logged.to(to), tenant, e.error);
            return Optional.of(started ? undelivered.parkRest(tenant, to.key(), rest, e.error, e.retryAfter)
                    : undelivered.park(tenant, to.key(), rest, e.error, e.retryAfter));
        }
        undelivered.dead(tenant, to.key(), e.error);
        api.meters().send(SlackMessenger.PLATFORM, Meters.Outcome.DEAD);
        log.error("Slack refused a message to {} in {} ({}): it cannot be delivered", Logged.to(to), tenant,
                e.error);
        return Optional.empty();
    }

    /**
     * Tries again, at most {@code limit}, the messages that are due, each in its conversation's lane and never
     * before an older one to the same conversation; returns how many went out. One try per message and no waiting
     * here (this is the scheduler's thread): a refused try is planned again in the store, and the workspace that
     * refused it is left alone until the next sweep.
     */
    int redeliver(int limit) {
        long expired = undelivered.expireHeld();
        if (expired > 0) {
            log.error("{} message(s) for an admin channel were given up: no admin channel was chosen in {}", expired,
                    Undelivered.KEEP_HELD);
        }
        int delivered = 0;
        Set<String> refusing = new HashSet<>();
        for (int i = 0; i < limit; i++) {
            Optional<Undelivered.Parked> claimed = undelivered.claimDue(refusing);
            if (claimed.isEmpty()) {
                break;
            }
            Undelivered.Parked p = claimed.get();
            if (lanes.in(p.tenant(), p.to(), () -> redeliver(p, refusing))) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean redeliver(Undelivered.Parked p, Set<String> refusing) {
        int sent = 0;
        try {
            for (Undelivered.Part part : p.parts()) {
                SlackRef.Posted posted = postPart(p.tenant(), p.to(), part, true);
                if (sent == 0) {
                    undelivered.firstWent(p, posted);
                }
                sent++;
            }
            undelivered.delivered(p);
            log.info("the kept message {} to {} in {} since {} was delivered", p.id(), Logged.to(p.to()), p.tenant(),
                    p.since());
            return true;
        } catch (WebApi.Failed e) {
            if (sent > 0) {
                undelivered.sent(p, sent);
            }
            if (NO_ADMIN_CHANNEL.equals(e.error)) {
                undelivered.holdAgain(p);
            } else if (e.notInstalled()) {
                undelivered.dropped(p);
                log.info("the kept message {} to {} was dropped: workspace {} is not installed (any more)", p.id(),
                        Logged.to(p.to()), p.tenant());
            } else if (undelivered.failed(p, e.error, e.retryable, e.retryAfter) == Undelivered.Outcome.DEAD) {
                log.error("the message {} to {} in {} could not be delivered after {} tries since {} ({}): given up",
                        p.id(), Logged.to(p.to()), p.tenant(), p.attempts(), p.since(), e.error);
            } else {
                refusing.add(p.tenant());
                log.info("the kept message {} to {} in {} was refused again ({}, try {})", p.id(), Logged.to(p.to()),
                        p.tenant(), e.error, p.attempts());
            }
        } catch (RuntimeException e) {
            // not Slack's answer but ours (a bug, the database): kept for later, and the sweep goes on
            undelivered.failed(p, e.getClass().getSimpleName(), true, Duration.ZERO);
            log.error("redelivering the kept message {} to {} in {} failed", p.id(), Logged.to(p.to()), p.tenant(),
                    Redacted.of(e));
        }
        return false;
    }

    /**
     * One chat.postMessage; {@code once} for redeliveries (no inline retries). A named channel Tandem is not in is
     * joined and tried once more.
     */
    private SlackRef.Posted postPart(String tenant, String to, Undelivered.Part part, boolean once) {
        Destination where = Destination.fromKey(tenant, to);
        String channel = where.channel(admins).orElseThrow(() ->
                new WebApi.Failed("chat.postMessage", NO_ADMIN_CHANNEL, true, Duration.ZERO, null));
        WebApi.Call<ChatPostMessageResponse> call = c -> c.chatPostMessage(m -> m.channel(channel)
                .text(part.text()).blocksAsString(part.blocks()));
        ChatPostMessageResponse r;
        try {
            r = api.post(tenant, channel, "chat.postMessage", once, call);
        } catch (WebApi.Failed e) {
            if (!(where instanceof Destination.Channel) || !NOT_HERE.contains(e.error)) {
                throw e;
            }
            if (!channels.join(tenant, channel)) {
                log.warn("Tandem is not in channel {} of Slack workspace {} and cannot join it (a private channel: "
                        + "invite Tandem there); the message is kept for later", channel, tenant);
                throw new WebApi.Failed("chat.postMessage", e.error, true, Duration.ZERO, e);
            }
            r = api.post(tenant, channel, "chat.postMessage", once, call);
        }
        return new SlackRef.Posted(tenant, r.getChannel(), r.getTs());
    }
}

package org.tandem.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.MessageRef;

/**
 * Posts rendered messages with {@code chat.postMessage}. What Slack does not take even after the inline retries is
 * kept in {@link Undelivered} and tried again by the core's sweep ({@link #redeliver}); what Slack refuses for good
 * is recorded as dead and logged at ERROR. Nothing is dropped silently, and no message text reaches the logs:
 * only where it went, the workspace and Slack's error.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String DM = "dm:";
    private static final String GROUP = "group:";
    private static final String ADMIN = "admin";

    /** Slack's errors for a conversation Tandem is not a member of (or cannot see). */
    static final Set<String> NOT_HERE = Set.of("channel_not_found", "not_in_channel");
    private static final String NO_ADMIN_CHANNEL = "no_admin_channel";

    /** Where the parts go instead when Slack says Tandem is not in the conversation; null when it did not work. */
    @FunctionalInterface
    interface Elsewhere {
        MessageRef send(List<Undelivered.Part> rest);
    }

    private final WebApi api;
    private final AdminChannels admins;
    private final Undelivered undelivered;

    Outbox(WebApi api, AdminChannels admins, Undelivered undelivered) {
        this.api = api;
        this.admins = admins;
        this.undelivered = undelivered;
    }

    /** Where a destination is, as kept: {@code dm:<user>}, {@code group:<channel>}, {@code admin}. */
    static String address(Destination to) {
        if (to instanceof Destination.Person p) {
            return DM + p.who().userId();
        }
        if (to instanceof Destination.Group g) {
            return GROUP + g.channel();
        }
        return ADMIN;
    }

    /** Posts the parts in order; what Slack does not take is kept for the sweep, or recorded as dead. */
    MessageRef send(String tenant, String to, List<Undelivered.Part> parts) {
        return send(tenant, to, parts, null);
    }

    /** The same, with somewhere else to go when Slack says Tandem is not in the conversation. */
    MessageRef send(String tenant, String to, List<Undelivered.Part> parts, Elsewhere elsewhere) {
        MessageRef first = null;
        int sent = 0;
        try {
            for (Undelivered.Part part : parts) {
                ChatPostMessageResponse r = postPart(tenant, to, part, false);
                if (first == null) {
                    first = new MessageRef(SlackMessenger.PLATFORM, tenant + "/" + r.getChannel() + "/" + r.getTs());
                }
                sent++;
            }
        } catch (WebApi.Failed e) {
            List<Undelivered.Part> rest = parts.subList(sent, parts.size());
            MessageRef there = elsewhere != null && NOT_HERE.contains(e.error) ? elsewhere.send(rest) : null;
            if (there == null) {
                keep(tenant, to, rest, e);
            }
        }
        return first == null ? SlackMessenger.PENDING : first;
    }

    private void keep(String tenant, String to, List<Undelivered.Part> rest, WebApi.Failed e) {
        if (NO_ADMIN_CHANNEL.equals(e.error)) {
            undelivered.hold(tenant, to, rest);
            log.warn("Slack workspace {} has no admin channel yet: a message for its coordinators is kept until one "
                    + "of them types /mentor admin here in a private channel", tenant);
        } else if (e.notInstalled()) {
            log.info("a message to {} was not sent: workspace {} is not installed (any more)", to, tenant);
        } else if (e.retryable) {
            undelivered.park(tenant, to, rest, e.error, e.retryAfter);
            log.warn("Slack did not take a message to {} in {} ({}): kept in slack_undelivered for the sweep", to,
                    tenant, e.error);
        } else {
            undelivered.dead(tenant, to, e.error);
            log.error("Slack refused a message to {} in {} ({}): it cannot be delivered", to, tenant, e.error);
        }
    }

    /**
     * Tries again, at most {@code limit}, the messages that are due; returns how many went out. One try per message
     * and no waiting here (this is the scheduler's thread): a refused try is planned again in the store, and the
     * workspace that refused it is left alone until the next sweep.
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
            int sent = 0;
            try {
                for (Undelivered.Part part : p.parts()) {
                    postPart(p.tenant(), p.to(), part, true);
                    sent++;
                }
                undelivered.delivered(p);
                delivered++;
                log.info("a message to {} in {} kept since {} was delivered", p.to(), p.tenant(), p.since());
            } catch (WebApi.Failed e) {
                if (sent > 0) {
                    undelivered.sent(p, sent);
                }
                if (NO_ADMIN_CHANNEL.equals(e.error)) {
                    undelivered.holdAgain(p);
                } else if (e.notInstalled()) {
                    undelivered.dropped(p);
                    log.info("a kept message to {} was dropped: workspace {} is not installed (any more)", p.to(),
                            p.tenant());
                } else if (undelivered.failed(p, e.error, e.retryable, e.retryAfter) == Undelivered.Outcome.DEAD) {
                    log.error("a message to {} in {} could not be delivered after {} tries since {} ({}): given up",
                            p.to(), p.tenant(), p.attempts(), p.since(), e.error);
                } else {
                    refusing.add(p.tenant());
                    log.info("a kept message to {} in {} was refused again ({}, try {})", p.to(), p.tenant(), e.error,
                            p.attempts());
                }
            } catch (RuntimeException e) {
                // not Slack's answer but ours (a bug, the database): kept for later, and the sweep goes on
                undelivered.failed(p, e.getClass().getSimpleName(), true, Duration.ZERO);
                log.error("redelivering a message to {} in {} failed: {}", p.to(), p.tenant(),
                        e.getClass().getName());
            }
        }
        return delivered;
    }

    /** One chat.postMessage; {@code once} for redeliveries (no inline retries). */
    private ChatPostMessageResponse postPart(String tenant, String to, Undelivered.Part part, boolean once) {
        String channel = channel(tenant, to);
        WebApi.Call<ChatPostMessageResponse> call = c -> c.chatPostMessage(m -> m.channel(channel)
                .text(part.text()).blocksAsString(part.blocks()));
        return once ? api.callOnce(tenant, "chat.postMessage", call) : api.call(tenant, "chat.postMessage", call);
    }

    /** The channel to post to (a user id opens the DM); the admin channel is read now, it may be set since. */
    private String channel(String tenant, String to) {
        if (to.startsWith(DM)) {
            return to.substring(DM.length());
        }
        if (to.startsWith(GROUP)) {
            return to.substring(GROUP.length());
        }
        return admins.of(tenant).orElseThrow(() -> new WebApi.Failed("chat.postMessage", NO_ADMIN_CHANNEL, true,
                Duration.ZERO, null));
    }
}

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

    private final WebApi api;
    private final String adminChannel;
    private final Undelivered undelivered;

    Outbox(WebApi api, String adminChannel, Undelivered undelivered) {
        this.api = api;
        this.adminChannel = adminChannel;
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
            keep(tenant, to, parts.subList(sent, parts.size()), e);
        }
        return first == null ? SlackMessenger.PENDING : first;
    }

    private void keep(String tenant, String to, List<Undelivered.Part> rest, WebApi.Failed e) {
        if (e.notInstalled()) {
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
                if (e.notInstalled()) {
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
        String channel = channel(to);
        WebApi.Call<ChatPostMessageResponse> call = c -> c.chatPostMessage(m -> m.channel(channel)
                .text(part.text()).blocksAsString(part.blocks()));
        return once ? api.callOnce(tenant, "chat.postMessage", call) : api.call(tenant, "chat.postMessage", call);
    }

    /** The channel to post to (a user id opens the DM); the admin channel is read now, it may be set since. */
    private String channel(String to) {
        if (to.startsWith(DM)) {
            return to.substring(DM.length());
        }
        if (to.startsWith(GROUP)) {
            return to.substring(GROUP.length());
        }
        if (adminChannel == null) {
            throw new WebApi.Failed("chat.postMessage", "no admin channel (tandem.slack.admin-channel)", true,
                    Duration.ZERO, null);
        }
        return adminChannel;
    }
}

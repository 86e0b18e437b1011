package org.tandem.slack;

import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.model.Conversation;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * {@code admin here} ({@code /mentor admin here}, or a mention): makes the channel it is typed in the workspace's
 * admin channel, and sends what waited for one. What is safe decides, not only who asks:
 * <ul>
 *   <li>only a private channel Tandem is a member of, never a public one (anyone could read and post there), a
 *       DM or group DM, nor a channel shared with another organisation (its people would become coordinators);</li>
 *   <li>only a coordinator: with {@code tandem.slack.coordinators}, one of them; without, a member of the current
 *       admin channel (whoever can post there is a coordinator); with none yet, the first to ask (logged loudly:
 *       the README says to do it right after installing, or to set the list).</li>
 * </ul>
 * Refusals are whispered to the person (see {@link SlackReplies#whisper}), never posted in the channel.
 */
final class AdminHere {

    private static final Logger log = LoggerFactory.getLogger(AdminHere.class);
    static final String WORDS = "admin here";
    /** Members read to decide whether someone may move the admin channel (200 per page). */
    static final int MAX_PAGES = 25;

    private final WebApi api;
    private final Places places;
    private final SlackMessenger messenger;
    private final Function<PersonRef, Locale> locales;
    private final Clock clock;

    AdminHere(WebApi api, Places places, SlackMessenger messenger, Function<PersonRef, Locale> locales, Clock clock) {
        this.api = api;
        this.places = places;
        this.messenger = messenger;
        this.locales = locales;
        this.clock = clock;
    }

    /** Whether a command or a mention is {@code admin here} (any case, any spacing). */
    static boolean asked(String text) {
        return text != null && text.strip().replaceAll("\\s+", " ").equalsIgnoreCase(WORDS);
    }

    /** Where it is typed decides where it is answered: in the channel, privately ({@link #place}). */
    static Place place(String channel) {
        return channel == null || Destination.isDm(channel) ? Place.DIRECT : Place.group(channel);
    }

    /** Runs in the person's turn; {@code replies} answers them privately where they typed it ({@link #place}). */
    void run(PersonRef who, String channel, SlackReplies replies) {
        SlackTexts t = SlackTexts.of(locales.apply(who));
        String tenant = who.tenant();
        if (place(channel) instanceof Place.Direct) {
            replies.whisper(t.message("admin.here.dm"));
            return;
        }
        Optional<Conversation> info = info(tenant, channel);
        if (info.isEmpty() || !info.get().isPrivate() || info.get().isMpim() || info.get().isIm()
                || !info.get().isMember()) {
            replies.whisper(t.message("admin.here.private-only"));
            return;
        }
        if (info.get().isExtShared() || info.get().isPendingExtShared()) {
            replies.whisper(t.message("admin.here.shared"));
            return;
        }
        Optional<String> current = places.admins().of(tenant);
        if (current.filter(channel::equals).isPresent()) {
            replies.whisper(t.message("admin.here.already"));
            return;
        }
        if (!allowed(who, current)) {
            log.warn("someone who is not a coordinator asked to make {} the admin channel of Slack workspace {}",
                    channel, tenant);
            replies.whisper(t.message("admin.here.refused"));
            return;
        }
        if (current.isEmpty() && !places.listed()) {
            log.warn("the first admin here of Slack workspace {} made {} its admin channel, on the word of whoever "
                    + "typed it, who is kept with it (set tandem.slack.coordinators to say who may)", tenant, channel);
        }
        places.admins().set(tenant, channel, who.userId(), clock.instant());
        log.info("a coordinator made Slack channel {} the admin channel of workspace {}", channel, tenant);
        messenger.send(Address.group(new GroupRef(SlackMessenger.PLATFORM, tenant, channel)),
                t.message("admin.here.done"));
        messenger.flushAdmin(tenant);
    }

    private boolean allowed(PersonRef who, Optional<String> current) {
        if (places.listed()) {
            return places.coordinator(who.userId());
        }
        return current.isEmpty() || member(who, current.get());
    }

    /** What Slack says of the channel; empty when Tandem cannot see it (not a member of a private one). */
    private Optional<Conversation> info(String tenant, String channel) {
        try {
            return Optional.ofNullable(api.call(tenant, "conversations.info",
                    c -> c.conversationsInfo(r -> r.channel(channel))).getChannel());
        } catch (WebApi.Failed e) {
            if (!Outbox.NOT_HERE.contains(e.error)) {
                log.warn("conversations.info failed in {} ({}); Tandem needs the groups:read scope", tenant, e.error);
            }
            return Optional.empty();
        }
    }

    /** Whether the person is in the current admin channel; not knowing counts as no. */
    private boolean member(PersonRef who, String channel) {
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String from = cursor;
                ConversationsMembersResponse r = api.call(who.tenant(), "conversations.members",
                        c -> c.conversationsMembers(q -> q.channel(channel).limit(200).cursor(from)));
                if (r.getMembers() != null && r.getMembers().contains(who.userId())) {
                    return true;
                }
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    return false;
                }
            }
        } catch (WebApi.Failed e) {
            log.warn("could not read the members of the admin channel of {} ({})", who.tenant(), e.error);
        }
        return false;
    }
}

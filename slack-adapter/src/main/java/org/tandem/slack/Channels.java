package org.tandem.slack;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.ChannelRef;

/**
 * The channels a coordinator names (a recognition channel, where an announcement goes), as they typed them: Slack's
 * mention of one ({@code <#C123|kudos>}, {@code <#C123>}), its id, or its name with or without {@code #}. An id is
 * asked with {@code conversations.info}, a name is looked for with {@code conversations.list} (the public channels,
 * and the private ones Tandem is in, which are the only ones Slack lists). Tandem joins a public channel it is not in
 * ({@code conversations.join}), so that it can post there; a private channel it is not in, an archived one, a DM or an
 * unknown name is none. Slack's refusals other than "no such channel" are thrown: busy is not the same as unknown.
 */
final class Channels {

    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    /** Slack's mention of a channel, as a slash command's escaped text or a message carries it. */
    private static final Pattern MENTION = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");
    /** A channel's id: Slack's names are lowercase, so an uppercase word is never one. */
    private static final Pattern ID = Pattern.compile("[CG][A-Z0-9]{2,}");
    /** A channel's name as Slack allows it: lowercase letters, digits, '-', '_' and a few more, 80 at most. */
    private static final Pattern NAME = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_\\-.']{1,80}");
    /** The most Slack returns a page, and what it recommends. */
    static final int PAGE = 200;
    /** Slack's answers for a conversation Tandem cannot see. */
    private static final List<String> UNKNOWN = List.of("channel_not_found", "not_in_channel");

    private final WebApi api;

    Channels(WebApi api) {
        this.api = api;
    }

    Optional<ChannelRef> channel(String tenant, String typed) {
        String t = typed == null ? "" : typed.strip();
        Matcher mention = MENTION.matcher(t);
        if (mention.matches()) {
            return byId(tenant, mention.group(1));
        }
        if (ID.matcher(t).matches()) {
            return byId(tenant, t);
        }
        String name = (t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT);
        return NAME.matcher(name).matches() ? byName(tenant, name) : Optional.empty();
    }

    private Optional<ChannelRef> byId(String tenant, String id) {
        try {
            Conversation c = api.call(tenant, "conversations.info", m -> m.conversationsInfo(r -> r.channel(id)))
                    .getChannel();
            return usable(tenant, c);
        } catch (WebApi.Failed e) {
            if (UNKNOWN.contains(e.error)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Page after page until the name is found: a big workspace has thousands of channels. */
    private Optional<ChannelRef> byName(String tenant, String name) {
        String cursor = null;
        do {
            String page = cursor;
            ConversationsListResponse r = api.call(tenant, "conversations.list", m -> m.conversationsList(q -> q
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(true).limit(PAGE).cursor(page)));
            for (Conversation c : r.getChannels()) {
                if (name.equals(c.getName()) || name.equals(c.getNameNormalized())) {
                    return usable(tenant, c);
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        return Optional.empty();
    }

    /** A channel Tandem can post in, joining a public one it is not in yet. */
    private Optional<ChannelRef> usable(String tenant, Conversation c) {
        if (c == null || c.isArchived() || c.isIm() || c.isMpim()) {
            return Optional.empty();
        }
        if (!c.isMember() && (c.isPrivate() || !join(tenant, c.getId()))) {
            return Optional.empty();
        }
        return Optional.of(new ChannelRef(SlackMessenger.PLATFORM, tenant, c.getId(),
                c.getName() == null ? c.getId() : c.getName()));
    }

    /**
     * Joins a public channel; false when Slack refuses for good (archived, private, gone). Needs the
     * {@code channels:join} scope: without it Slack says {@code missing_scope}, which is logged as such.
     */
    boolean join(String tenant, String channel) {
        try {
            api.call(tenant, "conversations.join", m -> m.conversationsJoin(r -> r.channel(channel)));
            log.info("Tandem joined channel {} of Slack workspace {} to post there", channel, tenant);
            return true;
        } catch (WebApi.Failed e) {
            if (e.retryable) {
                throw e;
            }
            log.warn("Tandem could not join channel {} of Slack workspace {} ({})", channel, tenant, e.error);
            return false;
        }
    }
}

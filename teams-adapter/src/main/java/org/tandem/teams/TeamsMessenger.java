package org.tandem.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Scope;

/**
 * The core's outbound port for Teams. Every message is an Adaptive Card sent proactively through a stored
 * conversation reference (replies included: the core answers after the request was acknowledged). A person with no
 * personal chat yet gets one opened in a tenant where the bot is installed; what cannot be delivered is parked in
 * {@link Undelivered}. Introductions are 1:1 messages with a deep link to a chat of the pair, because a bot
 * cannot create a group chat without Microsoft Graph.
 */
final class TeamsMessenger implements PlatformMessenger {

    static final String PLATFORM = "teams";
    static final String INTRO = "intro:";
    static final String CONVERSATION = "conv:";

    private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);
    private static final Duration PARKED_RETRY = Duration.ofMinutes(1);

    private final TeamsConversations conversations;
    private final Delivery delivery;
    private final Undelivered undelivered;
    private final MemberLookup members;
    private final TenantPresence presence;
    private final TeamsProperties properties;
    private final Clock clock;
    // set once at start by the configuration (kept out of the constructor while the adapter changes in parallel)
    private volatile TeamsFiles files;

    TeamsMessenger(TeamsConversations conversations, Delivery delivery, Undelivered undelivered,
                   MemberLookup members, TeamsProperties properties, Clock clock) {
        this.conversations = conversations;
        this.delivery = delivery;
        this.undelivered = undelivered;
        this.members = members;
        this.presence = new TenantPresence(conversations, delivery);
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef send(Address to, Message message) {
        if (to instanceof Address.Person p) {
            return toPerson(p.person().tenant(), p.person().userId(), message, card -> { });
        }
        if (to instanceof Address.Group g) {
            return sendToGroup(g.group(), message);
        }
        return sendToAdmin(to.scope().tenant(), message);
    }

    @Override
    public GroupRef openGroup(List<PersonRef> people, Message message) {
        String tenant = people.get(0).tenant();
        List<String> ids = people.stream().map(PersonRef::userId).toList();
        String id = conversations.openGroup(tenant, ids, clock.instant());
        Map<String, Optional<String>> addresses = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String user : ids) {
            Optional<TeamsConversations.Stored> stored = conversations.person(tenant, user);
            names.put(user, stored.map(TeamsConversations.Stored::name).orElse(user));
            addresses.put(user, stored.flatMap(members::address));
        }
        for (String user : ids) {
            List<String> others = ids.stream().filter(u -> !u.equals(user)).toList();
            toPerson(tenant, user, message, card -> chatLink(card, tenant, user, others, addresses, names));
        }
        return new GroupRef(PLATFORM, tenant, INTRO + id);
    }

    private MessageRef sendToGroup(GroupRef group, Message message) {
        if (group.id().startsWith(INTRO)) {
            MessageRef last = null;
            for (String user : conversations.members(group.id().substring(INTRO.length()))) {
                last = toPerson(group.tenant(), user, message, card -> { });
            }
            return last != null ? last : new MessageRef(PLATFORM, "undelivered:no-members");
        }
        String conversationId = group.id().startsWith(CONVERSATION)
                ? group.id().substring(CONVERSATION.length()) : group.id();
        return toConversation(group.tenant(), conversationId, "conversation:" + conversationId, message);
    }

    private MessageRef sendToAdmin(String tenant, Message message) {
        Optional<String> admin = conversations.admin(tenant).or(() -> Optional.ofNullable(properties.adminChannel()));
        if (admin.isEmpty()) {
            log.warn("no admin channel for Teams tenant {}: a coordinator should type 'admin here' in one; "
                    + "the message is kept until then", tenant);
            return park(tenant, "admin", activity(message, Locale.ENGLISH, card -> { }), "no admin channel");
        }
        return toConversation(tenant, admin.get(), "admin", message);
    }

    /**
     * Teams keeps what it delivered; Tandem drops every copy of its own: the person's chat reference, contact and
     * place in introductions, what waits for them (the farewell too, if Teams had not taken it yet), what waits for
     * others but names them or quotes them, and the stored files that do (their my-data, an export listing them).
     */
    @Override
    public void forget(Forgotten forgotten) {
        PersonRef person = forgotten.person();
        List<String> ids = conversations.forgetPerson(person.tenant(), person.userId());
        Needles needles = Needles.of(forgotten, ids);
        conversations.forgetSpeaker(person.tenant(), needles);
        long messages = undelivered.forget(person.tenant(), "person:" + person.userId(), needles);
        long stored = files == null ? 0 : files.forget(person.tenant(), needles);
        log.info("forgot a Teams person of tenant {}: {} parked message(s) and {} file(s) went with them",
                person.tenant(), messages, stored);
    }

    /** Whether a tenant that removed the bot has it again: see {@link TenantPresence}. */
    @Override
    public Presence presence(Scope scope) {
        return presence.of(scope.tenant());
    }

    /** Where files wait for their download link (set once at start; without it files are not supported). */
    void files(TeamsFiles files) {
        this.files = files;
    }

    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (to instanceof Address.Person p) {
            return sendFileToPerson(p.person(), file, message);
        }
        if (to instanceof Address.Admin a) {
            return sendFileToAdmin(a.scope().tenant(), file, message);
        }
        throw new IllegalArgumentException("a file goes to a person or to the coordinators, not to a group");
    }

    /** The message with a link to download the file: a bot uploads nothing into a chat without Graph. */
    private MessageRef sendFileToPerson(PersonRef person, FileAttachment file, Message message) {
        String link = link(person.tenant(), file);
        return toPerson(person.tenant(), person.userId(), message, card -> download(card, person, file, link));
    }

    private MessageRef sendFileToAdmin(String tenant, FileAttachment file, Message message) {
        String link = link(tenant, file);
        Optional<String> admin = conversations.admin(tenant).or(() -> Optional.ofNullable(properties.adminChannel()));
        if (admin.isEmpty()) {
            return sendToAdmin(tenant, message);
        }
        return toConversation(tenant, admin.get(), "admin", message,
                card -> AdaptiveCards.addLink(card, TeamsTexts.of(Locale.ENGLISH).get("file.download", file.name()),
                        link));
    }

    /** Throws {@link UnsupportedOperationException} without a public address: the core then says so in words. */
    private String link(String tenant, FileAttachment file) {
        if (files == null) {
            throw new UnsupportedOperationException("files are not configured for Teams");
        }
        return files.link(tenant, file);
    }

    private void download(ObjectNode card, PersonRef person, FileAttachment file, String link) {
        Locale locale = conversations.person(person.tenant(), person.userId()).map(TeamsConversations.Stored::locale)
                .orElse(Locale.ENGLISH);
        AdaptiveCards.addLink(card, TeamsTexts.of(locale).get("file.download", file.name()), link);
    }

    @Override
    public boolean update(MessageRef ref, Message message) {
        Optional<String[]> parts = decode(ref.id());
        if (parts.isEmpty()) {
            return false;
        }
        String[] p = parts.get();
        Delivery.Target target = new Delivery.Target("update:" + p[2], p[1], p[0], p[2]);
        Activity a = activity(message, Locale.ENGLISH, card -> { });
        a.setId(p[3]);
        return delivery.update(target, p[3], a) instanceof Delivery.Outcome.Sent;
    }

    /** A conversation just appeared (a first message, {@code admin here}): what waited for it is sent now. */
    void flush(String tenant, String to) {
        if (undelivered.dueNow(tenant, to, clock.instant()) > 0) {
            redeliverDue(100);
        }
    }

    /** Tries parked messages again, at most {@code limit}; the core's sweep calls it on every replica. */
    @Override
    public int redeliver(int limit) {
        return redeliverDue(limit);
    }

    /** Tries parked messages again, at most {@code limit}; returns how many were delivered. */
    int redeliverDue(int limit) {
        int delivered = 0;
        for (int i = 0; i < limit; i++) {
            Optional<Undelivered.Parked> claimed = undelivered.claimDue(clock.instant());
            if (claimed.isEmpty()) {
                break;
            }
            Undelivered.Parked p = claimed.get();
            if (p.at().plus(Undelivered.MAX_AGE).isBefore(clock.instant())) {
                log.error("gave up a message to {} in tenant {} after {} attempts over {}: never delivered",
                        p.to(), p.tenant(), p.attempts(), Undelivered.MAX_AGE);
                undelivered.dead(p.id(), "too old");
                continue;
            }
            Optional<TeamsConversations.Stored> to = Optional.empty();
            Delivery.Outcome o;
            try {
                to = resolve(p.tenant(), p.to());
                o = to.map(s -> delivery.send(target(s), addressed(p.activity(), s.reference())))
                        .orElse(new Delivery.Outcome.Failed("no conversation yet", true));
            } catch (RuntimeException e) {
                log.error("redelivering a parked message to {} failed", p.to(), e);
                o = new Delivery.Outcome.Failed(e.toString(), true);
            }
            if (o instanceof Delivery.Outcome.Sent || o instanceof Delivery.Outcome.Failed f && !f.retryable()) {
                undelivered.delivered(p.id());
                delivered += o instanceof Delivery.Outcome.Sent ? 1 : 0;
            } else {
                if (o instanceof Delivery.Outcome.Gone) {
                    to.ifPresent(s -> conversations.markStale(s.key(), clock.instant()));
                }
                Duration later = PARKED_RETRY.multipliedBy(Math.min(p.attempts(), 60));
                if (o instanceof Delivery.Outcome.Failed f && f.retryIn().compareTo(later) > 0) {
                    later = f.retryIn();
                }
                undelivered.retryLater(p.id(), p.leasedUntil(), clock.instant().plus(later), String.valueOf(o));
            }
        }
        return delivered;
    }

    private MessageRef toPerson(String tenant, String userId, Message message, Consumer<ObjectNode> extra) {
        Optional<TeamsConversations.Stored> stored = conversations.person(tenant, userId)
                .filter(s -> !s.stale()).or(() -> openPersonal(tenant, userId));
        Locale locale = stored.map(TeamsConversations.Stored::locale).orElse(Locale.ENGLISH);
        Activity a = activity(message, locale, extra);
        if (stored.isEmpty()) {
            log.warn("no personal chat with Teams user {} in {}: the message is kept until there is one", userId,
                    tenant);
            return park(tenant, "person:" + userId, a, "no conversation");
        }
        return deliver(stored.get(), "person:" + userId, a);
    }

    private MessageRef toConversation(String tenant, String conversationId, String to, Message message) {
        return toConversation(tenant, conversationId, to, message, card -> { });
    }

    private MessageRef toConversation(String tenant, String conversationId, String to, Message message,
                                      Consumer<ObjectNode> extra) {
        Optional<TeamsConversations.Stored> stored = conversations.conversation(tenant, conversationId)
                .or(() -> borrowed(tenant, conversationId));
        Activity a = activity(message, Locale.ENGLISH, extra);
        if (stored.isEmpty() || stored.get().stale()) {
            log.warn("the bot is not (or no longer) in Teams conversation {} of {}: the message is kept",
                    conversationId, tenant);
            return park(tenant, to, a, "no conversation");
        }
        return deliver(stored.get(), to, a);
    }

    private MessageRef deliver(TeamsConversations.Stored to, String parkAs, Activity activity) {
        ConversationReference ref = to.reference();
        Delivery.Outcome outcome = delivery.send(target(to), addressed(activity, ref));
        if (outcome instanceof Delivery.Outcome.Sent sent) {
            return new MessageRef(PLATFORM, encode(ref.getServiceUrl(), to.tenant(), to.conversationId(),
                    sent.activityId()));
        }
        if (outcome instanceof Delivery.Outcome.Gone) {
            conversations.markStale(to.key(), clock.instant());
            return new MessageRef(PLATFORM, "undelivered:gone");
        }
        Delivery.Outcome.Failed failed = (Delivery.Outcome.Failed) outcome;
        return failed.retryable() ? park(to.tenant(), parkAs, activity, failed.reason(), failed.retryIn())
                : new MessageRef(PLATFORM, "undelivered:refused");
    }

    private MessageRef park(String tenant, String to, Activity activity, String reason) {
        return park(tenant, to, activity, reason, Duration.ZERO);
    }

    /** Parks a message, due again in a minute, or when Teams said (never sooner). */
    private MessageRef park(String tenant, String to, Activity activity, String reason, Duration wait) {
        undelivered.park(tenant, to, activity, reason, clock.instant(), wait.compareTo(PARKED_RETRY) > 0 ? wait
                : PARKED_RETRY);
        return new MessageRef(PLATFORM, "undelivered:parked");
    }

    private Optional<TeamsConversations.Stored> resolve(String tenant, String to) {
        if (to.startsWith("person:")) {
            String user = to.substring("person:".length());
            return conversations.person(tenant, user).filter(s -> !s.stale()).or(() -> openPersonal(tenant, user));
        }
        Optional<String> id = to.equals("admin")
                ? conversations.admin(tenant).or(() -> Optional.ofNullable(properties.adminChannel()))
                : Optional.of(to.substring("conversation:".length()));
        return id.flatMap(c -> conversations.conversation(tenant, c).or(() -> borrowed(tenant, c)))
                .filter(s -> !s.stale());
    }

    /** A configured channel the bot never heard from: the tenant's service URL and bot account, with its id. */
    private Optional<TeamsConversations.Stored> borrowed(String tenant, String conversationId) {
        return conversations.anyOf(tenant).map(any -> {
            ConversationReference ref = ConversationReference.clone(any.reference());
            ConversationAccount c = new ConversationAccount(conversationId);
            c.setTenantId(tenant);
            c.setConversationType("channel");
            c.setIsGroup(true);
            ref.setConversation(c);
            ref.setUser(null);
            ref.setActivityId(null);
            return new TeamsConversations.Stored(TeamsConversations.conversationKey(tenant, conversationId), tenant,
                    ref, Locale.ENGLISH, null, null, null, false);
        });
    }

    /** Opens a personal chat with someone the bot can reach through an installation in their tenant. */
    private Optional<TeamsConversations.Stored> openPersonal(String tenant, String userId) {
        Optional<TeamsConversations.Stored> any = conversations.anyOf(tenant);
        if (any.isEmpty()) {
            return Optional.empty();
        }
        ConversationReference via = any.get().reference();
        ConversationParameters p = new ConversationParameters();
        p.setIsGroup(false);
        p.setBot(via.getBot());
        p.setMembers(List.of(new ChannelAccount(userId)));
        p.setTenantId(tenant);
        p.setChannelData(Map.of("tenant", Map.of("id", tenant)));
        return delivery.fetch(target(any.get()), "conversation opening",
                        c -> c.getConversations().createConversation(p))
                .filter(r -> r.getId() != null)
                .map(r -> {
                    ConversationReference ref = new ConversationReference();
                    ref.setChannelId(via.getChannelId());
                    ref.setServiceUrl(r.getServiceUrl() != null ? r.getServiceUrl() : via.getServiceUrl());
                    ref.setBot(via.getBot());
                    ref.setUser(new ChannelAccount(userId));
                    ConversationAccount c = new ConversationAccount(r.getId());
                    c.setTenantId(tenant);
                    c.setConversationType("personal");
                    ref.setConversation(c);
                    conversations.rememberPerson(tenant, userId, ref, null, Locale.ENGLISH, clock.instant(), true);
                    return conversations.person(tenant, userId).orElseThrow();
                });
    }

    private void chatLink(ObjectNode card, String tenant, String user, List<String> others,
                          Map<String, Optional<String>> addresses, Map<String, String> names) {
        TeamsTexts t = TeamsTexts.of(conversations.person(tenant, user).map(TeamsConversations.Stored::locale)
                .orElse(Locale.ENGLISH));
        List<String> known = new ArrayList<>();
        for (String other : others) {
            Optional<String> address = addresses.get(other);
            if (address.isPresent()) {
                known.add(address.get());
            } else {
                AdaptiveCards.appendText(card, t.rich("intro.chat.unknown", names.get(other)));
            }
        }
        if (!known.isEmpty()) {
            String withWhom = String.join(", ", others.stream().map(names::get).toList());
            String topic = t.get("intro.chat.topic", names.get(user), withWhom);
            AdaptiveCards.addLink(card, t.get("intro.chat", withWhom), "https://teams.microsoft.com/l/chat/0/0?users="
                    + URLEncoder.encode(String.join(",", known), StandardCharsets.UTF_8)
                    + "&topicName=" + URLEncoder.encode(topic, StandardCharsets.UTF_8));
        }
    }

    static Activity activity(Message message, Locale locale, Consumer<ObjectNode> extra) {
        ObjectNode card = AdaptiveCards.render(message, TeamsTexts.of(locale));
        extra.accept(card);
        Attachment attachment = new Attachment();
        attachment.setContentType(AdaptiveCards.CONTENT_TYPE);
        attachment.setContent(card);
        Activity a = Activity.createMessageActivity();
        a.setAttachment(attachment);
        a.setSummary(message.summary());
        return a;
    }

    /** The activity addressed to a conversation (from the bot, in that conversation), not as a reply. */
    private static Activity addressed(Activity activity, ConversationReference ref) {
        Activity a = Activity.clone(activity);
        a.applyConversationReference(ref, false);
        a.setReplyToId(null);
        return a;
    }

    private static Delivery.Target target(TeamsConversations.Stored s) {
        return new Delivery.Target(s.key(), s.tenant(), s.reference().getServiceUrl(), s.conversationId());
    }

    /** A sent message's handle: where it is and its id, so that it can be updated with no lookup. */
    static MessageRef ref(String serviceUrl, String tenant, String conversationId, String activityId) {
        return new MessageRef(PLATFORM, encode(serviceUrl, tenant, conversationId, activityId));
    }

    private static String encode(String serviceUrl, String tenant, String conversationId, String activityId) {
        String raw = String.join("\n", serviceUrl, tenant, conversationId, activityId);
        return "m:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String[]> decode(String id) {
        if (!id.startsWith("m:")) {
            return Optional.empty();
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(id.substring(2)), StandardCharsets.UTF_8)
                    .split("\n", -1);
            return p.length == 4 ? Optional.of(p) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

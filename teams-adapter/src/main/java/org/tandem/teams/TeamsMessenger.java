package org.tandem.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Scope;
import org.tandem.teams.graph.GraphDirectory;

/**
 * The core's outbound port for Teams, for what Tandem sends on its own (a reply goes through its turn, see
 * {@link TeamsReplies}): each message is an Adaptive Card sent through a stored conversation reference, by the
 * {@link Outbox}, in order per conversation. A person with no personal chat yet gets one opened in a tenant where
 * the bot is installed; what cannot be delivered is parked in {@link Undelivered}. Introductions are 1:1 messages
 * with a deep link to a chat of the pair, because a bot cannot create a group chat without Microsoft Graph; what is
 * then sent to the pair's group is one card in each member's chat, named by one reference ({@link TeamsRefs}). A post
 * in a team's channel is a new thread there, through the same outbox. Who and where it can reach (channels, people by
 * address, a channel's members, managers) is the {@link TeamsDirectory}'s to say.
 */
final class TeamsMessenger implements PlatformMessenger {

    static final String PLATFORM = "teams";
    static final String INTRO = "intro:";
    static final String CONVERSATION = "conv:";

    private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);

    private final TeamsConversations conversations;
    private final Outbox outbox;
    private final Destinations destinations;
    private final Redelivery redelivery;
    private final MemberLookup members;
    private final TenantPresence presence;
    private final Clock clock;
    private final AtomicReference<Instant> purged = new AtomicReference<>(Instant.EPOCH);
    // set once at start by the configuration (kept out of the constructor while the adapter changes in parallel)
    private volatile TeamsFiles files;
    private volatile GraphDirectory graph;
    private final Rosters rosters;
    private final TeamsDirectory directory;

    TeamsMessenger(TeamsConversations conversations, Delivery delivery, Undelivered undelivered, TeamsCards cards,
                   MemberLookup members, TeamsProperties properties, Clock clock) {
        this.conversations = conversations;
        this.outbox = new Outbox(conversations, delivery, undelivered, cards, new Lanes(), clock);
        this.destinations = new Destinations(conversations, delivery, properties, clock);
        this.redelivery = new Redelivery(undelivered, destinations, delivery, cards, conversations, clock);
        this.members = members;
        this.presence = new TenantPresence(conversations, delivery);
        this.clock = clock;
        this.rosters = new Rosters(delivery, properties.memberCache(), clock);
        this.directory = new TeamsDirectory(conversations, rosters, () -> Optional.ofNullable(graph));
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** Where replies in a turn are sent from: the same cards, lanes and parking as what Tandem sends on its own. */
    Outbox outbox() {
        return outbox;
    }

    /** The lane of a conversation, held by a turn there while it runs. */
    Lanes.Hold hold(String tenant, String conversationId) {
        return outbox.hold(tenant, conversationId);
    }

    @Override
    public MessageRef send(Address to, Message message) {
        if (to instanceof Address.Person p) {
            return toPerson(p.person().tenant(), p.person().userId(), message, card -> { });
        }
        if (to instanceof Address.Group g) {
            return sendToGroup(g.group(), message);
        }
        if (to instanceof Address.Channel c) {
            return toChannel(c.channel(), message, card -> { });
        }
        return sendToAdmin(to.scope().tenant(), message, card -> { });
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
            // one card in each member's personal chat, named together: an update reaches every copy
            List<String> members = conversations.members(group.id().substring(INTRO.length()));
            if (members.isEmpty()) {
                return new MessageRef(PLATFORM, "undelivered:no-members");
            }
            List<Outbox.Copy> copies = Outbox.Copy.of(members.size());
            for (int i = 0; i < members.size(); i++) {
                toPerson(group.tenant(), members.get(i), message, card -> { }, copies.get(i));
            }
            return TeamsRefs.cards(copies.get(0).all());
        }
        String conversationId = group.id().startsWith(CONVERSATION)
                ? group.id().substring(CONVERSATION.length()) : group.id();
        return toConversation(group.tenant(), conversationId, "conversation:" + conversationId, message, c -> { });
    }

    /**
     * A new thread in a team's channel, for everyone there: through the channel's lane, paced, parked when Teams
     * cannot take it now or when Tandem has no installation in the tenant to post through yet.
     */
    private MessageRef toChannel(ChannelRef channel, Message message, Consumer<ObjectNode> extra) {
        return toConversation(channel.tenant(), channel.id(), Outbox.CHANNEL + channel.id(), message, extra);
    }

    private MessageRef sendToAdmin(String tenant, Message message, Consumer<ObjectNode> extra) {
        Optional<String> admin = destinations.adminChannel(tenant);
        if (admin.isEmpty()) {
            log.warn("no admin channel for Teams tenant {}: a coordinator should type 'admin here' in one; "
                    + "the message is kept until then", tenant);
            return outbox.parkNew(tenant, "admin", message, Locale.ENGLISH, extra, "no admin channel");
        }
        return toConversation(tenant, admin.get(), "admin", message, extra);
    }

    /**
     * Teams keeps what it delivered; Tandem drops every copy of its own: the person's chat reference, contact and
     * place in introductions, what waits for them (the farewell too, if Teams had not taken it yet), the cards sent
     * to them, what waits for others or was sent to others but names them or quotes them, and the stored files that
     * do (their my-data, an export listing them).
     */
    @Override
    public void forget(Forgotten forgotten) {
        PersonRef person = forgotten.person();
        conversations.person(person.tenant(), person.userId()).ifPresent(chat ->
                outbox.delivery().pacer().forget(person.tenant(), chat.conversationId()));
        members.forget(person.tenant(), person.userId());
        rosters.forget(person.tenant());
        List<String> ids = conversations.forgetPerson(person.tenant(), person.userId());
        Needles needles = Needles.of(forgotten, ids);
        conversations.forgetSpeaker(person.tenant(), needles);
        String to = "person:" + person.userId();
        long messages = outbox.undelivered().forget(person.tenant(), to, needles);
        long cards = outbox.cards().forget(person.tenant(), to, needles);
        long stored = files == null ? 0 : files.forget(person.tenant(), needles);
        log.info("forgot a Teams person of tenant {}: {} parked message(s), {} card(s) and {} file(s) went with them",
                person.tenant(), messages, cards, stored);
    }

    @Override
    public Pace pace(Scope scope) {
        return outbox.delivery().pacer().pace();
    }

    @Override
    public Duration backlog(Scope scope) {
        return outbox.delivery().pacer().backlog(scope.tenant());
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

    /**
     * A file as a download link under the message; a picture (a report's chart) is shown on the card too, above its
     * link (kept for the clients that do not load it), from the same address: never inlined, for a card stays within
     * Teams' 28 KB.
     */
    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (to instanceof Address.Person p) {
            String link = link(p.person().tenant(), file);
            return toPerson(p.person().tenant(), p.person().userId(), message,
                    card -> download(card, locale(p.person()), file, link, message));
        }
        if (to instanceof Address.Admin a) {
            String link = link(a.scope().tenant(), file);
            return sendToAdmin(a.scope().tenant(), message, card -> download(card, Locale.ENGLISH, file, link,
                    message));
        }
        if (to instanceof Address.Channel c) {
            String link = link(c.channel().tenant(), file);
            return toChannel(c.channel(), message, card -> download(card, Locale.ENGLISH, file, link, message));
        }
        throw new IllegalArgumentException("a file goes to a person, a channel or the coordinators, not to a group");
    }

    /** Throws {@link UnsupportedOperationException} without a public address: the core then says so in words. */
    String link(String tenant, FileAttachment file) {
        if (files == null) {
            throw new UnsupportedOperationException("files are not configured for Teams");
        }
        return files.link(tenant, file);
    }

    private Locale locale(PersonRef person) {
        return conversations.person(person.tenant(), person.userId()).map(TeamsConversations.Stored::locale)
                .orElse(Locale.ENGLISH);
    }

    /**
     * What a card carries for a file, whichever way it goes (sent on Tandem's own or answered in a turn): a picture
     * shown in the card, and the download link.
     */
    static void download(ObjectNode card, Locale locale, FileAttachment file, String link, Message message) {
        if (file.image()) {
            String text = message.summary().isBlank() ? file.name() : message.summary();
            AdaptiveCards.addImage(card, link, text);
        }
        AdaptiveCards.addLink(card, TeamsTexts.of(locale).get("file.download", file.name()), link);
    }

    @Override
    public Optional<ChannelRef> channel(Scope scope, String typed) {
        return directory.channel(scope, typed);
    }

    @Override
    public Map<String, Contact> lookup(Scope scope, List<String> handles) {
        return directory.lookup(scope, handles);
    }

    @Override
    public List<Contact> members(ChannelRef channel) {
        return directory.members(channel);
    }

    @Override
    public Optional<PersonRef> manager(PersonRef person) {
        return directory.manager(person);
    }

    /** Microsoft Graph's directory, for managers (set once at start when Graph is configured). */
    void graph(GraphDirectory graph) {
        this.graph = graph;
    }

    /** Replaces a message wherever it is (delivered, waiting in its lane, parked); false when Teams refused. */
    @Override
    public boolean update(MessageRef ref, Message message) {
        return outbox.update(ref, message);
    }

    /** A conversation just appeared (a first message, {@code admin here}): what waited for it is sent now. */
    void flush(String tenant, String to) {
        redelivery.flush(tenant, to);
    }

    /**
     * Tries parked messages again, at most {@code limit}; the core's sweep calls it on every replica. Once an hour
     * it also drops the cards too old to be updated.
     */
    @Override
    public int redeliver(int limit) {
        Instant now = clock.instant();
        Instant last = purged.get();
        if (Duration.between(last, now).compareTo(Duration.ofHours(1)) > 0 && purged.compareAndSet(last, now)) {
            outbox.cards().purge(now);
        }
        return redelivery.due(limit);
    }

    /** Tries parked messages again, at most {@code limit}; returns how many were delivered. */
    int redeliverDue(int limit) {
        return redelivery.due(limit);
    }

    private MessageRef toPerson(String tenant, String userId, Message message, Consumer<ObjectNode> extra) {
        return toPerson(tenant, userId, message, extra, Outbox.Copy.single());
    }

    private MessageRef toPerson(String tenant, String userId, Message message, Consumer<ObjectNode> extra,
                                Outbox.Copy copy) {
        Optional<TeamsConversations.Stored> stored = destinations.person(tenant, userId);
        Locale locale = stored.map(TeamsConversations.Stored::locale).orElse(Locale.ENGLISH);
        if (stored.isEmpty()) {
            log.warn("no personal chat with a Teams person in {}: the message is kept until there is one", tenant);
            return outbox.parkNew(tenant, "person:" + userId, message, locale, extra, "no conversation", copy);
        }
        return outbox.post(stored.get(), "person:" + userId, message, locale, extra, copy);
    }

    private MessageRef toConversation(String tenant, String conversationId, String to, Message message,
                                      Consumer<ObjectNode> extra) {
        Optional<TeamsConversations.Stored> stored = destinations.conversation(tenant, conversationId);
        if (stored.isEmpty() || stored.get().stale()) {
            log.warn("the bot is not (or no longer) in Teams conversation {} of {}: the message is kept",
                    Logged.conversation(conversationId), tenant);
            return outbox.parkNew(tenant, to, message, Locale.ENGLISH, extra, "no conversation");
        }
        return outbox.post(stored.get(), to, message, Locale.ENGLISH, extra);
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

    /** A card for no one in particular (no id, no refresh), as tests and parked copies of old were made. */
    static Activity activity(Message message, Locale locale, Consumer<ObjectNode> extra) {
        return Outbox.activity(message, locale, AdaptiveCards.Live.NONE, extra);
    }

    /** A card Teams names by where it shows (the {@code replyToId} of a click on it). */
    static MessageRef ref(String serviceUrl, String tenant, String conversationId, String activityId) {
        return TeamsRefs.activity(serviceUrl, tenant, conversationId, activityId);
    }
}

package org.tandem.webchat;

import com.mongodb.MongoException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.PlatformMessenger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.telemetry.Redacted;

/**
 * Delivers the core's messages to the web chat's outbox. A message the outbox's database refuses is parked (see
 * {@link Parked}) and later ones to the same conversation wait behind it, so nobody reads them out of order; the
 * core's sweep delivers them ({@link #redeliver}). Named channels ({@code #kudos}) are made on first use and read by
 * everyone; the directory is the people the web chat knows ({@link WebchatPeople}); a picture (a chart) is shown
 * inline.
 */
final class WebchatMessenger implements PlatformMessenger {

    static final String PLATFORM = "webchat";
    static final String TENANT = "local";
    private static final Pattern SEQ = Pattern.compile("\\d{1,18}");
    /** A channel's name as typed: letters, digits, '-' and '_', 40 at most, with or without '#'. */
    static final Pattern CHANNEL = Pattern.compile("#?([A-Za-z0-9_-]{1,40})");
    private static final Logger log = LoggerFactory.getLogger(WebchatMessenger.class);

    private final WebchatOutbox outbox;
    private final WebchatFiles files;
    private final WebchatPeople people;
    private final List<String> coordinators;
    private final Clock clock;
    private final Parked parked = new Parked();

    WebchatMessenger(WebchatOutbox outbox, WebchatFiles files, WebchatPeople people, List<String> coordinators,
                     Clock clock) {
        this.outbox = outbox;
        this.files = files;
        this.people = people;
        this.coordinators = coordinators;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public MessageRef send(Address to, Message message) {
        if (to instanceof Address.Person p) {
            return deliver(WebchatOutbox.DIRECT, List.of(p.person().userId()), WebchatRenderer.render(message));
        }
        if (to instanceof Address.Group g) {
            return sendToGroup(g.group(), message);
        }
        if (to instanceof Address.Channel c) {
            // everyone reads a channel: its messages have no readers of their own
            return deliver(conversation(c.channel()), List.of(), WebchatRenderer.render(message));
        }
        return deliver(WebchatOutbox.ADMIN, coordinators, WebchatRenderer.render(message));
    }

    /**
     * A channel for a valid name ({@code #kudos}, {@code kudos}, any case: {@code #Kudos} is the same one), made on
     * first use; none for anything else. Its id keeps the {@code #}, so that it is never a group's ({@code g1}) where
     * a click says which place it came from.
     */
    @Override
    public Optional<ChannelRef> channel(Scope scope, String typed) {
        if (!PLATFORM.equals(scope.platform()) || typed == null) {
            return Optional.empty();
        }
        Matcher m = CHANNEL.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        outbox.openChannel(name, clock.instant());
        return Optional.of(new ChannelRef(PLATFORM, TENANT, "#" + name, name));
    }

    /** The conversation a channel of the web chat's is ({@code channel:<name>}); another one is refused. */
    static String conversation(ChannelRef channel) {
        Matcher m = CHANNEL.matcher(channel.id());
        if (!PLATFORM.equals(channel.platform()) || !channel.id().startsWith("#") || !m.matches()) {
            throw new IllegalArgumentException("no channel of the web chat's: " + channel.id());
        }
        return WebchatOutbox.CHANNEL + m.group(1).toLowerCase(Locale.ROOT);
    }

    /**
     * People by user id or by the name the web chat shows them by, any case ({@code @dana} too). In the web chat a
     * person is whoever the page is told to be: a user id nobody used yet is someone all the same (the invitation
     * waits in their conversation), and a name only counts once that person said it.
     */
    @Override
    public Map<String, Contact> lookup(Scope scope, List<String> handles) {
        Map<String, Contact> found = new LinkedHashMap<>();
        if (!PLATFORM.equals(scope.platform())) {
            return found;
        }
        List<WebchatPeople.Person> known = people.all();
        for (String handle : handles) {
            String h = handle == null ? "" : handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
            Optional<WebchatPeople.Person> person = known.stream()
                    .filter(p -> p.user().equals(h) || p.name().toLowerCase(Locale.ROOT).equals(h)).findFirst();
            if (person.isEmpty() && WebchatRequest.USER.matcher(h).matches()) {
                person = Optional.of(new WebchatPeople.Person(h, WebchatPeople.shown(h)));
            }
            person.ifPresent(p -> found.put(handle, contact(p)));
        }
        return found;
    }

    /** Everyone reads a channel of the web chat's: its members are all the people it knows. */
    @Override
    public List<Contact> members(ChannelRef channel) {
        conversation(channel);
        return people.all().stream().map(WebchatMessenger::contact).toList();
    }

    private static Contact contact(WebchatPeople.Person p) {
        return new Contact(new PersonRef(PLATFORM, TENANT, p.user()), p.name(), true);
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        List<String> users = members.stream().map(PersonRef::userId).toList();
        String id = outbox.openGroup(users);
        GroupRef group = new GroupRef(PLATFORM, TENANT, id);
        sendToGroup(group, message);
        return group;
    }

    /**
     * A message in a group that only one of its people reads (a private answer there, like Slack's ephemeral
     * messages): the page shows it where it was asked for, and the others never see it.
     */
    MessageRef sendToOneInGroup(String groupId, PersonRef reader, Message message) {
        return deliver(WebchatOutbox.GROUP + groupId, List.of(reader.userId()), WebchatRenderer.render(message));
    }

    private MessageRef sendToGroup(GroupRef group, Message message) {
        return deliver(WebchatOutbox.GROUP + group.id(), outbox.members(group.id()), WebchatRenderer.render(message));
    }

    /** Into the outbox, or parked when its database refuses or an earlier message to the same place waits. */
    private synchronized MessageRef deliver(String conversation, List<String> readers, List<Document> blocks) {
        if (!parked.waitsFor(conversation, readers)) {
            try {
                return ref(outbox.append(conversation, readers, null, blocks, clock.instant()));
            } catch (MongoException e) {
                log.warn("the web chat's database refused a message to {} ({}): kept for the next sweep",
                        conversation, Redacted.describe(e));
            }
        }
        return new MessageRef(PLATFORM, parked.park(conversation, readers, blocks, clock.instant()));
    }

    /** A file is saved first: when the database refuses, the person sees it went wrong and may ask again. */
    @Override
    public synchronized MessageRef sendFile(Address to, FileAttachment file, Message message) {
        if (to instanceof Address.Person p) {
            List<String> readers = List.of(p.person().userId());
            return ref(outbox.append(WebchatOutbox.DIRECT, readers, null, withFile(message, file, readers),
                    clock.instant()));
        }
        if (to instanceof Address.Admin) {
            return ref(outbox.append(WebchatOutbox.ADMIN, coordinators, null, withFile(message, file, coordinators),
                    clock.instant()));
        }
        if (to instanceof Address.Channel c) {
            // the file store lets only its readers have a file: everyone the web chat knows now
            List<String> readers = people.all().stream().map(WebchatPeople.Person::user).toList();
            return ref(outbox.append(conversation(c.channel()), List.of(), null, withFile(message, file, readers),
                    clock.instant()));
        }
        throw new IllegalArgumentException("a file goes to a person, a channel or the coordinators, not to a group");
    }

    @Override
    public synchronized int redeliver(int limit) {
        return parked.deliver(limit, e -> outbox.append(e.conversation(), e.readers(), null, e.blocks(), e.at()));
    }

    /**
     * Drops the person's conversations, files and words from the web chat's own store, their name and texts wherever
     * a message quoted them, and the files that named them.
     */
    @Override
    public synchronized void forget(Forgotten forgotten) {
        String user = forgotten.person().userId();
        Needles needles = Needles.of(forgotten.displayName(), forgotten.traces());
        parked.forget(user, needles, outbox.groupsOf(user));
        Set<String> withdrawn = files.forget(user, needles);
        outbox.forget(user, needles, forgotten.farewell().flatMap(this::seq), withdrawn);
        people.forget(user);
    }

    /**
     * The message's blocks, then a download link that only {@code readers} can follow; a picture is shown there too,
     * with the message's words (a chart's numbers) as its alt text.
     */
    private List<Document> withFile(Message message, FileAttachment file, List<String> readers) {
        String id = files.save(file, readers, clock.instant());
        List<Document> blocks = new ArrayList<>(WebchatRenderer.render(message));
        if (file.image()) {
            blocks.add(new Document("type", "image").append("url", WebchatController.FILES + id)
                    .append("alt", message.words()).append("name", file.name()).append("mediaType", file.mediaType())
                    .append("size", file.size()));
        } else {
            blocks.add(new Document("type", "file").append("name", file.name()).append("mediaType", file.mediaType())
                    .append("size", file.size()).append("url", WebchatController.FILES + id));
        }
        return blocks;
    }


    /**
     * Replaces a message in the outbox (its readers get it again, with a higher {@code rev}), or what a parked one
     * will show. False for a reference the web chat never gave, a message that is gone (an erased conversation), or
     * when the database refuses: nothing else changes.
     */
    @Override
    public synchronized boolean update(MessageRef ref, Message message) {
        if (!ref.platform().equals(PLATFORM)) {
            return false;
        }
        List<Document> blocks = WebchatRenderer.render(message);
        if (parked.replace(ref.id(), blocks)) {
            return true;
        }
        Optional<Long> seq = seq(ref);
        try {
            return seq.isPresent() && outbox.replace(seq.get(), blocks);
        } catch (MongoException e) {
            log.warn("the web chat's database refused to update message {} ({})", ref.id(), Redacted.describe(e));
            return false;
        }
    }

    /** Where a message the web chat gave this reference is in the outbox (a parked one: once delivered). */
    private Optional<Long> seq(MessageRef ref) {
        if (!ref.platform().equals(PLATFORM)) {
            return Optional.empty();
        }
        return SEQ.matcher(ref.id()).matches() ? Optional.of(Long.parseLong(ref.id())) : parked.seqOf(ref.id());
    }

    /** Whether a message waits for this person because the database refused it. */
    boolean holdsFor(String user) {
        return parked.holdsFor(user);
    }

    private static MessageRef ref(long seq) {
        return new MessageRef(PLATFORM, Long.toString(seq));
    }
}

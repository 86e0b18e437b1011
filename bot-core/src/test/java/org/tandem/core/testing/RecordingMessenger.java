package org.tandem.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.FileAttachment;
import org.tandem.core.conversation.GroupRef;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.Messenger;
import org.tandem.core.conversation.Scope;
import org.tandem.core.conversation.Pace;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.ReplyChannel;
import org.tandem.core.conversation.Place;

/** A {@link Messenger} that keeps what the core sends, for transcripts. It stands in for a chat platform. */
public final class RecordingMessenger implements Messenger {

    /**
     * One message as delivered: to whom ({@code person key}, {@code admin:tenant} or {@code group:id}), when, and
     * what it first said ({@code message} is what it says now, once updated in place).
     */
    public record Sent(String to, Message message, MessageRef ref, Instant at, Message original) {
        public Sent(String to, Message message, MessageRef ref, Instant at) {
            this(to, message, ref, at, message);
        }
    }

    /** One file as delivered, with the message that came with it (which is also in {@link #all()}). */
    public record SentFile(String to, FileAttachment file, MessageRef ref) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<SentFile> files = new CopyOnWriteArrayList<>();
    private final List<String> forgotten = new CopyOnWriteArrayList<>();
    private final List<Forgotten> forgottenTraces = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<MessageRef> updates = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Pace pace = Pace.NONE;
    private final Map<String, Contact> directory = new ConcurrentHashMap<>();
    private final Map<String, ChannelRef> channels = new ConcurrentHashMap<>();
    private final Map<String, List<Contact>> members = new ConcurrentHashMap<>();
    private final Map<String, PersonRef> managers = new ConcurrentHashMap<>();

    public RecordingMessenger(Clock clock) {
        this.clock = clock;
    }

    public RecordingMessenger() {
        this(Clock.systemUTC());
    }

    /** The next {@code times} sends to a destination fail, as a platform that is down would. */
    /** From now on, declares this pace, as a platform's adapter would (the default is none). */
    public void pace(Pace declared) {
        this.pace = declared;
    }

    @Override
    public Pace pace(Scope scope) {
        return pace;
    }

    /** The platform's directory knows {@code contact} by {@code handle} (an e-mail address, any case). */
    public RecordingMessenger knows(String handle, Contact contact) {
        directory.put(handle.toLowerCase(java.util.Locale.ROOT), contact);
        return this;
    }

    /** The workspace has this channel, found by its name with or without '#', and these members in it. */
    public RecordingMessenger hasChannel(ChannelRef channel, List<Contact> in) {
        channels.put(channel.name().toLowerCase(java.util.Locale.ROOT), channel);
        members.put(channel.id(), List.copyOf(in));
        return this;
    }

    /** The platform knows {@code manager} as {@code person}'s manager. */
    public RecordingMessenger managedBy(PersonRef person, PersonRef manager) {
        managers.put(person.key(), manager);
        return this;
    }

    private volatile boolean directoryDown;

    /** From now on the directory does not answer (look-ups, channels, members throw), as a platform that is down. */
    public void directoryDown(boolean down) {
        this.directoryDown = down;
    }

    private void directory() {
        if (directoryDown) {
            throw new IllegalStateException("the platform's directory is down");
        }
    }

    @Override
    public Optional<ChannelRef> channel(Scope scope, String typed) {
        directory();
        String name = typed.strip().replaceFirst("^#", "").toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(channels.get(name)).filter(c -> c.scope().equals(scope));
    }

    @Override
    public Map<String, Contact> lookup(Scope scope, List<String> handles) {
        directory();
        Map<String, Contact> found = new LinkedHashMap<>();
        for (String h : handles) {
            Contact c = directory.get(h.strip().toLowerCase(java.util.Locale.ROOT));
            if (c != null && c.person().scope().equals(scope)) {
                found.put(h, c);
            }
        }
        return found;
    }

    @Override
    public List<Contact> members(ChannelRef channel) {
        return members.getOrDefault(channel.id(), List.of());
    }

    @Override
    public Optional<PersonRef> manager(PersonRef person) {
        return Optional.ofNullable(managers.get(person.key()));
    }

    public void failNext(String destination, int times) {
        failures.put(destination, times);
    }

    @Override
    public MessageRef send(Address to, Message message) {
        return record(destination(to), message);
    }

    /**
     * Where a message to an address is kept: {@code person key}, {@code group:id}, {@code channel:id} or
     * {@code admin:tenant}.
     */
    public static String destination(Address to) {
        if (to instanceof Address.Person p) {
            return p.person().key();
        }
        if (to instanceof Address.Group g) {
            return "group:" + g.group().id();
        }
        if (to instanceof Address.Channel c) {
            return "channel:" + c.channel().id();
        }
        return "admin:" + to.scope().tenant();
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        GroupRef group = new GroupRef(members.get(0).platform(), members.get(0).tenant(),
                "g" + ids.incrementAndGet());
        record("group:" + group.id(), message);
        return group;
    }

    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        MessageRef ref = record(destination(to), message);
        files.add(new SentFile(destination(to), file, ref));
        return ref;
    }

    /**
     * The reply channel an adapter would give an event of {@code who} in {@code place}: like the plain one, but a
     * private answer in a shared place is kept apart ({@code whisper:<person key>}) so tests see where it went.
     */
    public ReplyChannel channel(PersonRef who, Place place) {
        ReplyChannel plain = ReplyChannel.of(this, who, place);
        return new ReplyChannel() {
            @Override
            public MessageRef reply(Message message) {
                return plain.reply(message);
            }

            @Override
            public MessageRef whisper(Message message) {
                return record(place instanceof Place.Direct ? who.key() : "whisper:" + who.key(), message);
            }

            @Override
            public MessageRef replyWithFile(FileAttachment file, Message message) {
                return plain.replyWithFile(file, message);
            }

            @Override
            public boolean update(MessageRef ref, Message message) {
                return RecordingMessenger.this.update(ref, message);
            }
        };
    }

    @Override
    public void forget(Forgotten what) {
        forgotten.add(what.person().key());
        forgottenTraces.add(what);
    }

    /** What the adapter was told of each person it must forget (name and traces). */
    public List<Forgotten> forgottenWhat() {
        return new ArrayList<>(forgottenTraces);
    }

    /** The files sent to a destination, oldest first. */
    public List<SentFile> filesTo(String destination) {
        return files.stream().filter(f -> f.to().equals(destination)).toList();
    }

    /** The people whose data the adapter was asked to forget. */
    public List<String> forgotten() {
        return new ArrayList<>(forgotten);
    }

    /** Replaces a message in place, as the platforms do; a reference it never gave is refused. */
    @Override
    public boolean update(MessageRef ref, Message message) {
        boolean found = false;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).ref().equals(ref)) {
                sent.set(i, new Sent(sent.get(i).to(), message, ref, sent.get(i).at(), sent.get(i).original()));
                found = true;
            }
        }
        if (found) {
            updates.add(ref);
        }
        return found;
    }

    /** The messages to these destinations updated in place after the first {@code from} updates, as they are now. */
    public List<Message> updatedSince(int from, List<String> destinations) {
        List<Message> out = new ArrayList<>();
        List<MessageRef> changed = updates().subList(from, updates.size()).stream().distinct().toList();
        for (Sent s : all()) {
            if (changed.contains(s.ref()) && destinations.contains(s.to())) {
                out.add(s.message());
            }
        }
        return out;
    }

    /** How many times messages were updated in place. */
    public List<MessageRef> updates() {
        return new ArrayList<>(updates);
    }

    public List<Sent> all() {
        return new ArrayList<>(sent);
    }

    public int size() {
        return sent.size();
    }

    /** Messages to a destination sent after the first {@code from} messages overall. */
    public List<Message> to(String destination, int from) {
        List<Message> out = new ArrayList<>();
        List<Sent> all = all();
        for (int i = from; i < all.size(); i++) {
            if (all.get(i).to().equals(destination)) {
                out.add(all.get(i).message());
            }
        }
        return out;
    }

    /** Messages to any of several destinations sent after the first {@code from} messages overall. */
    public List<Message> toAny(List<String> destinations, int from) {
        List<Message> out = new ArrayList<>();
        List<Sent> all = all();
        for (int i = from; i < all.size(); i++) {
            if (destinations.contains(all.get(i).to())) {
                out.add(all.get(i).message());
            }
        }
        return out;
    }

    private MessageRef record(String to, Message message) {
        Integer failing = failures.computeIfPresent(to, (k, n) -> n - 1);
        if (failing != null) {
            failures.remove(to, 0);
            throw new IllegalStateException("the platform refused a send to " + to + " (a test's failure)");
        }
        MessageRef ref = new MessageRef("test", "m" + ids.incrementAndGet());
        sent.add(new Sent(to, message, ref, clock.instant()));
        return ref;
    }
}

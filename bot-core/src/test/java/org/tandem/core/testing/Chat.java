package org.tandem.core.testing;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.tandem.core.TandemCore;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.Block;
import org.tandem.core.conversation.InboundEvent;
import org.tandem.core.conversation.Input;
import org.tandem.core.conversation.Message;
import org.tandem.core.conversation.MessageRef;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;
import org.tandem.core.meetings.OnlineCalendar;
import org.tandem.core.settings.Settings;
import org.tandem.core.telemetry.Meters;

/**
 * A transcript harness over the real core and a real MongoDB: people say things, click buttons and submit
 * forms; each call returns what the bot answered them. In the spirit of the Bot Framework's TestFlow.
 */
public final class Chat {

    public static final String TENANT = "t1";

    private final MongoDatabase db;
    private final RecordingMessenger out;
    private final MutableClock clock;
    private final AtomicLong events = new AtomicLong();
    private final Settings settings;
    private TandemCore core;
    private final OnlineCalendar calendar;
    private final Meters meters;

    public Chat(MongoDatabase db, MutableClock clock) {
        this(db, clock, Settings.defaults());
    }

    /** With settings of a test's own (e.g. a short retention of closed programmes). */
    public Chat(MongoDatabase db, MutableClock clock, Settings settings) {
        this(db, clock, settings, OnlineCalendar.NONE);
    }

    /** With people's online calendars (a test's own implementation of the port). */
    public Chat(MongoDatabase db, MutableClock clock, Settings settings, OnlineCalendar calendar) {
        this(db, clock, settings, calendar, Meters.none());
    }

    /** With meters of the test's own (a {@code SimpleMeterRegistry} to read them back). */
    public Chat(MongoDatabase db, MutableClock clock, Settings settings, OnlineCalendar calendar, Meters meters) {
        this.db = db;
        this.out = new RecordingMessenger(clock);
        this.clock = clock;
        this.settings = settings;
        this.calendar = calendar;
        this.meters = meters;
        this.core = new TandemCore(db, out, clock, settings, calendar, meters);
    }

    public Chat() {
        this(TestMongo.freshDatabase(), MutableClock.at("2026-03-02T09:00:00Z"));
    }

    /** Drops the core and builds a new one over the same database, as a restart or another replica would. */
    public Chat restart() {
        this.core = new TandemCore(db, out, clock, settings, calendar, meters);
        return this;
    }

    public TandemCore core() {
        return core;
    }

    public MongoDatabase db() {
        return db;
    }

    public MutableClock clock() {
        return clock;
    }

    public RecordingMessenger outbox() {
        return out;
    }

    /** A participant talking to the bot in a DM. */
    public Person person(String user, String name, Locale locale) {
        return new Person(new Actor(new PersonRef("test", TENANT, user), name, locale), Place.DIRECT);
    }

    public Person person(String user) {
        return person(user, Character.toUpperCase(user.charAt(0)) + user.substring(1), Locale.ENGLISH);
    }

    /** A coordinator talking in the admin channel. */
    public Person coordinator(String user) {
        return new Person(new Actor(new PersonRef("test", TENANT, user), user, Locale.ENGLISH), Place.ADMIN);
    }

    /** What the admin channel received from now on. */
    public int mark() {
        return out.size();
    }

    /** The id of the group conversation opened last (e.g. an introduction). */
    public String lastGroup() {
        List<RecordingMessenger.Sent> all = out.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).to().startsWith("group:")) {
                return all.get(i).to().substring("group:".length());
            }
        }
        throw new AssertionError("no group was opened");
    }

    public Replies groupSince(String group, int mark) {
        return new Replies(out.to("group:" + group, mark));
    }

    public Replies adminSince(int mark) {
        return new Replies(out.to("admin:" + TENANT, mark));
    }

    /** One person in one place. */
    public final class Person {
        private final Actor actor;
        private final Place place;

        Person(Actor actor, Place place) {
            this.actor = actor;
            this.place = place;
        }

        public PersonRef ref() {
            return actor.person();
        }

        /** The same person, elsewhere (e.g. a coordinator's DM). */
        public Person in(Place other) {
            return new Person(actor, other);
        }

        public Person speaking(Locale locale) {
            return new Person(new Actor(actor.person(), actor.displayName(), locale, actor.timeZone()), place);
        }

        /** The same person, with a time zone the platform reports. */
        public Person inZone(String zone) {
            return new Person(new Actor(actor.person(), actor.displayName(), actor.locale(),
                    Optional.of(java.time.ZoneId.of(zone))), place);
        }

        /** The same person, with the work address their platform gives. */
        public Person withEmail(String email) {
            return new Person(new Actor(actor.person(), actor.displayName(), actor.locale(), actor.timeZone(),
                    Optional.of(email)), place);
        }

        public Replies says(String text) {
            return send(new Input.FreeText(text));
        }

        public Replies command(String line) {
            return send(Input.Command.parse(line));
        }

        public Replies clicks(String actionId, String value) {
            return send(new Input.Click(actionId, value));
        }

        /** Clicks the button with this label in the last message that has one, as a platform says: on that message. */
        public Replies clicksButton(String label) {
            return press(button(label));
        }

        /** The button with this label in the last message that has one, to click now or later (an old button). */
        public Pressable button(String label) {
            List<RecordingMessenger.Sent> all = out.all();
            for (int i = all.size() - 1; i >= 0; i--) {
                RecordingMessenger.Sent s = all.get(i);
                if (!s.to().equals(destination()) && !s.to().equals("whisper:" + actor.person().key())) {
                    continue;
                }
                for (Block block : s.message().blocks()) {
                    if (block instanceof Block.Buttons bs) {
                        for (Block.Button b : bs.buttons()) {
                            if (b.label().equals(label)) {
                                return new Pressable(b.actionId(), b.value(), s.ref());
                            }
                        }
                    }
                }
            }
            throw new AssertionError("no button '" + label + "' in " + inbox().text());
        }

        /** Clicks a button found earlier, on the message it was on (it may have changed since). */
        public Replies press(Pressable b) {
            return send(new Input.Click(b.actionId(), b.value(), Optional.of(b.on())));
        }

        /** Submits a form, from the last message that shows it when there is one (as platforms say). */
        public Replies submits(String formId, Map<String, ?> values) {
            Map<String, List<String>> v = new LinkedHashMap<>();
            values.forEach((k, x) -> v.put(k, x instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(x))));
            return send(new Input.Submit(formId, v, formMessage(formId)));
        }

        private Optional<MessageRef> formMessage(String formId) {
            List<RecordingMessenger.Sent> all = out.all();
            for (int i = all.size() - 1; i >= 0; i--) {
                RecordingMessenger.Sent s = all.get(i);
                if (s.to().equals(destination()) && s.message().blocks().stream()
                        .anyMatch(b -> b instanceof Block.Form f && f.formId().equals(formId))) {
                    return Optional.of(s.ref());
                }
            }
            return Optional.empty();
        }

        /** Sends an event with a chosen id (to test de-duplication). */
        /**
         * Sends an event with a chosen id (to test de-duplication); what the person sees change comes back: the new
         * messages, and the messages updated in place (a form shown again with its errors, an answered card).
         */
        public Replies send(Input input, String eventId) {
            int before = out.size();
            int updated = out.updates().size();
            core.handle(new InboundEvent(actor, place, eventId, input).answeredBy(out.channel(actor.person(), place)));
            List<String> mine = List.of(destination(), "whisper:" + actor.person().key());
            List<Message> seen = new ArrayList<>(out.updatedSince(updated, mine));
            seen.addAll(out.toAny(mine, before));
            return new Replies(seen);
        }

        public Replies send(Input input) {
            return send(input, "e" + events.incrementAndGet());
        }

        /** Everything this person received here so far. */
        public Replies inbox() {
            return new Replies(out.toAny(List.of(destination(), "whisper:" + actor.person().key()), 0));
        }

        /** Everything this person received in their DMs from a mark on (e.g. a notice caused by someone else). */
        public Replies dmsSince(int mark) {
            return new Replies(out.to(actor.person().key(), mark));
        }

        private String destination() {
            if (place instanceof Place.Admin) {
                return "admin:" + TENANT;
            }
            if (place instanceof Place.Group g) {
                return "group:" + g.groupId();
            }
            return actor.person().key();
        }
    }

    /** A button as it was on a message: what clicking it later sends. */
    public record Pressable(String actionId, String value, MessageRef on) {}

    /** The bot's answers to one action. */
    public record Replies(List<Message> messages) {

        public String text() {
            return messages.stream().map(Render::text).collect(Collectors.joining("\n---\n"));
        }

        public Message last() {
            if (messages.isEmpty()) {
                throw new AssertionError("the bot said nothing");
            }
            return messages.get(messages.size() - 1);
        }

        /** The blocks of a kind across all answers. */
        public <T extends Block> List<T> blocks(Class<T> kind) {
            return messages.stream().flatMap(m -> m.blocks().stream()).filter(kind::isInstance).map(kind::cast)
                    .toList();
        }

        public Block.Form form() {
            List<Block.Form> forms = blocks(Block.Form.class);
            if (forms.isEmpty()) {
                throw new AssertionError("no form in: " + text());
            }
            return forms.get(forms.size() - 1);
        }

        public List<String> buttonLabels() {
            return blocks(Block.Buttons.class).stream().flatMap(b -> b.buttons().stream()).map(Block.Button::label)
                    .toList();
        }

        @Override
        public String toString() {
            return text();
        }
    }
}

package org.tandem.core.conversation;

import java.util.Objects;

/**
 * Where the core sends on its own (a nudge, an introduction, a notice): a person, a pair's group, a channel the
 * coordinators named, the admin channel.
 */
public sealed interface Address {

    /** The workspace the address belongs to: its platform picks the adapter. */
    Scope scope();

    /** A person's direct conversation with the bot. */
    record Person(PersonRef person) implements Address {
        public Person {
            Objects.requireNonNull(person, "person");
        }

        @Override
        public Scope scope() {
            return person.scope();
        }
    }

    /** A group conversation opened earlier. */
    record Group(GroupRef group) implements Address {
        public Group {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public Scope scope() {
            return group.scope();
        }
    }

    /** A channel the bot posts in for everyone there to see (a recognition channel, an announcement). */
    record Channel(ChannelRef channel) implements Address {
        public Channel {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public Scope scope() {
            return channel.scope();
        }
    }

    /** The coordinators' admin channel of a workspace. */
    record Admin(Scope scope) implements Address {
        public Admin {
            Objects.requireNonNull(scope, "scope");
        }
    }

    static Address person(PersonRef person) {
        return new Person(person);
    }

    static Address group(GroupRef group) {
        return new Group(group);
    }

    static Address channel(ChannelRef channel) {
        return new Channel(channel);
    }

    static Address admin(Scope scope) {
        return new Admin(scope);
    }

    /** Where an answer to someone in a place goes, when it is sent rather than answered in the turn. */
    static Address of(PersonRef who, Place place) {
        if (place instanceof Place.Admin) {
            return new Admin(who.scope());
        }
        if (place instanceof Place.Group g) {
            return new Group(new GroupRef(who.platform(), who.tenant(), g.groupId()));
        }
        return new Person(who);
    }

    /**
     * Where a file for someone in a place goes: the admin channel for a coordinator there, else their direct
     * conversation (never a group: a file is for the one who asked, or for the coordinators).
     */
    static Address fileFor(PersonRef who, Place place) {
        return place instanceof Place.Admin ? new Admin(who.scope()) : new Person(who);
    }
}

package org.tandem.slack;

import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/** Where the messenger posts: a person's DM with the bot, a workspace's admin channel, or a group DM. */
sealed interface Destination {

    String tenant();

    /** Where a send to an address of the core goes. */
    static Destination of(Address to) {
        if (to instanceof Address.Person p) {
            return new Person(p.person());
        }
        if (to instanceof Address.Group g) {
            return new Group(g.group().tenant(), g.group().id());
        }
        return new Admin(to.scope().tenant());
    }

    /** Where an answer to a person in a place goes. */
    static Destination of(Place place, PersonRef person) {
        if (place instanceof Place.Admin) {
            return new Admin(person.tenant());
        }
        if (place instanceof Place.Group g) {
            return new Group(person.tenant(), g.groupId());
        }
        return new Person(person);
    }

    /** The place a modal opened for this destination reports back (its {@code private_metadata}). */
    Place place();

    record Person(PersonRef who) implements Destination {
        @Override
        public String tenant() {
            return who.tenant();
        }

        @Override
        public Place place() {
            return Place.DIRECT;
        }
    }

    record Admin(String tenant) implements Destination {
        @Override
        public Place place() {
            return Place.ADMIN;
        }
    }

    record Group(String tenant, String channel) implements Destination {
        @Override
        public Place place() {
            return Place.group(channel);
        }
    }
}

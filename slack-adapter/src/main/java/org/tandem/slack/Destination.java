package org.tandem.slack;

import java.util.Optional;
import org.tandem.core.conversation.Address;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Place;

/**
 * A Slack conversation Tandem posts to: a person's DM with the bot, a workspace's admin channel, a group DM (or a
 * channel someone typed {@code /mentor} in), or a channel the coordinators named. The one place where the core's
 * addresses and places become Slack's and back: what is kept in the stores ({@link #key()}: {@code dm:<user>},
 * {@code group:<channel>}, {@code channel:<channel>}, {@code admin}), what a modal reports back (its place in
 * {@code private_metadata}), and the channel to post to.
 */
sealed interface Destination {

    String DM = "dm:";
    String GROUP = "group:";
    String CHANNEL = "channel:";
    String ADMIN = "admin";

    String tenant();

    /** Where a send to an address of the core goes. */
    static Destination of(Address to) {
        if (to instanceof Address.Person p) {
            return new Person(p.person());
        }
        if (to instanceof Address.Group g) {
            return new Group(g.group().tenant(), g.group().id());
        }
        if (to instanceof Address.Channel c) {
            return new Channel(c.channel().tenant(), c.channel().id());
        }
        return new Admin(to.scope().tenant());
    }

    /** Where an answer to a person who acted in a place goes. */
    static Destination of(PersonRef who, Place place) {
        return of(Address.of(who, place));
    }

    /** The conversation a Slack channel id is, as far as Tandem can tell (a DM's channel is not its person). */
    static Destination ofChannel(String tenant, String channel, AdminChannels admins) {
        return admins.is(tenant, channel) ? new Admin(tenant) : new Group(tenant, channel);
    }

    /** Whether a Slack channel id is a direct message's ({@code D…}): a person's, not a group's. */
    static boolean isDm(String channel) {
        return channel != null && channel.startsWith("D");
    }

    /** A destination kept by its {@link #key()}. */
    static Destination fromKey(String tenant, String key) {
        if (key.startsWith(DM)) {
            return new Person(new PersonRef(SlackMessenger.PLATFORM, tenant, key.substring(DM.length())));
        }
        if (key.startsWith(GROUP)) {
            return new Group(tenant, key.substring(GROUP.length()));
        }
        if (key.startsWith(CHANNEL)) {
            return new Channel(tenant, key.substring(CHANNEL.length()));
        }
        return new Admin(tenant);
    }

    /**
     * The place a modal reports back: what {@link Place#key()} wrote in its {@code private_metadata} (anything else,
     * a DM). Who may act there is still {@link Places}' call.
     */
    static Place placeOf(String key) {
        if (ADMIN.equals(key)) {
            return Place.ADMIN;
        }
        if (key != null && key.startsWith(GROUP) && key.length() > GROUP.length()) {
            return Place.group(key.substring(GROUP.length()));
        }
        return Place.DIRECT;
    }

    /** How it is kept: {@code dm:<user>}, {@code group:<channel>}, {@code channel:<channel>}, {@code admin}. */
    String key();

    /** The place a modal opened for this destination reports back (its {@code private_metadata}). */
    Place place();

    /**
     * The channel to post to: a person's user id (Slack opens the DM), a group's channel, or the workspace's admin
     * channel as it is now (empty when it has none yet).
     */
    Optional<String> channel(AdminChannels admins);

    record Person(PersonRef who) implements Destination {
        @Override
        public String tenant() {
            return who.tenant();
        }

        @Override
        public String key() {
            return DM + who.userId();
        }

        @Override
        public Place place() {
            return Place.DIRECT;
        }

        @Override
        public Optional<String> channel(AdminChannels admins) {
            return Optional.of(who.userId());
        }
    }

    record Admin(String tenant) implements Destination {
        @Override
        public String key() {
            return ADMIN;
        }

        @Override
        public Place place() {
            return Place.ADMIN;
        }

        @Override
        public Optional<String> channel(AdminChannels admins) {
            return admins.of(tenant);
        }
    }

    record Group(String tenant, String channel) implements Destination {
        @Override
        public String key() {
            return GROUP + channel;
        }

        /** A DM known by its channel ({@code D…}, a message updated in place) is still a direct place. */
        @Override
        public Place place() {
            return isDm(channel) ? Place.DIRECT : Place.group(channel);
        }

        @Override
        public Optional<String> channel(AdminChannels admins) {
            return Optional.of(channel);
        }
    }

    /**
     * A channel the coordinators named (a recognition channel, where an announcement goes): posted to by its id like a
     * group, but kept apart, because Tandem joins it when Slack says it is not in it (see {@link Outbox}), which it
     * must never do for a group DM or for a channel someone merely typed {@code /mentor} in. A click there comes from
     * its group place, as from any channel.
     */
    record Channel(String tenant, String channel) implements Destination {
        @Override
        public String key() {
            return CHANNEL + channel;
        }

        @Override
        public Place place() {
            return Place.group(channel);
        }

        @Override
        public Optional<String> channel(AdminChannels admins) {
            return Optional.of(channel);
        }
    }
}

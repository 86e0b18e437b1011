package org.tandem.slack;

/**
 * What the Slack adapter's log lines say of where a message goes: a group's or a channel's id, the admin channel,
 * but of a person's DM only that it is one, never the user id it is kept by nor the DM's channel id.
 */
final class Logged {

    private Logged() {
    }

    /** A kept destination ({@link Destination#key()}): {@code dm:U123} is {@code a DM}, the others as they are. */
    static String to(String key) {
        return key != null && key.startsWith(Destination.DM) ? "a DM" : key;
    }

    static String to(Destination to) {
        return to(to.key());
    }

    /** A channel to post to: a DM's ({@code D…}) or a person's user id (Slack opens the DM) is {@code a DM}. */
    static String channel(String channel) {
        return channel == null || Destination.isDm(channel) || channel.startsWith("U") || channel.startsWith("W")
                ? "a DM" : channel;
    }
}

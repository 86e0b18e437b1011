package org.tandem.teams;

/**
 * What the Teams adapter's log lines say of where a message goes: a channel's or a group chat's id ({@code 19:…}),
 * the admin channel, a team, but of a person only that it is one: never their Teams or Entra id, nor the id of their
 * personal chat with the bot (which Teams derives from them).
 */
final class Logged {

    private static final String[] PREFIXES = {"conversation:", "update:", Outbox.CHANNEL, "team:"};

    private Logged() {
    }

    /**
     * A stored or parked destination, or a send's target: {@code person|tenant|id} is {@code person|tenant|*},
     * {@code person:id} is {@code person:*}, and a personal chat's id in any of them is {@code a personal chat}.
     */
    static String key(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith("person|")) {
            int last = key.lastIndexOf('|');
            return last > "person|".length() ? key.substring(0, last + 1) + "*" : "person|*";
        }
        if (key.startsWith("person:")) {
            return "person:*";
        }
        if (key.startsWith("conversation|")) {
            int last = key.indexOf('|', "conversation|".length());
            return last < 0 ? "conversation|*" : key.substring(0, last + 1) + conversation(key.substring(last + 1));
        }
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return prefix + conversation(key.substring(prefix.length()));
            }
        }
        return key.equals("admin") ? key : conversation(key);
    }

    /** A conversation's id as it may be logged: a channel's or a group chat's, not a personal chat's. */
    static String conversation(String id) {
        return id != null && id.startsWith("19:") ? id : "a personal chat";
    }
}

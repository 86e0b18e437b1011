package org.tandem.core.conversation;

import java.util.Objects;

/** Where a conversation happens: a direct message with the bot, the coordinators' admin channel, or a group. */
public sealed interface Place {

    /** A one-to-one conversation between the bot and the person. */
    record Direct() implements Place {
        @Override
        public String key() {
            return "dm";
        }
    }

    /** The coordinators' channel; the adapter only says so for people it has checked are coordinators. */
    record Admin() implements Place {
        @Override
        public String key() {
            return "admin";
        }
    }

    /** A group conversation the bot created or joined, e.g. a pair's introduction. */
    record Group(String groupId) implements Place {
        public Group {
            Objects.requireNonNull(groupId, "groupId");
        }

        @Override
        public String key() {
            return "group:" + groupId;
        }
    }

    /** A stable name for the place: {@code dm}, {@code admin} or {@code group:<id>}. */
    String key();

    Place DIRECT = new Direct();
    Place ADMIN = new Admin();

    static Place group(String id) {
        return new Group(id);
    }
}

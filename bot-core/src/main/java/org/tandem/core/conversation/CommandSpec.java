package org.tandem.core.conversation;

import java.util.Objects;

/**
 * A command a flow answers to, where it may be used, and how {@code help} describes it.
 *
 * @param name     the first word, e.g. {@code program}
 * @param usageKey bundle key of the syntax shown in help, e.g. {@code program create}
 * @param helpKey  bundle key of the one-line description
 */
public record CommandSpec(String name, Audience audience, String usageKey, String helpKey) {

    /** Who may use a command, and so where. */
    public enum Audience {
        /** Mentors and mentees, in a direct message with the bot. */
        PARTICIPANT,
        /** Coordinators, in the admin channel. */
        COORDINATOR,
        /** Anyone, anywhere. */
        EVERYONE;

        public boolean allows(Place place) {
            return switch (this) {
                case PARTICIPANT -> place instanceof Place.Direct;
                case COORDINATOR -> place instanceof Place.Admin;
                case EVERYONE -> true;
            };
        }
    }

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(usageKey, "usageKey");
        Objects.requireNonNull(helpKey, "helpKey");
    }
}

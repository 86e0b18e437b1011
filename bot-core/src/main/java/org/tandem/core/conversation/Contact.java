package org.tandem.core.conversation;

import java.util.Objects;

/**
 * Someone a platform's directory knows (found by e-mail address, user name or as a channel's member), who may never
 * have used Tandem: who they are, the name the platform gives them, and whether the bot can write to them now (on
 * Teams only where Tandem is installed for them; a message to someone out of reach waits until it is).
 */
public record Contact(PersonRef person, String displayName, boolean reachable) {

    public Contact {
        Objects.requireNonNull(person, "person");
        displayName = displayName == null || displayName.isBlank() ? person.userId() : displayName.strip();
    }
}

package org.tandem.core.conversation;

import java.time.Instant;

/**
 * The people the bot has met, as a turn needs them: the dispatcher records that a person spoke (their name,
 * language and time zone as the platform reports them) and speaks to them as they are. The people store answers
 * it, so that the conversation knows no feature's package.
 */
public interface Persons {

    /** Records that {@code actor} was seen {@code now} and returns them as the bot now knows them. */
    Person touch(Actor actor, Instant now);
}

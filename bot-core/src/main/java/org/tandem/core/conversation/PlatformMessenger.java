package org.tandem.core.conversation;

/** A {@link Messenger} for one platform; {@link MessengerRouter} picks it by the platform of the recipient. */
public interface PlatformMessenger extends Messenger {

    /** The platform name this messenger serves, as in {@link PersonRef#platform()}. */
    String platform();
}

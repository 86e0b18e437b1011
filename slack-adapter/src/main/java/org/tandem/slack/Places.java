package org.tandem.slack;

import java.util.List;
import org.tandem.core.conversation.Place;

/**
 * Where a Slack person acted, as the core's {@link Place}: the workspace's admin channel is {@link Place#ADMIN} only
 * for a coordinator (anyone who can post there, or the people of {@code tandem.slack.coordinators} when it is
 * set); anyone else there is in a group place, so the core refuses them what is for coordinators. A group DM is a
 * group place; anything else is answered in the person's DM.
 */
final class Places {

    private final AdminChannels admins;
    private final List<String> coordinators;

    Places(AdminChannels admins, List<String> coordinators) {
        this.admins = admins;
        this.coordinators = List.copyOf(coordinators);
    }

    Place of(String tenant, String user, String channelId, String channelName) {
        if (admins.is(tenant, channelId)) {
            return coordinator(user) ? Place.ADMIN : Place.group(channelId);
        }
        if (channelId != null && channelName != null && channelName.startsWith("mpdm-")) {
            return Place.group(channelId);
        }
        return Place.DIRECT;
    }

    /**
     * The place a modal reports back (its {@code private_metadata}), checked again: a modal opened for the admin
     * channel counts as the admin channel only for a coordinator, as the list says now.
     */
    Place ofModal(String tenant, String user, String key) {
        Place p = Destination.placeOf(key);
        if (p instanceof Place.Admin && !coordinator(user)) {
            return admins.of(tenant).map(Place::group).orElse(Place.DIRECT);
        }
        return p;
    }

    /** Whether the person is a coordinator in the admin channel: listed, or anyone when no list is set. */
    boolean coordinator(String user) {
        return coordinators.isEmpty() || coordinators.contains(user);
    }

    /** Whether {@code tandem.slack.coordinators} names who the coordinators are. */
    boolean listed() {
        return !coordinators.isEmpty();
    }

    AdminChannels admins() {
        return admins;
    }
}

package org.tandem.core.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** The core's one {@link Messenger}, handing each send to the adapter of the recipient's platform. */
public final class MessengerRouter implements Messenger {

    private final Map<String, PlatformMessenger> byPlatform = new HashMap<>();

    public MessengerRouter(List<? extends PlatformMessenger> messengers) {
        for (PlatformMessenger m : messengers) {
            if (byPlatform.putIfAbsent(m.platform(), m) != null) {
                throw new IllegalStateException("two messengers for platform " + m.platform());
            }
        }
    }

    @Override
    public MessageRef sendToPerson(PersonRef person, Message message) {
        return of(person.platform()).sendToPerson(person, message);
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        String platform = members.get(0).platform();
        if (members.stream().anyMatch(p -> !p.platform().equals(platform) || !p.tenant().equals(members.get(0).tenant()))) {
            throw new IllegalArgumentException("a group's members must share a platform and a tenant");
        }
        return of(platform).openGroup(members, message);
    }

    @Override
    public MessageRef sendToGroup(GroupRef group, Message message) {
        return of(group.platform()).sendToGroup(group, message);
    }

    @Override
    public MessageRef sendToAdmin(String platform, String tenant, Message message) {
        return of(platform).sendToAdmin(platform, tenant, message);
    }

    @Override
    public void update(MessageRef ref, Message message) {
        of(ref.platform()).update(ref, message);
    }

    @Override
    public MessageRef sendFileToPerson(PersonRef person, FileAttachment file, Message message) {
        return of(person.platform()).sendFileToPerson(person, file, message);
    }

    @Override
    public MessageRef sendFileToAdmin(String platform, String tenant, FileAttachment file, Message message) {
        return of(platform).sendFileToAdmin(platform, tenant, file, message);
    }

    @Override
    public void forget(Forgotten forgotten) {
        PlatformMessenger m = byPlatform.get(forgotten.person().platform());
        if (m != null) {
            m.forget(forgotten);
        }
    }

    @Override
    public MessageRef whisper(PersonRef person, Place place, Message message) {
        return of(person.platform()).whisper(person, place, message);
    }

    @Override
    public Presence presence(Scope scope) {
        PlatformMessenger m = byPlatform.get(scope.platform());
        // a platform no longer configured cannot say it is installed
        return m == null ? Presence.REMOVED : m.presence(scope);
    }

    @Override
    public int redeliver(int limit) {
        int sent = 0;
        for (PlatformMessenger m : byPlatform.values()) {
            try {
                sent += m.redeliver(limit);
            } catch (RuntimeException e) {
                // one platform's trouble must not hold up the others' retries
                LoggerFactory.getLogger(MessengerRouter.class)
                        .error("redelivering on {} failed; the next sweep tries again", m.platform(), e);
            }
        }
        return sent;
    }

    private PlatformMessenger of(String platform) {
        PlatformMessenger m = byPlatform.get(platform);
        if (m == null) {
            throw new IllegalStateException("no adapter is configured for platform '" + platform + "'");
        }
        return m;
    }
}

package org.tandem.core.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Redacted;

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
    public MessageRef send(Address to, Message message) {
        return of(to.scope().platform()).send(to, message);
    }

    @Override
    public GroupRef openGroup(List<PersonRef> members, Message message) {
        String platform = members.get(0).platform();
        if (members.stream().anyMatch(p -> !p.platform().equals(platform)
                || !p.tenant().equals(members.get(0).tenant()))) {
            throw new IllegalArgumentException("a group's members must share a platform and a tenant");
        }
        return of(platform).openGroup(members, message);
    }

    @Override
    public boolean update(MessageRef ref, Message message) {
        PlatformMessenger m = byPlatform.get(ref.platform());
        return m != null && m.update(ref, message);
    }

    @Override
    public MessageRef sendFile(Address to, FileAttachment file, Message message) {
        return of(to.scope().platform()).sendFile(to, file, message);
    }

    @Override
    public Optional<ChannelRef> channel(Scope scope, String typed) {
        PlatformMessenger m = byPlatform.get(scope.platform());
        return m == null ? Optional.empty() : m.channel(scope, typed);
    }

    @Override
    public Map<String, Contact> lookup(Scope scope, List<String> handles) {
        PlatformMessenger m = byPlatform.get(scope.platform());
        return m == null ? Map.of() : m.lookup(scope, handles);
    }

    @Override
    public List<Contact> members(ChannelRef channel) {
        PlatformMessenger m = byPlatform.get(channel.platform());
        return m == null ? List.of() : m.members(channel);
    }

    @Override
    public Optional<PersonRef> manager(PersonRef person) {
        PlatformMessenger m = byPlatform.get(person.platform());
        return m == null ? Optional.empty() : m.manager(person);
    }

    @Override
    public void forget(Forgotten forgotten) {
        PlatformMessenger m = byPlatform.get(forgotten.person().platform());
        if (m != null) {
            m.forget(forgotten);
        }
    }

    @Override
    public Presence presence(Scope scope) {
        PlatformMessenger m = byPlatform.get(scope.platform());
        // a platform no longer configured cannot say it is installed
        return m == null ? Presence.REMOVED : m.presence(scope);
    }

    @Override
    public Pace pace(Scope scope) {
        PlatformMessenger m = byPlatform.get(scope.platform());
        return m == null ? Pace.NONE : m.pace(scope);
    }

    @Override
    public java.time.Duration backlog(Scope scope) {
        PlatformMessenger m = byPlatform.get(scope.platform());
        return m == null ? java.time.Duration.ZERO : m.backlog(scope);
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
                        .error("redelivering on {} failed; the next sweep tries again", m.platform(), Redacted.of(e));
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

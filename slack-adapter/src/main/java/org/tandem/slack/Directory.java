package org.tandem.slack;

import com.slack.api.model.User;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.Actor;
import org.tandem.core.conversation.PersonRef;

/**
 * Who a Slack user is: name, language and time zone from {@code users.info} (with {@code include_locale}),
 * cached for an hour (at most 10,000 people) so that a busy workspace does not spend its rate limit on it.
 * When Slack does not answer, the person keeps what the core already knows about them.
 */
final class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);
    static final Duration FRESH = Duration.ofHours(1);
    private static final int MAX = 10_000;

    private record Entry(Actor actor, Instant at) {}

    private final WebApi api;
    private final Clock clock;
    private final Function<PersonRef, Locale> known;
    private final Map<String, Entry> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX;
        }
    };

    Directory(WebApi api, Clock clock, Function<PersonRef, Locale> known) {
        this.api = api;
        this.clock = clock;
        this.known = known;
    }

    Actor actor(String tenant, String userId) {
        PersonRef ref = new PersonRef(SlackMessenger.PLATFORM, tenant, userId);
        synchronized (cache) {
            Entry e = cache.get(ref.key());
            if (e != null && e.at().plus(FRESH).isAfter(clock.instant())) {
                return e.actor();
            }
        }
        try {
            User u = api.call(tenant, "users.info", c -> c.usersInfo(r -> r.user(userId).includeLocale(true)))
                    .getUser();
            // the address needs the users:read.email scope; without it Slack leaves it out
            Actor actor = new Actor(ref, name(u), locale(u.getLocale()).orElseGet(() -> known.apply(ref)),
                    zone(u.getTz()), Optional.ofNullable(u.getProfile()).map(pr -> pr.getEmail()));
            synchronized (cache) {
                cache.put(ref.key(), new Entry(actor, clock.instant()));
            }
            return actor;
        } catch (WebApi.Failed e) {
            log.warn("users.info failed in {} ({}); using what is known", tenant, e.error);
            return new Actor(ref, null, known.apply(ref));
        }
    }

    /** Forgets a workspace's people (it was uninstalled). */
    void forget(String tenant) {
        synchronized (cache) {
            cache.keySet().removeIf(k -> PersonRef.fromKey(k).tenant().equals(tenant));
        }
    }

    /** The name people see: the profile's display name, else the real name, else the user name. */
    static String name(User u) {
        if (u.getProfile() != null) {
            if (u.getProfile().getDisplayName() != null && !u.getProfile().getDisplayName().isBlank()) {
                return u.getProfile().getDisplayName();
            }
            if (u.getProfile().getRealName() != null && !u.getProfile().getRealName().isBlank()) {
                return u.getProfile().getRealName();
            }
        }
        return u.getRealName() != null && !u.getRealName().isBlank() ? u.getRealName() : u.getName();
    }

    static Optional<Locale> locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            return l.getLanguage().isEmpty() ? Optional.empty() : Optional.of(l);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    static Optional<ZoneId> zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

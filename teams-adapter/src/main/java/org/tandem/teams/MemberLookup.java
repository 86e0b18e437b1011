package org.tandem.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.telemetry.Redacted;

/**
 * A person as Teams describes them (name, UPN / e-mail, Entra object id) through the SDK's Teams member lookup
 * ({@link TeamsInfo#getMember}): deep links to a chat need the address, and coordinators may be configured by it.
 * What Teams answered is kept for {@code tandem.teams.member-cache} (at most {@value #MAX} people, the least recently
 * used go first), so that a busy admin channel or a round of introductions does not ask the roster per message; an
 * address found is also stored with the person's chat.
 */
final class MemberLookup {

    private static final Logger log = LoggerFactory.getLogger(MemberLookup.class);
    static final int MAX = 10_000;

    private record Entry(TeamsChannelAccount member, Instant at) {}

    private final TeamsBotAdapter adapter;
    private final TeamsConversations conversations;
    private final String appId;
    private final Duration fresh;
    private final Clock clock;
    private final Map<String, Entry> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX;
        }
    };

    MemberLookup(TeamsBotAdapter adapter, TeamsConversations conversations, TeamsProperties properties,
                 Clock clock) {
        this.adapter = adapter;
        this.conversations = conversations;
        this.appId = properties.appId();
        this.fresh = properties.memberCache();
        this.clock = clock;
    }

    /** Within a turn: the member as Teams describes them (by their Teams id, as the activity names them). */
    Optional<TeamsChannelAccount> inTurn(TurnContext turn, String memberId) {
        String tenant = InboundActivity.tenant(turn.getActivity());
        Optional<TeamsChannelAccount> known = cached(tenant, memberId);
        if (known.isPresent()) {
            return known;
        }
        try {
            return Optional.ofNullable(TeamsInfo.getMember(turn, memberId).get(20, TimeUnit.SECONDS))
                    .map(m -> keep(tenant, memberId, m));
        } catch (Exception e) {
            log.warn("Teams member lookup in {} failed: {}", tenant, Redacted.describe(e));
            return Optional.empty();
        }
    }

    /** Outside a turn: looks the person up through their personal chat, unless their address is known already. */
    Optional<String> address(TeamsConversations.Stored person) {
        if (person.upn() != null || person.email() != null) {
            return Optional.ofNullable(person.upn() != null ? person.upn() : person.email());
        }
        String user = person.reference().getUser() == null ? null : person.reference().getUser().getId();
        if (user == null) {
            return Optional.empty();
        }
        TeamsChannelAccount m = cached(person.tenant(), user).orElseGet(() -> lookUp(person, user));
        if (m == null || m.getUserPrincipalName() == null && m.getEmail() == null) {
            return Optional.empty();
        }
        String userId = person.key().substring(person.key().lastIndexOf('|') + 1);
        conversations.saveContact(person.tenant(), userId, m.getUserPrincipalName(), m.getEmail());
        return Optional.of(m.getUserPrincipalName() != null ? m.getUserPrincipalName() : m.getEmail());
    }

    private TeamsChannelAccount lookUp(TeamsConversations.Stored person, String user) {
        AtomicReference<TeamsChannelAccount> found = new AtomicReference<>();
        try {
            adapter.continueConversation(appId, person.reference(), turn -> TeamsInfo.getMember(turn, user)
                    .thenAccept(found::set).exceptionally(e -> {
                log.warn("Teams member lookup in {} failed: {}", person.tenant(), Redacted.describe(e));
                return null;
            }).thenApply(x -> null))
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Teams member lookup in {} failed: {}", person.tenant(), Redacted.describe(e));
        }
        return found.get() == null ? null : keep(person.tenant(), user, found.get());
    }

    private Optional<TeamsChannelAccount> cached(String tenant, String memberId) {
        synchronized (cache) {
            Entry e = cache.get(tenant + "|" + memberId);
            return e != null && e.at().plus(fresh).isAfter(clock.instant()) ? Optional.of(e.member())
                    : Optional.empty();
        }
    }

    /** Kept under the id it was asked by, and the ids Teams gave with it (its Teams id, its Entra object id). */
    private TeamsChannelAccount keep(String tenant, String asked, TeamsChannelAccount m) {
        Entry e = new Entry(m, clock.instant());
        synchronized (cache) {
            cache.put(tenant + "|" + asked, e);
            if (m.getId() != null) {
                cache.put(tenant + "|" + m.getId(), e);
            }
            if (m.getAadObjectId() != null) {
                cache.put(tenant + "|" + m.getAadObjectId(), e);
            }
        }
        return m;
    }

    /** A person who erased their data is not kept here either. */
    void forget(String tenant, String userId) {
        synchronized (cache) {
            cache.entrySet().removeIf(e -> e.getKey().startsWith(tenant + "|") && (e.getKey().equals(tenant + "|"
                    + userId) || userId.equals(e.getValue().member().getAadObjectId())
                    || userId.equals(e.getValue().member().getId())));
        }
    }
}

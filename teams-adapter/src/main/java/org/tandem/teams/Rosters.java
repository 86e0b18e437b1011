package org.tandem.teams;

import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.ConversationList;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members and the channels of the teams Tandem is in, as the Bot Connector lists them ({@code GET
 * /v3/conversations/{team}/pagedmembers}, page after page ({@link RosterPages}), and {@code GET
 * /v3/teams/{team}/conversations}, as the SDK's {@code TeamsInfo} does), through {@link Delivery} (paced, retried).
 * What Teams answered is kept for {@code tandem.teams.member-cache}, so that inviting people one by one does not read a
 * whole roster each time; a roster Teams could not give is not kept, and counts as empty until it can.
 */
final class Rosters {

    /** Someone in a team, as the roster names them; {@code userId} is the adapter's id for them (Entra object id). */
    record Member(String userId, String teamsId, String aadObjectId, String name, String upn, String email) {
        /** Their UPN or e-mail is {@code address} (any case). */
        boolean at(String address) {
            return address.equalsIgnoreCase(upn) || address.equalsIgnoreCase(email);
        }
    }

    /** A team's channel; the General channel has no name of its own (its id is the team's). */
    record Channel(String id, String name) {}

    private record Kept<T>(T value, Instant at) {}

    /** No team has that many members; a continuation token that never ends stops here. */
    static final int MAX_PAGES = 500;
    private static final int MAX_KEPT = 1_000;
    private static final Logger log = LoggerFactory.getLogger(Rosters.class);

    private final Delivery delivery;
    private final Duration fresh;
    private final Clock clock;
    private final Map<String, Kept<List<Member>>> members = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Kept<List<Channel>>> channels = new LinkedHashMap<>(16, 0.75f, true);

    Rosters(Delivery delivery, Duration fresh, Clock clock) {
        this.delivery = delivery;
        this.fresh = fresh;
        this.clock = clock;
    }

    /** The people of a team (no bots), as Teams lists them now or did lately. */
    List<Member> members(TeamsConversations.Team team) {
        return kept(members, team, () -> readMembers(team));
    }

    /** A team's channels. */
    List<Channel> channels(TeamsConversations.Team team) {
        return kept(channels, team, () -> readChannels(team));
    }

    /** A person who erased their data is in no roster kept here either: the tenant's are read again. */
    void forget(String tenant) {
        synchronized (this) {
            members.keySet().removeIf(k -> k.startsWith(tenant + "|"));
        }
    }

    private <T> List<T> kept(Map<String, Kept<List<T>>> cache, TeamsConversations.Team team,
                             Supplier<Optional<List<T>>> read) {
        String key = team.via().tenant() + "|" + team.id();
        synchronized (this) {
            Kept<List<T>> k = cache.get(key);
            if (k != null && k.at().plus(fresh).isAfter(clock.instant())) {
                return k.value();
            }
        }
        Optional<List<T>> now = read.get();
        if (now.isEmpty()) {
            return List.of();
        }
        synchronized (this) {
            cache.put(key, new Kept<>(now.get(), clock.instant()));
            if (cache.size() > MAX_KEPT) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        return now.get();
    }

    private Optional<List<Member>> readMembers(TeamsConversations.Team team) {
        Delivery.Target target = target(team);
        List<Member> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = token;
            Optional<PagedMembersResult> r = delivery.fetch(target, "roster read", c -> from == null
                    ? c.getConversations().getConversationPagedMembers(team.id())
                    : RosterPages.next(c, team.id(), from));
            if (r.isEmpty()) {
                log.warn("Teams did not give the roster of team {} in tenant {}", team.id(), team.via().tenant());
                return Optional.empty();
            }
            for (ChannelAccount account : r.get().getMembers() == null ? List.<ChannelAccount>of()
                    : r.get().getMembers()) {
                member(account).filter(m -> seen.add(m.userId())).ifPresent(found::add);
            }
            token = r.get().getContinuationToken();
            if (token == null || token.isBlank()) {
                return Optional.of(List.copyOf(found));
            }
        }
        log.warn("the roster of team {} goes on past {} pages: read that far", team.id(), MAX_PAGES);
        return Optional.of(List.copyOf(found));
    }

    private Optional<List<Channel>> readChannels(TeamsConversations.Team team) {
        Optional<ConversationList> r = delivery.fetchTeams(target(team), "channel list",
                c -> c.getTeams().fetchChannelList(team.id()));
        if (r.isEmpty()) {
            log.warn("Teams did not list the channels of team {} in tenant {}", team.id(), team.via().tenant());
            return Optional.empty();
        }
        List<Channel> list = new ArrayList<>();
        for (ChannelInfo c : r.get().getConversations() == null ? List.<ChannelInfo>of()
                : r.get().getConversations()) {
            if (c.getId() != null && !c.getId().isBlank()) {
                list.add(new Channel(c.getId(), c.getName() == null || c.getName().isBlank() ? null
                        : c.getName().strip()));
            }
        }
        return Optional.of(List.copyOf(list));
    }

    /** A person of the roster, named as the adapter names people ({@link InboundActivity#userId}); not a bot. */
    private static Optional<Member> member(ChannelAccount account) {
        TeamsChannelAccount m = Serialization.convert(account, TeamsChannelAccount.class);
        if (m == null || m.getId() == null || m.getId().startsWith("28:")) {
            return Optional.empty();
        }
        // older rosters name the Entra object id objectId
        if ((m.getAadObjectId() == null || m.getAadObjectId().isBlank()) && m.getObjectId() != null) {
            m.setAadObjectId(m.getObjectId());
        }
        return Optional.of(new Member(InboundActivity.userId(m), m.getId(), m.getAadObjectId(), m.getName(),
                m.getUserPrincipalName(), m.getEmail()));
    }

    /** A team is read through one of its channels' references (its service URL), under the team's id. */
    private static Delivery.Target target(TeamsConversations.Team team) {
        TeamsConversations.Stored via = team.via();
        return new Delivery.Target("team:" + team.id(), via.tenant(), via.reference().getServiceUrl(), team.id());
    }
}

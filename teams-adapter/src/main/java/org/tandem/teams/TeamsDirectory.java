package org.tandem.teams;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.conversation.ChannelRef;
import org.tandem.core.conversation.Contact;
import org.tandem.core.conversation.PersonRef;
import org.tandem.core.conversation.Scope;
import org.tandem.teams.graph.GraphDirectory;

/**
 * Who and where Tandem can reach on Teams, for the core's look-ups: the channels of the teams it is in (Teams has no
 * channel mention in text: a channel is named by its name, with or without '#', its id or its link), the people of
 * those teams' rosters and those with a personal chat stored, found by UPN or e-mail in any case, and a person's
 * manager through Microsoft Graph when it is configured. People are named by the adapter's user id, their Entra
 * object id ({@link InboundActivity#userId}), the same as when they write to Tandem.
 */
final class TeamsDirectory {

    /** What Teams calls the channel every team has, which the channel list leaves without a name. */
    static final String GENERAL = "General";
    private static final Pattern CHANNEL_ID = Pattern.compile("19:[A-Za-z0-9._-]{1,200}@thread\\.(?:tacv2|skype)");
    private static final Logger log = LoggerFactory.getLogger(TeamsDirectory.class);

    private final TeamsConversations conversations;
    private final Rosters rosters;
    private final Supplier<Optional<GraphDirectory>> graph;

    TeamsDirectory(TeamsConversations conversations, Rosters rosters, Supplier<Optional<GraphDirectory>> graph) {
        this.conversations = conversations;
        this.rosters = rosters;
        this.graph = graph;
    }

    /**
     * The channel a coordinator typed, among the channels of the teams Tandem is in: its id ({@code 19:…}), its link
     * as Teams copies it, or its name (any case, '#' or not; the General channel by "General" or by its team's
     * name). A name that several teams have names none of them: the coordinator then gives the id or the link.
     */
    Optional<ChannelRef> channel(Scope scope, String typed) {
        if (!TeamsMessenger.PLATFORM.equals(scope.platform()) || typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String tenant = scope.tenant();
        Optional<String> id = channelId(typed.strip());
        String name = typed.strip().replaceFirst("^#", "").strip();
        Map<String, ChannelRef> found = new LinkedHashMap<>();
        for (TeamsConversations.Team team : conversations.teams(tenant)) {
            for (Rosters.Channel c : rosters.channels(team)) {
                String shown = c.name() == null ? GENERAL : c.name();
                boolean general = c.name() == null || c.id().equals(team.id());
                boolean matches = id.isPresent() ? id.get().equals(c.id())
                        : shown.equalsIgnoreCase(name) || general && name.equalsIgnoreCase(team.name());
                if (matches) {
                    found.putIfAbsent(c.id(), new ChannelRef(TeamsMessenger.PLATFORM, tenant, c.id(), shown));
                }
            }
        }
        if (found.size() > 1) {
            log.info("{} channels of tenant {} have the name asked for: none is chosen", found.size(), tenant);
            return Optional.empty();
        }
        return found.values().stream().findFirst();
    }

    /**
     * The people of the tenant known by these UPNs or e-mail addresses, each handle found mapped to them in the
     * order given: from the rosters of the teams Tandem is in (reachable: the bot may open a chat with them), else
     * among the people with a personal chat stored (reachable unless Teams said Tandem was removed there).
     */
    Map<String, Contact> lookup(Scope scope, List<String> handles) {
        Map<String, Contact> found = new LinkedHashMap<>();
        if (!TeamsMessenger.PLATFORM.equals(scope.platform())) {
            return found;
        }
        String tenant = scope.tenant();
        List<Rosters.Member> everyone = null;
        for (String handle : handles) {
            String address = handle == null ? "" : handle.strip().replaceFirst("(?i)^mailto:", "");
            if (!address.contains("@") || found.containsKey(handle)) {
                continue;
            }
            if (everyone == null) {
                everyone = everyone(tenant);
            }
            Optional<Contact> contact = everyone.stream().filter(m -> m.at(address)).findFirst()
                    .flatMap(m -> contact(tenant, m.userId(), m.name(), true))
                    .or(() -> conversations.peopleAt(tenant, address).stream().findFirst()
                            .flatMap(s -> contact(tenant, TeamsConversations.userId(s), s.name(), !s.stale())));
            contact.ifPresent(c -> found.put(handle, c));
        }
        return found;
    }

    /** The people of a channel: its team's roster. */
    List<Contact> members(ChannelRef channel) {
        if (!TeamsMessenger.PLATFORM.equals(channel.platform())) {
            return List.of();
        }
        Optional<TeamsConversations.Team> team = teamOf(channel);
        if (team.isEmpty()) {
            log.info("channel {} of tenant {} is in no team Tandem is in: no members", channel.id(),
                    channel.tenant());
            return List.of();
        }
        List<Contact> contacts = new ArrayList<>();
        for (Rosters.Member m : rosters.members(team.get())) {
            contact(channel.tenant(), m.userId(), m.name(), true).ifPresent(contacts::add);
        }
        return contacts;
    }

    /**
     * A person's manager as Graph knows them, when Graph is configured and Tandem can reach the manager (in a roster
     * of a team Tandem is in, or with a personal chat stored).
     */
    Optional<PersonRef> manager(PersonRef person) {
        Optional<GraphDirectory> directory = graph.get();
        if (directory.isEmpty() || !TeamsMessenger.PLATFORM.equals(person.platform())) {
            return Optional.empty();
        }
        String tenant = person.tenant();
        return directory.get().manager(tenant, person.userId()).filter(id -> reachable(tenant, id))
                .flatMap(id -> ref(tenant, id));
    }

    private boolean reachable(String tenant, String userId) {
        return conversations.person(tenant, userId).filter(s -> !s.stale()).isPresent()
                || everyone(tenant).stream().anyMatch(m -> m.userId().equals(userId));
    }

    /** Everyone of every team Tandem is in, each once. */
    private List<Rosters.Member> everyone(String tenant) {
        Map<String, Rosters.Member> all = new LinkedHashMap<>();
        for (TeamsConversations.Team team : conversations.teams(tenant)) {
            rosters.members(team).forEach(m -> all.putIfAbsent(m.userId(), m));
        }
        return new ArrayList<>(all.values());
    }

    /** The team of a channel: the one the bot heard it from, the one it is the General channel of, or a listing. */
    private Optional<TeamsConversations.Team> teamOf(ChannelRef channel) {
        List<TeamsConversations.Team> teams = conversations.teams(channel.tenant());
        Optional<String> heard = conversations.teamOf(channel.tenant(), channel.id());
        for (TeamsConversations.Team t : teams) {
            if (t.id().equals(channel.id()) || heard.map(t.id()::equals).orElse(false)) {
                return Optional.of(t);
            }
        }
        return teams.stream().filter(t -> rosters.channels(t).stream().anyMatch(c -> c.id().equals(channel.id())))
                .findFirst();
    }

    /** A channel's id as typed, or in a link Teams copies ({@code …/l/channel/19%3a…%40thread.tacv2/…}). */
    static Optional<String> channelId(String typed) {
        String decoded = typed;
        if (typed.contains("%")) {
            try {
                decoded = URLDecoder.decode(typed, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Matcher m = CHANNEL_ID.matcher(decoded);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static Optional<Contact> contact(String tenant, String userId, String name, boolean reachable) {
        return ref(tenant, userId).map(p -> new Contact(p, name, reachable));
    }

    /** An id that is no safe part of a person's reference (none Teams gives) names no one. */
    private static Optional<PersonRef> ref(String tenant, String userId) {
        try {
            return Optional.of(new PersonRef(TeamsMessenger.PLATFORM, tenant, userId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
